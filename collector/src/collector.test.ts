/**
 * @jest-environment node
 *
 * End to end: OTLP over real HTTP on 127.0.0.1 → collector → real PostgreSQL; the stored edges must equal
 * what servicegraph derives from the same spans.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import { createShop } from '../../demo/src/shop';
import { parseTraceText } from '../../servicegraph/src/parse/parseTraces';
import { setupTestPostgres } from '../../testkit/jest';
import { startCollector, type RunningCollector } from './service';
import {
  databaseEdgeTotals,
  expectedEdgeTotals,
  postOtlp,
  sendSpans,
  testCollectorConfig,
  type Encoding,
} from './testing/collectorHarness';

const handle = setupTestPostgres();
jest.setTimeout(60_000);

async function withCollector<T>(fn: (collector: RunningCollector, pool: Pool) => Promise<T>, token?: string): Promise<T> {
  const url = await handle.pg.createDatabase();
  const collector = await startCollector(testCollectorConfig(url, { authToken: token }), { processMetrics: false, log: () => undefined });
  const pool = new Pool({ connectionString: url, max: 2 });
  try {
    return await fn(collector, pool);
  } finally {
    await collector.stop();
    await pool.end();
  }
}

describe('collector end to end', () => {
  it('stores the edges servicegraph derives, for JSON, protobuf and gzip requests', async () => {
    const shop = createShop({ seed: 7, ratePerSecond: 40, diurnal: false });
    const start = Date.UTC(2026, 10, 23, 10, 0, 0);
    const requests = shop.requestsBetween(start, start + 30_000);
    const encodings: Encoding[] = ['json', 'protobuf', 'json+gzip', 'protobuf+gzip'];
    const allSpans = requests.flatMap((r) => r.spans);
    await withCollector(async (collector, pool) => {
      for (let i = 0; i < requests.length; i += 50) {
        const spans = requests.slice(i, i + 50).flatMap((r) => r.spans);
        const res = await sendSpans(collector.url, spans, encodings[(i / 50) % encodings.length]);
        expect(res.status).toBe(200);
      }
      await collector.stop();
      const expected = expectedEdgeTotals(allSpans);
      expect(Object.keys(expected).length).toBeGreaterThan(20);
      expect(await databaseEdgeTotals(pool, '10s')).toEqual(expected);
      expect(await databaseEdgeTotals(pool, '1m')).toEqual(expected);
      expect(await databaseEdgeTotals(pool, '1h')).toEqual(expected);
      expect(await databaseEdgeTotals(pool, '6h')).toEqual(expected);
      const nodes = await pool.query('SELECT count(*)::int AS n FROM kompas.nodes');
      const names = new Set(Object.keys(expected).flatMap((id) => id.split('#')[0].split('->')));
      expect(nodes.rows[0].n).toBe(names.size);
    });
  });

  it('pairs a real Tempo/Istio trace (kiali Bookinfo fixture) like servicegraph', async () => {
    const text = readFileSync(join(__dirname, '..', 'testdata', 'kiali-tempo-responseTrace-bookinfo.json'), 'utf8');
    const spans = parseTraceText(text).spans;
    await withCollector(async (collector, pool) => {
      const res = await postOtlp(collector.url, text);
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body.toString())).toEqual({});
      await collector.stop();
      const stored = await databaseEdgeTotals(pool);
      expect(stored).toEqual(expectedEdgeTotals(spans));
      // Upstream facts for this trace: four CLIENT→SERVER pairs, one request each.
      expect(Object.keys(stored).sort()).toEqual([
        'istio-ingressgateway.istio-system->productpage.bookinfo',
        'productpage.bookinfo->details.bookinfo',
        'productpage.bookinfo->reviews.bookinfo',
        'reviews.bookinfo->ratings.bookinfo',
      ]);
    });
  });
});
