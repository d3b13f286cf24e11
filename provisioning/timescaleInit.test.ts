/**
 * @jest-environment node
 *
 * stack/timescaledb/10-grafana-reader.sh (run by the TimescaleDB image on first start) on real PostgreSQL:
 * the role Grafana connects with can read everything the collector's migrations create later, and cannot
 * write.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Pool } from 'pg';
import { migrate } from '../collector/src/db/migrate';
import { setupTestPostgres } from '../testkit/jest';
import { REPO_ROOT } from './testing/provisioningFiles';

const run = promisify(execFile);
const handle = setupTestPostgres();
jest.setTimeout(60_000);

const PG_BIN = process.env.KOMPAS_PG_BIN ?? '/usr/lib/postgresql/15/bin';

function withUser(url: string, user: string, password?: string): string {
  const parsed = new URL(url);
  parsed.username = user;
  parsed.password = password ?? '';
  return parsed.toString();
}

describe('TimescaleDB init script: read-only role for Grafana', () => {
  it('grants SELECT on tables created later by the collector, and nothing else', async () => {
    const url = await handle.pg.createDatabase();
    const { hostname, port, pathname } = new URL(url);
    const suffix = pathname.slice(1).replace(/\W/g, '_');
    const owner = `kompas_owner_${suffix}`;
    const reader = `grafana_reader_${suffix}`;
    const admin = new Pool({ connectionString: url, max: 1 });
    // In the image, POSTGRES_USER is the superuser that owns the database.
    await admin.query(`CREATE ROLE ${owner} LOGIN SUPERUSER`);
    await admin.end();

    await run('sh', [join(REPO_ROOT, 'stack/timescaledb/10-grafana-reader.sh')], {
      env: {
        PATH: `${PG_BIN}:${process.env.PATH}`,
        PGHOST: hostname,
        PGPORT: port,
        POSTGRES_USER: owner,
        POSTGRES_DB: pathname.slice(1),
        KOMPAS_GRAFANA_DB_USER: reader,
        KOMPAS_GRAFANA_DB_PASSWORD: 'reader-secret',
      },
    });

    const collector = new Pool({ connectionString: withUser(url, owner), max: 1 });
    const grafana = new Pool({ connectionString: withUser(url, reader, 'reader-secret'), max: 1 });
    try {
      await migrate(collector);
      await collector.query("INSERT INTO kompas.edges (client_service, server_service) VALUES ('orders', 'payments')");
      await collector.query(
        "INSERT INTO kompas.edge_buckets_10s SELECT now(), edge_id, 10, 1, 250, '{300}', '{10}' FROM kompas.edges"
      );
      const { rows } = await grafana.query(
        'SELECT client_service, server_service, requests, kompas.sketch_quantile(latency_idx, latency_cnt, 0.95) > 0 AS has_p95 FROM kompas.edge_stats_10s'
      );
      expect(rows).toEqual([{ client_service: 'orders', server_service: 'payments', requests: '10', has_p95: true }]);
      await expect(
        grafana.query("INSERT INTO kompas.edges (client_service, server_service) VALUES ('x', 'y')")
      ).rejects.toThrow(/read-only transaction|permission denied/);
      await expect(grafana.query('DELETE FROM kompas.edge_buckets_10s')).rejects.toThrow(
        /read-only transaction|permission denied/
      );
      await expect(grafana.query('CREATE TABLE kompas.sneaky (x int)')).rejects.toThrow(
        /read-only transaction|permission denied/
      );
      const timeout = await grafana.query('SHOW statement_timeout');
      expect(timeout.rows[0].statement_timeout).toBe('30s');
    } finally {
      await collector.end();
      await grafana.end();
    }
  });
});
