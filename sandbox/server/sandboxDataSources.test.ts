/** @jest-environment node */
import path from 'path';
import { bootDataScript } from './bootData';
import { loadSandboxDataSources } from './sandboxDataSources';

const ROOT = path.resolve(__dirname, '..', '..');

const defaultOf = (dataSources: ReturnType<typeof loadSandboxDataSources>) =>
  dataSources.filter((ds) => ds.isDefault).map((ds) => ds.uid);

describe('the datasources npm start serves (provisioning/datasources/kompas.yaml)', () => {
  it('without PostgreSQL, the demo datasource is the default (new panels and Explore work with no backend)', () => {
    const dataSources = loadSandboxDataSources(ROOT, { jaegerUrl: 'http://127.0.0.1:16686' });
    expect(defaultOf(dataSources)).toEqual(['kompas-demo']);
    // What the browser is told: Grafana's boot data names the default datasource.
    expect(bootDataScript(path.join(ROOT, 'dist'), dataSources, 'dark')).toContain('"defaultDatasource":"Kompas (Demo)"');
  });

  it('with KOMPAS_PG_URL, the provisioned default (Timescale) stays, pointed at that database', () => {
    const dataSources = loadSandboxDataSources(ROOT, {
      jaegerUrl: 'http://127.0.0.1:16686',
      postgresUrl: 'postgres://reader:p%40ss@127.0.0.1:5433/kompas',
    });
    expect(defaultOf(dataSources)).toEqual(['kompas-timescale']);
    const postgres = dataSources.find((ds) => ds.uid === 'kompas-postgres')!;
    expect(postgres).toMatchObject({ url: '127.0.0.1:5433', user: 'reader', secureJsonData: { password: 'p@ss' } });
    // A local database: no TLS unless KOMPAS_PG_SSLMODE says otherwise.
    expect(postgres.jsonData).toMatchObject({ database: 'kompas', sslmode: 'disable' });
    const tls = loadSandboxDataSources(ROOT, { postgresUrl: 'postgres://u@db/kompas', postgresSslMode: 'require' });
    expect(tls.find((ds) => ds.uid === 'kompas-postgres')?.jsonData.sslmode).toBe('require');
  });
});
