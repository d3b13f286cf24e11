/*
 * Timescale-mode query time: the datasource's SQL (datasource/src/timescale/edgeSql.ts) for a 24-hour range,
 * on a throwaway PostgreSQL holding 7 days of edge aggregates for 500 services / 1,500 edges.
 * Data is generated with generate_series: the 1 h and 6 h rollups for all 7 days (what a 24 h query reads:
 * whole 6 h buckets plus 1 h buckets at the ends) and the 10 s rows of the queried day (what the baseline reads). Baseline, same run: a plain GROUP BY over those raw
 * 10 s rows (counts only, no latency merge), i.e. what the query would cost without the rollup.
 * Also one live tick: the incremental read of the newest 10 s buckets against a full read of the 5-minute window;
 * and the anomaly series a one-shot query adds, against the map SQL of a 1 h range.
 * Usage: npm run bench -- timescale [--smoke]
 */
import { Pool } from 'pg';
import { migrate } from '../collector/src/db/migrate';
import { planEdgeSql } from '../datasource/src/timescale/edgeSql';
import { planEdgeSeriesSql } from '../datasource/src/timescale/edgeSeriesSql';
import { liveReadFrom } from '../datasource/src/timescale/liveReadRange';
import { anomalySeriesRange } from '../datasource/src/timescale/anomalySeries';
import { startTestPostgres } from '../testkit/postgres';
import type { BenchResult } from './benchResult';

const HOUR = 3_600_000;

interface Size {
  services: number;
  edgesPerService: number;
  days: number;
  runs: number;
}

const FULL: Size = { services: 500, edgesPerService: 3, days: 7, runs: 7 };
const SMOKE: Size = { services: 20, edgesPerService: 3, days: 2, runs: 2 };

/**
 * Edges: service i calls services i+1, i+38, i+75 (mod n), so 1,500 distinct edges over 500 services.
 * Latency sketches: 20 indexes per 1 h row (a 1 % sketch spanning ~5x, coarsened by 4 as the collector
 * stores it) and 8 per 10 s row, shifted per edge.
 */
async function generate(pool: Pool, size: Size, endMs: number): Promise<void> {
  const edges = size.services * size.edgesPerService;
  await pool.query(
    `INSERT INTO kompas.edges (client_service, server_service, connection_type)
     SELECT 'svc-' || (e % $1), 'svc-' || ((e % $1 + 1 + (e / $1) * 37) % $1), ''
     FROM generate_series(0, $2 - 1) AS e ORDER BY e`,
    [size.services, edges]
  );
  const end = new Date(endMs).toISOString();
  await pool.query(
    `INSERT INTO kompas.edge_buckets_1h
     SELECT b, ed.edge_id, 3600 + ed.edge_id % 100, ed.edge_id % 7, 3600 * 20.0,
            ARRAY(SELECT 40 + ed.edge_id % 30 + k FROM generate_series(0, 19) k),
            ARRAY(SELECT (100 + (k * 37 + ed.edge_id) % 200)::bigint FROM generate_series(0, 19) k)
     FROM generate_series($1::timestamptz - $2 * interval '1 day', $1::timestamptz - interval '1 hour', interval '1 hour') AS b,
          kompas.edges ed`,
    [end, size.days]
  );
  // The 6 h rollup holds what the collector would write: six of those hours added up.
  await pool.query(
    `INSERT INTO kompas.edge_buckets_6h
     SELECT b, ed.edge_id, 6 * (3600 + ed.edge_id % 100), 6 * (ed.edge_id % 7), 6 * 3600 * 20.0,
            ARRAY(SELECT 40 + ed.edge_id % 30 + k FROM generate_series(0, 19) k),
            ARRAY(SELECT (6 * (100 + (k * 37 + ed.edge_id) % 200))::bigint FROM generate_series(0, 19) k)
     FROM generate_series($1::timestamptz - $2 * interval '1 day', $1::timestamptz - interval '6 hours', interval '6 hours') AS b,
          kompas.edges ed`,
    [new Date(Math.floor(endMs / (6 * HOUR)) * 6 * HOUR).toISOString(), size.days]
  );
  await pool.query(
    `INSERT INTO kompas.edge_buckets_10s
     SELECT b, ed.edge_id, 10 + ed.edge_id % 5, ed.edge_id % 2, 200.0,
            ARRAY[170 + ed.edge_id % 30, 171 + ed.edge_id % 30, 172 + ed.edge_id % 30, 173 + ed.edge_id % 30,
                  174 + ed.edge_id % 30, 175 + ed.edge_id % 30, 176 + ed.edge_id % 30, 177 + ed.edge_id % 30],
            ARRAY[1, 2, 3, 2, 1, 1, 1, 1]::bigint[]
     FROM generate_series($1::timestamptz - interval '1 day', $1::timestamptz - interval '10 seconds', interval '10 seconds') AS b,
          kompas.edges ed`,
    [end]
  );
  // The last hour on the 1 min table: what a 1 h map and the anomaly series read.
  await pool.query(
    `INSERT INTO kompas.edge_buckets_1m
     SELECT b, ed.edge_id, 60 + ed.edge_id % 30, ed.edge_id % 3, 1200.0,
            ARRAY(SELECT 170 + ed.edge_id % 30 + k FROM generate_series(0, 11) k),
            ARRAY(SELECT (1 + (k * 7 + ed.edge_id) % 9)::bigint FROM generate_series(0, 11) k)
     FROM generate_series($1::timestamptz - interval '1 hour', $1::timestamptz - interval '1 minute', interval '1 minute') AS b,
          kompas.edges ed`,
    [end]
  );
  await pool.query('VACUUM ANALYZE');
}

