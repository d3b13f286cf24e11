/**
 * @jest-environment node
 *
 * The SQL of Timescale mode on real PostgreSQL, against data a real collector wrote: the graph equals what
 * servicegraph computes from the same spans, and hostile filter values are matched as plain data.
 */
import { Pool } from 'pg';
import { addObservation, createEdgeWindow } from '../../../servicegraph/src/aggregate/edgeWindow';
import { windowToGraph } from '../../../servicegraph/src/aggregate/windowToGraph';
import { spansToObservations } from '../../../servicegraph/src/derive/spansToObservations';
import { toOtlpProtobuf } from '../../../servicegraph/src/encode/otlpProtobufEncoder';
import { decodeOtlpProtobuf } from '../../../servicegraph/src/parse/otlpProtobuf';
import type { Span } from '../../../servicegraph/src/types';
import { createShop } from '../../../demo/src/shop';
import { startCollector } from '../../../collector/src/service';
import { sendSpans, testCollectorConfig } from '../../../collector/src/testing/collectorHarness';
import { setupTestPostgres } from '../../../testkit/jest';
import { planEdgeSql, type EdgeSqlQuery } from './edgeSql';
import { rowsToGraph } from './rowsToGraph';

const handle = setupTestPostgres();
jest.setTimeout(60_000);

const START = Date.UTC(2026, 10, 23, 8, 0, 0);
const HOSTILE = ["'; DROP TABLE kompas.edges; --", 'back\\slash\\', "o'brien\\'", '$__timeFilter(bucket)', '${__to}', 'サービス 🚀'];

/** A CLIENT → SERVER pair from `client` to `server` at `startMs`. */
function call(client: string, server: string, i: number, startMs: number, durationMs: number): Span[] {
  const traceId = (0xabc000 + i).toString(16).padStart(32, '0');
  const clientId = (0x1000 + 2 * i).toString(16).padStart(16, '0');
  const base = { traceId, followsFrom: false, name: 'GET /', startMs, attributes: {}, error: false };
  return [
    { ...base, spanId: clientId, parentSpanId: '', service: client, kind: 'client', durationMs: durationMs + 1 },
    { ...base, spanId: (0x1001 + 2 * i).toString(16).padStart(16, '0'), parentSpanId: clientId, service: server, kind: 'server', durationMs },
  ];
}

let pool: Pool;
let spans: Span[];

beforeAll(async () => {
  const url = await handle.pg.createDatabase();
  const collector = await startCollector(testCollectorConfig(url), { processMetrics: false, log: () => undefined });
  const shop = createShop({ seed: 3, ratePerSecond: 4, diurnal: false });
  spans = shop.spansBetween(START, START + 2 * 60_000);
  HOSTILE.forEach((name, i) => {
    spans.push(...call(name, 'checkout', i, START + 1000 * i, 5 + i));
    spans.push(...call('checkout', name, 100 + i, START + 1000 * i, 7 + i));
  });
  for (let i = 0; i < spans.length; i += 2000) {
    expect((await sendSpans(collector.url, spans.slice(i, i + 2000), 'protobuf')).status).toBe(200);
  }
  await collector.stop();
  pool = new Pool({ connectionString: url, max: 2 });
  // The cluster may stop before this pool's idle connections close.
  pool.on('error', () => undefined);
  // The reference sees the spans as the collector did: through the wire format (microsecond times).
  spans = decodeOtlpProtobuf(toOtlpProtobuf(spans));
}, 120_000);

afterAll(async () => {
  await pool?.end();
});

function expectedGraph(selected: Span[], fromMs: number, toMs: number) {
  const window = createEdgeWindow();
  spansToObservations(selected)
    .filter((o) => o.timeMs >= fromMs && o.timeMs < toMs)
    .forEach((o) => addObservation(window, o));
  return windowToGraph(window, { startMs: fromMs, endMs: toMs });
}

