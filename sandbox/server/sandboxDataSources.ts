/*
 * The datasources `npm start` serves: provisioning/datasources/kompas.yaml, expanded with the sandbox's own
 * Jaeger and PostgreSQL, and a default that works with what is actually running.
 */
import path from 'path';
import { loadProvisionedDataSources, StoredDataSource } from './datasourceStore';

export interface SandboxBackends {
  /** The Jaeger the Jaeger and Timescale datasources use (the replay server unless KOMPAS_JAEGER_URL says). */
  jaegerUrl?: string;
  /** KOMPAS_PG_URL, e.g. postgres://user:pw@127.0.0.1:5432/kompas; undefined: no PostgreSQL. */
  postgresUrl?: string;
  /** TLS mode toward that PostgreSQL (KOMPAS_PG_SSLMODE); default disable, for a local database. */
  postgresSslMode?: string;
}

/** Whether a datasource reads PostgreSQL: Grafana's own, or a Kompas one in Timescale mode. */
function needsPostgres(ds: StoredDataSource): boolean {
  return ds.type === 'grafana-postgresql-datasource' || ds.jsonData.defaultSource === 'timescale';
}

/**
 * The provisioning file makes "Kompas (Timescale)" the default, which is right for the compose stack. Without
 * PostgreSQL, that default would give every new panel and Explore a datasource that cannot answer, so the
 * Kompas datasource in demo mode (no backend needed) becomes the default instead.
 */
export function withWorkingDefault(dataSources: StoredDataSource[], hasPostgres: boolean): StoredDataSource[] {
  const current = dataSources.find((ds) => ds.isDefault);
  const demo = dataSources.find((ds) => ds.jsonData.defaultSource === 'demo');
  if (hasPostgres || !demo || (current && !needsPostgres(current))) {
    return dataSources;
  }
  return dataSources.map((ds) => ({ ...ds, isDefault: ds.uid === demo.uid }));
}

export function loadSandboxDataSources(rootDir: string, backends: SandboxBackends): StoredDataSource[] {
  const pg = backends.postgresUrl ? new URL(backends.postgresUrl) : undefined;
  const env = {
    KOMPAS_JAEGER_URL: backends.jaegerUrl ?? '',
    KOMPAS_PG_HOSTPORT: pg ? `${pg.hostname}:${pg.port || 5432}` : '',
    KOMPAS_PG_DATABASE: pg ? decodeURIComponent(pg.pathname.slice(1)) : '',
    KOMPAS_PG_USER: pg ? decodeURIComponent(pg.username) : '',
    KOMPAS_PG_PASSWORD: pg ? decodeURIComponent(pg.password) : '',
    KOMPAS_PG_SSLMODE: backends.postgresSslMode ?? 'disable',
  };
  const file = path.join(rootDir, 'provisioning', 'datasources', 'kompas.yaml');
  return withWorkingDefault(loadProvisionedDataSources(file, env), pg !== undefined);
}