const BASELINE_SQL = (fromIso: string, toIso: string): string => `
  SELECT e.client_service AS source, e.server_service AS target, e.connection_type,
         sum(b.requests) AS requests, sum(b.failed) AS failed
  FROM kompas.edge_buckets_10s b JOIN kompas.edges e USING (edge_id)
  WHERE b.bucket >= '${fromIso}' AND b.bucket < '${toIso}'
  GROUP BY 1, 2, 3`;

async function timeQuery(pool: Pool, sql: string, runs: number, expectRows: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    const { rowCount } = await pool.query(sql);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (rowCount !== expectRows) {
      throw new Error(`query returned ${rowCount} rows, expected ${expectRows}`);
    }
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/**
 * One live tick of a 5-minute window, 1 s cadence: what live mode reads now (the 10 s buckets from a minute
 * before the last read, unmerged: datasource/src/postgres/timescaleLive.ts) against what it read before (the
 * whole window, merged in SQL).
 */
async function timeLiveTick(pool: Pool, endMs: number, edges: number, runs: number): Promise<BenchResult> {
  const toMs = endMs - 5_000;
  const window = { fromMs: toMs - 5 * 60_000, toMs };
  // The previous tick (1 s earlier) read up to the end of its bucket.
  const readUntil = Math.ceil((toMs - 1000) / 10_000) * 10_000;
  const tick = planEdgeSeriesSql({}, { fromMs: liveReadFrom(window.fromMs, toMs, readUntil), toMs }, '10s');
  const tickRows = ((tick.toMs - tick.fromMs) / 10_000) * edges;
  const full = planEdgeSql({}, window, { resolution: '10s' });
  await timeQuery(pool, tick.sql, 1, tickRows);
  await timeQuery(pool, full.sql, 1, edges);
  const value = await timeQuery(pool, tick.sql, runs, tickRows);
  const baseline = await timeQuery(pool, full.sql, runs, edges);
  return { name: 'timescale.live_tick_ms.5m', value, unit: 'ms', baseline, ratio: value / baseline };
}

/**
 * What anomaly flags add to a one-shot query: the minute series (datasource/src/postgres/timescaleAnomalies.ts)
 * against the map's own SQL for a 1 h range (1 min table), both in the same /api/ds/query request.
 */
async function timeAnomalySeries(pool: Pool, endMs: number, edges: number, runs: number): Promise<BenchResult> {
  const toMs = Math.floor(endMs / 60_000) * 60_000;
  const series = anomalySeriesRange(toMs);
  const plan = planEdgeSeriesSql({}, series, series.resolution);
  const seriesRows = ((plan.toMs - plan.fromMs) / 60_000) * edges;
  const map = planEdgeSql({}, { fromMs: toMs - HOUR, toMs });
  await timeQuery(pool, plan.sql, 1, seriesRows);
  await timeQuery(pool, map.sql, 1, edges);
  const value = await timeQuery(pool, plan.sql, runs, seriesRows);
  const baseline = await timeQuery(pool, map.sql, runs, edges);
  return { name: 'timescale.anomaly_series_ms.1h', value, unit: 'ms', baseline, ratio: value / baseline };
}

export async function run(opts: { smoke?: boolean } = {}): Promise<BenchResult[]> {
  const size = opts.smoke ? SMOKE : FULL;
  const pg = await startTestPostgres({ settings: { shared_buffers: "'256MB'", work_mem: "'64MB'" } });
  const pool = new Pool({ connectionString: await pg.createDatabase('bench'), max: 1 });
  try {
    await migrate(pool);
    const endMs = Math.floor(Date.now() / (6 * HOUR)) * 6 * HOUR + 3 * HOUR + 30 * 60_000;
    await generate(pool, size, endMs);
    const range = { fromMs: endMs - 24 * HOUR, toMs: endMs };
    // Not 6 h aligned: the realistic case, with 1 h buckets at both ends.
    const plan = planEdgeSql({}, range);
    if (plan.resolution !== '1h') {
      throw new Error(`a 24 h range should read the 1 h table, got ${plan.resolution}`);
    }
    const edges = size.services * size.edgesPerService;
    await timeQuery(pool, plan.sql, 1, edges); // warm the cache for both queries alike
    await timeQuery(
      pool,
      BASELINE_SQL(new Date(range.fromMs).toISOString(), new Date(range.toMs).toISOString()),
      1,
      edges
    );
    const value = await timeQuery(pool, plan.sql, size.runs, edges);
    const baseline = await timeQuery(
      pool,
      BASELINE_SQL(new Date(range.fromMs).toISOString(), new Date(range.toMs).toISOString()),
      Math.max(1, Math.floor(size.runs / 2)),
      edges
    );
    return [
      { name: 'timescale.query_ms.24h', value, unit: 'ms', baseline, ratio: value / baseline },
      await timeLiveTick(pool, endMs, edges, size.runs),
      await timeAnomalySeries(pool, endMs, edges, size.runs),
    ];
  } finally {
    await pool.end();
    await pg.stop();
  }
}