async function runGraph(query: EdgeSqlQuery, fromMs: number, toMs: number, resolution: '10s' | '1m' | '1h' | 'auto' = 'auto') {
  const plan = planEdgeSql(query, { fromMs, toMs }, { resolution, percentiles: true });
  const { rows } = await pool.query(plan.sql);
  return { plan, rows, graph: rowsToGraph(rows, { fromMs: plan.coveredFromMs, toMs: plan.coveredToMs }) };
}

describe('Timescale SQL on PostgreSQL', () => {
  it('returns the graph servicegraph computes from the same spans (10 s and 1 min tables exactly)', async () => {
    for (const resolution of ['10s', '1m'] as const) {
      const { graph, plan } = await runGraph({}, START, START + 5 * 60_000, resolution);
      const expected = expectedGraph(spans, plan.coveredFromMs, plan.coveredToMs);
      // Exemplars too: each bucket keeps its slowest request, and the range picks the slowest of those.
      // And consumer lag of the messaging edges, from the lag sketches.
      expect(graph.edges).toEqual(expected.edges);
      expect(graph.edges.filter((e) => e.lagP95Ms !== undefined).length).toBeGreaterThan(0);
      expect(graph.edges.filter((e) => e.exemplarTraceId).length).toBe(graph.edges.length);
      expect(graph.nodes.map((n) => [n.id, n.requests, n.failed, n.p50Ms, n.p99Ms])).toEqual(
        expected.nodes.map((n) => [n.id, n.requests, n.failed, n.p50Ms, n.p99Ms])
      );
    }
  });

  it('keeps counts exact and latency within 5 % on the 1 h + 6 h tables', async () => {
    const { graph, plan } = await runGraph({}, START - 7 * 3_600_000, START + 24 * 3_600_000);
    expect(plan.resolution).toBe('1h');
    const expected = expectedGraph(spans, plan.coveredFromMs, plan.coveredToMs);
    expect(graph.edges.map((e) => [e.id, e.requests, e.failed])).toEqual(expected.edges.map((e) => [e.id, e.requests, e.failed]));
    graph.edges.forEach((edge, i) => {
      expect(Math.abs(edge.p95Ms - expected.edges[i].p95Ms)).toBeLessThanOrEqual(0.05 * expected.edges[i].p95Ms + 1e-9);
    });
  });

  it('matches hostile service names as plain data and leaves the tables alone', async () => {
    for (const name of HOSTILE) {
      const { graph, rows } = await runGraph({ services: [name] }, START, START + 5 * 60_000);
      expect(graph.edges.map((e) => e.id).sort()).toEqual([`${name}->checkout`, `checkout->${name}`].sort());
      expect(rows.every((r) => r.source === name || r.target === name)).toBe(true);
    }
    const tables = await pool.query("SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'kompas'");
    expect(tables.rows[0].n).toBeGreaterThanOrEqual(8);
    const all = await runGraph({ services: HOSTILE }, START, START + 5 * 60_000);
    expect(all.graph.edges).toHaveLength(2 * HOSTILE.length);
  });

  it('filters by connection type and keeps the top N edges by requests', async () => {
    const db = await runGraph({ connectionType: 'database' }, START, START + 5 * 60_000);
    expect(db.graph.edges.length).toBeGreaterThan(0);
    expect(db.graph.edges.every((e) => e.connectionType === 'database')).toBe(true);
    const top = await runGraph({ topN: 5 }, START, START + 5 * 60_000);
    const all = await runGraph({}, START, START + 5 * 60_000);
    expect(top.rows).toHaveLength(5);
    expect(top.rows.map((r) => Number(r.requests))).toEqual(all.rows.slice(0, 5).map((r) => Number(r.requests)));
  });

  it('computes the same percentiles in SQL as servicegraph does from the returned sketch', async () => {
    const { rows, graph } = await runGraph({}, START, START + 5 * 60_000, '10s');
    for (const row of rows) {
      const edge = graph.edges.find((e) => e.source === row.source && e.target === row.target && e.connectionType === row.connection_type)!;
      expect(row.p50_ms).toBeCloseTo(edge.p50Ms, 9);
      expect(row.p99_ms).toBeCloseTo(edge.p99Ms, 9);
    }
  });
});
