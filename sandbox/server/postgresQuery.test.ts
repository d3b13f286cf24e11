/** @jest-environment node */
import { setupTestPostgres } from '../../testkit/jest';
import { StoredDataSource } from './datasourceStore';
import { PostgresQueryRunner } from './postgresQuery';

const handle = setupTestPostgres();

function postgresDataSource(url: string): StoredDataSource {
  const u = new URL(url);
  return {
    uid: 'pg',
    name: 'PG',
    type: 'grafana-postgresql-datasource',
    url: `${u.hostname}:${u.port}`,
    access: 'proxy',
    isDefault: false,
    basicAuth: false,
    basicAuthUser: '',
    user: decodeURIComponent(u.username),
    database: '',
    jsonData: { database: u.pathname.slice(1) },
    secureJsonData: u.password ? { password: decodeURIComponent(u.password) } : {},
  };
}

describe('sandbox /api/ds/query on real PostgreSQL', () => {
  const runner = new PostgresQueryRunner();
  afterAll(() => runner.close());

  it('expands time macros and answers frames typed as Grafana types them', async () => {
    const ds = postgresDataSource(await handle.pg.createDatabase());
    const from = Date.UTC(2026, 0, 1, 0, 0, 0);
    const to = Date.UTC(2026, 0, 1, 1, 0, 0);
    const result = await runner.run(ds, {
      from: String(from),
      to: String(to),
      queries: [
        {
          refId: 'A',
          rawSql: `SELECT t AS time, 42::bigint AS n, 'x'::text AS s, true AS ok
                   FROM (VALUES ('2026-01-01T00:30:00Z'::timestamptz), ('2026-01-02T00:00:00Z'::timestamptz)) v(t)
                   WHERE $__timeFilter(t)`,
        },
      ],
    });
    expect(result.status).toBe(200);
    const frame = (result.body as any).results.A.frames[0];
    expect(frame.schema.fields.map((f: { type: string }) => f.type)).toEqual(['time', 'number', 'string', 'boolean']);
    expect(frame.data.values).toEqual([[Date.UTC(2026, 0, 1, 0, 30)], [42], ['x'], [true]]);
  });

  it('answers 400 with the database error for a bad query, per refId', async () => {
    const ds = postgresDataSource(await handle.pg.createDatabase());
    const result = await runner.run(ds, { from: '0', to: '1', queries: [{ refId: 'B', rawSql: 'SELECT * FROM missing_table' }] });
    expect(result.status).toBe(400);
    expect((result.body as any).results.B.error).toMatch(/missing_table/);
  });
});
