/**
 * Helpers for the real-PostgreSQL tests of Timescale mode (not shipped: only *.test.ts files import this).
 * They run under jsdom (which @grafana/data needs) and use the sandbox's /api/ds/query runner as Grafana.
 */
import * as nodeTimers from 'timers';
import { BackendSrv, BackendSrvRequest, FetchResponse } from '@grafana/runtime';
import { Observable, from, map } from 'rxjs';

import { Pool } from 'pg';

import { migrate } from '../../../collector/src/db/migrate';
import { PostgresQueryRunner } from '../../../sandbox/server/postgresQuery';
import { StoredDataSource } from '../../../sandbox/server/datasourceStore';
import type { TestPostgres } from '../../../testkit/postgres';
import { DataflowDataSource } from '../datasource';
import { createBackendSrvDsQuery } from './dsQuery';
import { DataflowDataSourceOptions } from '../types';

/** A Grafana PostgreSQL datasource (as the sandbox stores it) on the database at `databaseUrl`. */
export function postgresDataSource(databaseUrl: string, uid = 'pg'): StoredDataSource {
  const url = new URL(databaseUrl);
  const database = decodeURIComponent(url.pathname.slice(1));
  return {
    uid,
    name: 'Kompas PostgreSQL',
    type: 'grafana-postgresql-datasource',
    url: url.host,
    access: 'proxy',
    isDefault: false,
    basicAuth: false,
    basicAuthUser: '',
    user: decodeURIComponent(url.username),
    database,
    jsonData: { database },
    secureJsonData: {},
  };
}

/** Grafana's BackendSrv contract for /api/ds/query: 200 → response, otherwise a FetchError with the body. */
export function runnerBackendSrv(runner: PostgresQueryRunner, dataSource: () => StoredDataSource): BackendSrv {
  return {
    fetch: <T>(options: BackendSrvRequest): Observable<FetchResponse<T>> =>
      from(runner.run(dataSource(), options.data)).pipe(
        map((result) => {
          if (result.status !== 200) {
            throw { status: result.status, statusText: 'Bad Request', data: result.body };
          }
          return { data: result.body as T, status: 200 } as FetchResponse<T>;
        })
      ),
  } as unknown as BackendSrv;
}

/**
 * The collector is a Node service; jsdom's timers lack Node's `unref`. The collector gets Node's timers
 * while `work` runs.
 */
export async function withNodeTimers<T>(work: () => Promise<T>): Promise<T> {
  const saved = { setTimeout, clearTimeout, setInterval, clearInterval };
  const { setTimeout: st, clearTimeout: ct, setInterval: si, clearInterval: ci } = nodeTimers;
  Object.assign(globalThis, { setTimeout: st, clearTimeout: ct, setInterval: si, clearInterval: ci });
  try {
    return await work();
  } finally {
    Object.assign(globalThis, saved);
  }
}

/** A fresh database with the collector's schema whose node list holds `nodes` ([service, kind], seen now). */
export async function createDatabaseWithNodes(pg: TestPostgres, nodes: Array<[string, string]>): Promise<string> {
  const databaseUrl = await pg.createDatabase();
  const pool = new Pool({ connectionString: databaseUrl, max: 1 });
  try {
    await migrate(pool);
    await pool.query(
      `INSERT INTO kompas.nodes (service, kind, first_seen, last_seen)
       SELECT service, kind, now(), now() FROM unnest($1::text[], $2::text[]) AS n(service, kind)`,
      [nodes.map(([service]) => service), nodes.map(([, kind]) => kind)]
    );
  } finally {
    await pool.end();
  }
  return databaseUrl;
}

/** The Kompas datasource with `jsonData`, its PostgreSQL datasource (uid pg) on `databaseUrl` through `runner`. */
export function kompasOnPostgres(
  runner: PostgresQueryRunner,
  databaseUrl: string,
  jsonData: Partial<DataflowDataSourceOptions>
): DataflowDataSource {
  const postgres = postgresDataSource(databaseUrl);
  return new DataflowDataSource(
    { uid: 'kompas', name: 'Kompas', type: 'kompas-dataflow-datasource', jsonData } as never,
    { postDsQuery: createBackendSrvDsQuery(() => runnerBackendSrv(runner, () => postgres)), replace: (t) => t }
  );
}
