/**
 * Timescale mode's anomaly flags and incremental live window on real parts: demo-shop traffic with a
 * payments-db-locking incident → the real collector → PostgreSQL, read through the sandbox's /api/ds/query.
 */
import { DataFrame } from '@grafana/data';
import { Pool } from 'pg';
import { firstValueFrom, lastValueFrom } from 'rxjs';

import { startCollector } from '../../../collector/src/service';
import { testCollectorConfig } from '../../../collector/src/testing/collectorHarness';
import { writeBatch } from '../../../collector/src/db/writeBatch';
import { addToBuckets, createBucketAccumulator, nodeRows } from '../../../collector/src/pipeline/bucketAccumulator';
import { sendShopTraffic } from '../../../provisioning/testing/shopTraffic';
import { PostgresQueryRunner } from '../../../sandbox/server/postgresQuery';
import { setupTestPostgres } from '../../../testkit/jest';
import { createDefaultQuery } from '../defaults';
import { Graph, toNodeGraphFrames } from '../graph/servicegraph';
import { TimescaleDataflowQuery } from '../types';
import { createBackendSrvDsQuery } from './dsQuery';
import { createLiveWindow } from './timescaleLive';
import { REREAD_MS } from '../timescale/liveReadRange';
import { ANOMALY_LEAD_WINDOWS, ANOMALY_WINDOW_MS } from './timescaleAnomalies';
import { fetchRangeGraph } from './timescaleSource';
import { postgresDataSource, runnerBackendSrv, withNodeTimers } from './testSupport';

const handle = setupTestPostgres();
jest.setTimeout(180_000);

const MINUTE = 60_000;
// 20 minutes of normal traffic, then 4 minutes of the slow payments database.
const INCIDENT_START = Date.UTC(2026, 10, 23, 10, 20, 0);
const START = INCIDENT_START - 20 * MINUTE;
const END = INCIDENT_START + 4 * MINUTE;
const runner = new PostgresQueryRunner();
let databaseUrl: string;

beforeAll(async () => {
  databaseUrl = await handle.pg.createDatabase();
  await withNodeTimers(async () => {
    const collector = await startCollector(testCollectorConfig(databaseUrl, { collectorId: 'insight-seed' }), {
      processMetrics: false,
      log: () => undefined,
    });
    try {
      await sendShopTraffic(
        collector.url,
        [
          { fromMs: START, toMs: INCIDENT_START, ratePerSecond: 4, incidents: [] },
          { fromMs: INCIDENT_START, toMs: END, ratePerSecond: 4, incidents: ['payments-db-locking'] },
        ],
        21
      );
    } finally {
      await collector.stop();
    }
  });
});
afterAll(() => runner.close());

const postDsQuery = () => createBackendSrvDsQuery(() => runnerBackendSrv(runner, () => postgresDataSource(databaseUrl)));
const query = (patch: Partial<TimescaleDataflowQuery> = {}): TimescaleDataflowQuery => ({
  ...(createDefaultQuery('timescale') as TimescaleDataflowQuery),
  refId: 'T',
  ...patch,
});

function rangeGraph(fromMs: number, toMs: number, patch: Partial<TimescaleDataflowQuery> = {}): Promise<Graph> {
  return firstValueFrom(fetchRangeGraph(query(patch), 'pg', { refId: 'T', fromMs, toMs, postDsQuery: postDsQuery() }, toMs + MINUTE));
}

function column(frames: DataFrame[], frame: string, field: string): unknown[] {
  return [...(frames.find((f) => f.name === frame)?.fields.find((f) => f.name === field)?.values ?? [])];
}

/** Edge and node statistics without the anomaly flags (their baselines saw different histories). */
function stats(graph: Graph) {
  return {
    edges: graph.edges.map(({ anomaly: _a, ...edge }) => edge),
    nodes: graph.nodes.map(({ anomaly: _a, ...node }) => node),
  };
}

describe('Timescale anomaly flags from the bucket series', () => {
  it('flags the payments database edge during the incident, in the same frame field as the Jaeger/Demo path', async () => {
    const graph = await rangeGraph(END - 10 * MINUTE, END);
    const frames = toNodeGraphFrames(graph, { refId: 'T' });
    const flagged = column(frames, 'edges', 'id').filter((_, i) => column(frames, 'edges', 'anomaly')[i] !== '');
    expect(flagged).toContain('payments->payments-db#database');
    const reason = graph.edges.find((e) => e.id === 'payments->payments-db#database')?.anomaly;
    expect(reason).toMatch(/^p95 .* the usual /);
  });

  it('raises no flag on normal traffic', async () => {
    for (let toMs = START + 8 * MINUTE; toMs <= INCIDENT_START; toMs += 4 * MINUTE) {
      const graph = await rangeGraph(toMs - 5 * MINUTE, toMs);
      expect(graph.edges.length).toBeGreaterThan(30);
      expect([...graph.edges, ...graph.nodes].filter((e) => e.anomaly).map((e) => `${e.id}: ${e.anomaly}`)).toEqual([]);
    }
  });
});

