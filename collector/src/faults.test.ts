/**
 * @jest-environment node
 *
 * Faults under load: PostgreSQL stopped and restarted, the collector SIGKILLed and restarted. Afterwards
 * the database must hold exactly the edges of the spans the collector acknowledged (plus, for a kill,
 * the unanswered requests that had already reached its spool: the client would retry those anyway).
 * KOMPAS_LONG_FAULTS=1 stretches the database outage from 5 s to 30 s.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { setupTestPostgres } from '../../testkit/jest';
import { findFreePort } from '../../testkit/postgres';
import { startCollector } from './service';
import { databaseEdgeTotals, expectedEdgeTotals, postOtlp, testCollectorConfig } from './testing/collectorHarness';
import { createLoadGenerator } from './testing/loadGenerator';
import { lastSpooledSeq, spooledBodies } from './testing/spoolContents';

const handle = setupTestPostgres();
const OUTAGE_MS = process.env.KOMPAS_LONG_FAULTS === '1' ? 30_000 : 5_000;
jest.setTimeout(OUTAGE_MS + 90_000);

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('collector faults', () => {
  it(`loses nothing when PostgreSQL is down for ${OUTAGE_MS / 1000} s under load`, async () => {
    const url = await handle.pg.createDatabase();
    const collector = await startCollector(testCollectorConfig(url), { processMetrics: false, log: () => undefined });
    const load = createLoadGenerator({ url: () => collector.url, concurrency: 4, sliceMs: 500, ratePerSecond: 40, encoding: 'protobuf' });
    const running = load.run();
    try {
      await sleep(1000);
      await handle.pg.stopServer();
      await sleep(OUTAGE_MS);
      const ackedDuringOutage = load.acked.length;
      await handle.pg.startServer();
      await sleep(1000);
      load.stop();
      await running;
      await collector.stop();
      expect(ackedDuringOutage).toBeGreaterThan(10);
      expect(load.failed).toEqual([]);
      const pool = new Pool({ connectionString: url });
      try {
        const expected = expectedEdgeTotals(load.acked.flatMap((r) => r.spans));
        expect(await databaseEdgeTotals(pool)).toEqual(expected);
        expect(await databaseEdgeTotals(pool, '1h')).toEqual(expected);
      } finally {
        await pool.end();
      }
    } finally {
      load.stop();
      await collector.stop();
    }
  });

  it('loses nothing and counts nothing twice when the collector is SIGKILLed and restarted', async () => {
    const url = await handle.pg.createDatabase();
    const spoolDir = mkdtempSync(join(tmpdir(), 'kompas-spool-'));
    const port = await findFreePort();
    const base = `http://127.0.0.1:${port}`;
    const env = {
      ...process.env,
      KOMPAS_DATABASE_URL: url,
      KOMPAS_LISTEN_HOST: '127.0.0.1',
      KOMPAS_LISTEN_PORT: String(port),
      KOMPAS_SPOOL_DIR: spoolDir,
      KOMPAS_COLLECTOR_ID: 'killed',
      // Long flushes and pairing: the kill lands with acknowledged data neither written nor paired.
      KOMPAS_FLUSH_INTERVAL_MS: '700',
      KOMPAS_PAIRING_TTL_MS: '1500',
    };
    const launch = (): ChildProcess =>
      spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'main.ts')], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    const waitReady = async (): Promise<void> => {
      for (let i = 0; i < 600; i++) {
        const res = await postOtlp(base, '', { path: '/readyz', method: 'GET' }).catch(() => undefined);
        if (res?.status === 200) {
          return;
        }
        await sleep(50);
      }
      throw new Error('collector did not become ready');
    };

    let child = launch();
    const load = createLoadGenerator({ url: () => base, concurrency: 4, sliceMs: 300, ratePerSecond: 40, encoding: 'json' });
    try {
      await waitReady();
      const running = load.run();
      await sleep(1500);
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      const reachedSpool = spooledBodies(spoolDir);
      // The kill must land with spooled records the database does not have yet, or replay is not tested.
      const checkpointPool = new Pool({ connectionString: url });
      const checkpoint = await checkpointPool.query('SELECT coalesce(max(consumed_seq), 0)::int AS seq FROM kompas.collector_checkpoints');
      await checkpointPool.end();
      expect(checkpoint.rows[0].seq).toBeLessThan(lastSpooledSeq(spoolDir));
      await sleep(300);
      child = launch();
      await waitReady();
      await sleep(1500);
      load.stop();
      await running;
      child.kill('SIGTERM');
      const code = await new Promise((resolve) => child.once('exit', resolve));
      expect(code).toBe(0);

      const unansweredButSpooled = load.failed.filter((r) => reachedSpool.has(r.body.toString('base64')));
      const spans = [...load.acked, ...unansweredButSpooled].flatMap((r) => r.spans);
      expect(load.acked.length).toBeGreaterThan(10);
      const pool = new Pool({ connectionString: url });
      try {
        const expected = expectedEdgeTotals(spans);
        expect(await databaseEdgeTotals(pool)).toEqual(expected);
        expect(await databaseEdgeTotals(pool, '1m')).toEqual(expected);
      } finally {
        await pool.end();
      }
    } finally {
      load.stop();
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
      }
    }
  });
});
