/**
 * @jest-environment node
 */
import { Pool } from 'pg';
import type { EdgeObservation } from '../../../servicegraph/src/types';
import { setupTestPostgres } from '../../../testkit/jest';
import { slowerExemplar } from '../../../servicegraph/src/aggregate/edgeWindow';
import { addToBuckets, createBucketAccumulator, nodeRows } from '../pipeline/bucketAccumulator';
import { migrate } from './migrate';
import { writeBatch, type WriteBatch } from './writeBatch';

const handle = setupTestPostgres();
const T0 = Date.UTC(2026, 10, 23, 9, 0, 0);

function observation(traceId: string, timeMs: number, latencyMs: number): EdgeObservation {
  return { clientService: 'checkout', serverService: 'payments', connectionType: '', traceId, timeMs, latencyMs, failed: false };
}

function batch(observations: EdgeObservation[], fromSeq: number, toSeq: number): WriteBatch {
  const acc = createBucketAccumulator();
  observations.forEach((o) => addToBuckets(acc, o));
  return { collectorId: 'c1', spoolId: 's1', fromSeq, toSeq, rows: [...acc.rows.values()], nodes: nodeRows(acc) };
}

async function exemplars(pool: Pool, table: string): Promise<Array<{ bucket: number; id: string; ms: number }>> {
  const { rows } = await pool.query<{ bucket: Date; exemplar_trace_id: string; exemplar_latency_ms: number }>(
    `SELECT bucket, exemplar_trace_id, exemplar_latency_ms FROM kompas.edge_stats_${table} ORDER BY bucket`
  );
  return rows.map((r) => ({ bucket: r.bucket.getTime(), id: r.exemplar_trace_id, ms: r.exemplar_latency_ms }));
}

describe('exemplar per edge and bucket', () => {
  it('the accumulator keeps the slowest request per row; ties go to the smaller trace id', () => {
    const acc = createBucketAccumulator();
    [observation('b2', T0, 40), observation('a9', T0 + 1, 90), observation('c1', T0 + 2, 90), observation('', T0 + 3, 500)].forEach(
      (o) => addToBuckets(acc, o)
    );
    expect([...acc.rows.values()].map((r) => r.exemplar)).toEqual([{ traceId: 'a9', latencyMs: 90 }]);
    expect(slowerExemplar({ traceId: 'z', latencyMs: 5 }, { traceId: 'a', latencyMs: 5 })).toEqual({ traceId: 'a', latencyMs: 5 });
    expect(slowerExemplar(undefined, { traceId: 'a', latencyMs: 5 })).toEqual({ traceId: 'a', latencyMs: 5 });
  });

  it('upserts keep the slower exemplar across flushes and rollups, and a retried flush changes nothing', async () => {
    const pool = new Pool({ connectionString: await handle.pg.createDatabase(), max: 2 });
    try {
      await migrate(pool);
      // Flush 1: two 10 s buckets. Flush 2: a slower request in the first bucket, a faster one in the second.
      await writeBatch(pool, batch([observation('t-fast', T0 + 1000, 30), observation('t-second', T0 + 12_000, 70)], 0, 1));
      const second = batch([observation('t-slow', T0 + 2000, 300), observation('t-faster', T0 + 15_000, 10)], 1, 2);
      expect(await writeBatch(pool, second)).toBe('written');
      expect(await exemplars(pool, '10s')).toEqual([
        { bucket: T0, id: 't-slow', ms: 300 },
        { bucket: T0 + 10_000, id: 't-second', ms: 70 },
      ]);
      // The 1 min and 6 h rollups hold the slowest request of all the buckets they cover.
      expect(await exemplars(pool, '1m')).toEqual([{ bucket: T0, id: 't-slow', ms: 300 }]);
      expect((await exemplars(pool, '6h')).map((r) => r.id)).toEqual(['t-slow']);

      // A retry of flush 2 (lost COMMIT acknowledgement) is recognised and leaves counts and exemplars alone.
      expect(await writeBatch(pool, second)).toBe('already-applied');
      const { rows } = await pool.query<{ requests: string }>('SELECT sum(requests) AS requests FROM kompas.edge_buckets_10s');
      expect(Number(rows[0].requests)).toBe(4);
      expect(await exemplars(pool, '10s')).toEqual([
        { bucket: T0, id: 't-slow', ms: 300 },
        { bucket: T0 + 10_000, id: 't-second', ms: 70 },
      ]);

      // Equal latency in a later flush: the smaller trace id wins, as in servicegraph's windows.
      await writeBatch(pool, batch([observation('a-tie', T0 + 3000, 300)], 2, 3));
      expect((await exemplars(pool, '10s'))[0]).toEqual({ bucket: T0, id: 'a-tie', ms: 300 });
    } finally {
      await pool.end();
    }
  });
});

describe('consumer lag per messaging edge and bucket', () => {
  it('stores a lag sketch for messaging edges only, merged across flushes and rolled up', async () => {
    const pool = new Pool({ connectionString: await handle.pg.createDatabase(), max: 2 });
    try {
      await migrate(pool);
      const kafka = (traceId: string, timeMs: number, lagMs: number): EdgeObservation => ({
        clientService: 'orders',
        serverService: 'shipping',
        connectionType: 'messaging_system',
        traceId,
        timeMs,
        latencyMs: 12,
        failed: false,
        messagingLagMs: lagMs,
      });
      await writeBatch(pool, batch([kafka('k1', T0 + 1000, 40), observation('r1', T0 + 1000, 5)], 0, 1));
      await writeBatch(pool, batch([kafka('k2', T0 + 2000, 40), kafka('k3', T0 + 3000, 900)], 1, 2));
      const lag = async (table: string) =>
        (
          await pool.query<{ connection_type: string; lag_idx: number[] | null; lag_cnt: string[] | null }>(
            `SELECT connection_type, lag_idx, lag_cnt FROM kompas.edge_stats_${table} ORDER BY connection_type`
          )
        ).rows.map((r) => [r.connection_type, r.lag_idx?.length ?? null, r.lag_cnt?.map(Number).reduce((a, b) => a + b, 0) ?? null]);
      // Two distinct lags (40 ms twice, 900 ms once) on the messaging edge; the request edge keeps NULL.
      expect(await lag('10s')).toEqual([
        ['', null, null],
        ['messaging_system', 2, 3],
      ]);
      expect(await lag('1m')).toEqual(await lag('10s'));
      expect((await lag('6h'))[1]).toEqual(['messaging_system', 2, 3]);
    } finally {
      await pool.end();
    }
  });
});