describe('live Timescale window', () => {
  it('reads only the newest buckets after the first tick and shows the graph a full read shows', async () => {
    const statements: string[] = [];
    const live = createLiveWindow(query({ streaming: true, windowMs: 5 * MINUTE }), {
      uid: 'pg',
      refId: 'T',
      postDsQuery: postDsQuery(),
      onSql: (sql) => statements.push(sql),
    });
    const t1 = INCIDENT_START + 2 * MINUTE + 3_000;
    const t2 = t1 + 10_000;
    const first = await lastValueFrom(live.tick(t1));
    const second = await lastValueFrom(live.tick(t2));
    const iso = (ms: number) => `'${new Date(ms).toISOString()}'::timestamptz`;
    // First tick: the anomaly baseline's history from the minute table, then the window from the 10 s table.
    const split = Math.floor((t1 - 5 * MINUTE) / MINUTE) * MINUTE;
    expect(statements).toHaveLength(3);
    expect(statements[0]).toContain('FROM kompas.edge_buckets_1m b');
    expect(statements[0]).toContain(`b.bucket >= ${iso(split - ANOMALY_LEAD_WINDOWS * ANOMALY_WINDOW_MS)} AND b.bucket < ${iso(split)}`);
    expect(statements[1]).toContain('FROM kompas.edge_buckets_10s b');
    expect(statements[1]).toContain(`b.bucket >= ${iso(split)}`);
    // Second tick: only the 10 s buckets from REREAD_MS before the end of the last read.
    expect(statements[2]).toContain(`b.bucket >= ${iso(Math.ceil(t1 / 10_000) * 10_000 - REREAD_MS)} AND b.bucket < ${iso(Math.ceil(t2 / 10_000) * 10_000)}`);
    expect(stats(first)).toEqual(stats(await rangeGraph(t1 - 5 * MINUTE, t1)));
    expect(stats(second)).toEqual(stats(await rangeGraph(t2 - 5 * MINUTE, t2)));
    expect(second.edges.find((e) => e.id === 'payments->payments-db#database')?.anomaly).toMatch(/p95/);
  });

  it('picks up requests added to a bucket it read before, without counting anything twice', async () => {
    const live = createLiveWindow(query({ streaming: true, windowMs: 2 * MINUTE }), {
      uid: 'pg',
      refId: 'T',
      postDsQuery: postDsQuery(),
    });
    const t1 = END - MINUTE;
    await lastValueFrom(live.tick(t1));
    // A late request lands in a bucket the first tick already read (another collector, its own checkpoint).
    const acc = createBucketAccumulator();
    addToBuckets(acc, { clientService: 'checkout', serverService: 'payments', connectionType: '', traceId: 'late', timeMs: t1 - 15_000, latencyMs: 9_000, failed: true });
    const pool = new Pool({ connectionString: databaseUrl, max: 1 });
    try {
      await writeBatch(pool, { collectorId: 'late', spoolId: 's', fromSeq: 0, toSeq: 1, rows: [...acc.rows.values()], nodes: nodeRows(acc) });
    } finally {
      await pool.end();
    }
    const t2 = t1 + 10_000;
    const after = await lastValueFrom(live.tick(t2));
    const full = await rangeGraph(t2 - 2 * MINUTE, t2);
    expect(stats(after)).toEqual(stats(full));
    expect(after.edges.find((e) => e.id === 'checkout->payments')?.exemplarTraceId).toBe('late');

    // Top N is applied to the merged window, as the SQL applies it to the range.
    const top = createLiveWindow(query({ streaming: true, windowMs: 2 * MINUTE, topN: 10 }), { uid: 'pg', refId: 'T', postDsQuery: postDsQuery() });
    const topGraph = await lastValueFrom(top.tick(t2));
    expect(topGraph.edges).toHaveLength(10);
    expect(stats(topGraph)).toEqual(stats(await rangeGraph(t2 - 2 * MINUTE, t2, { topN: 10 })));
  });
});
