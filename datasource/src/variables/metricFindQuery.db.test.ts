/**
 * `services()` variables follow the default source: Timescale reads the collector's node list on a real PostgreSQL
 * (through the sandbox's Grafana-shaped /api/ds/query), Demo lists the simulated shop, Jaeger needs a URL for operations.
 */
import { PostgresQueryRunner } from '../../../sandbox/server/postgresQuery';
import { setupTestPostgres } from '../../../testkit/jest';
import { DataflowDataSource } from '../datasource';
import { createDatabaseWithNodes, kompasOnPostgres } from '../postgres/testSupport';
import { DataflowDataSourceOptions } from '../types';

const handle = setupTestPostgres();
jest.setTimeout(60_000);
const runner = new PostgresQueryRunner();
let databaseUrl = '';

beforeAll(async () => {
  databaseUrl = await createDatabaseWithNodes(handle.pg, [
    ['payments', 'service'],
    ['checkout', 'service'],
    ['payments-db', 'database'],
    ['order-events', 'messaging'],
  ]);
});
afterAll(() => runner.close());

function datasource(jsonData: Partial<DataflowDataSourceOptions>): DataflowDataSource {
  return kompasOnPostgres(runner, databaseUrl, jsonData);
}

describe('services() by default source', () => {
  it('lists the services (not databases or topics) the collector has seen, in Timescale mode', async () => {
    const ds = datasource({ defaultSource: 'timescale', postgresDatasourceUid: 'pg' });
    expect(await ds.metricFindQuery('services()')).toEqual([
      { text: 'checkout', value: 'checkout' },
      { text: 'payments', value: 'payments' },
    ]);
  });

  it('says what is missing when Timescale mode has no PostgreSQL datasource', async () => {
    await expect(datasource({ defaultSource: 'timescale' }).metricFindQuery('services()')).rejects.toThrow(
      'Timescale mode: not configured (choose the PostgreSQL datasource in the datasource settings)'
    );
  });

  it('lists the demo shop services without any backend', async () => {
    const names = (await datasource({ defaultSource: 'demo' }).metricFindQuery('services()')).map((v) => v.text);
    expect(names).toEqual(expect.arrayContaining(['api-gateway', 'payments', 'inventory']));
    expect(names).not.toContain('payments-db');
  });

  it('asks for a Jaeger URL for operations()', async () => {
    await expect(datasource({ defaultSource: 'demo' }).metricFindQuery('operations(payments)')).rejects.toThrow(
      'Jaeger URL is empty'
    );
  });
});
