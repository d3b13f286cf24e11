/**
 * The SQL of Timescale mode: edge totals and merged latency sketches over a time range, read from the
 * coarsest Kompas bucket table that still resolves the range (collector/migrations/0001_edges.sql).
 * Pure: values are quoted here (sqlLiteral.ts), the result is one statement Grafana's PostgreSQL
 * datasource runs as is. Columns: source, target, connection_type, requests, failed, latency_sum_ms,
 * latency_idx, latency_cnt (sketch on the 1 % scale), p50_ms, p95_ms, p99_ms, source_kind, source_group,
 * target_kind, target_group.
 */
import { quoteCount, quoteText, quoteTextArray, quoteTimestamp, SqlValueError } from './sqlLiteral';

export type EdgeResolution = '10s' | '1m' | '1h';

/** Bucket width and sketch index coarsening per table (kompas.sketch_scale). */
export const RESOLUTION_TABLES: Record<EdgeResolution, { ms: number; sketchScale: number }> = {
  '10s': { ms: 10_000, sketchScale: 1 },
  '1m': { ms: 60_000, sketchScale: 1 },
  '1h': { ms: 3_600_000, sketchScale: 4 },
};

/** What to select; the Timescale fields of the datasource query after template interpolation. */
export interface EdgeSqlQuery {
  /** Only edges touching one of these services (empty or undefined = all). */
  services?: readonly string[];
  /** Only this connection type ('' = plain request/response); undefined = all. */
  connectionType?: string;
  /** Keep the N busiest edges (0 or undefined = all). */
  topN?: number;
}

export interface EdgeSqlRange {
  fromMs: number;
  toMs: number;
}

export interface EdgeSqlOptions {
  /** 'auto' (default) picks by range length; see chooseResolution. */
  resolution?: EdgeResolution | 'auto';
  /** Schema holding the Kompas tables (default 'kompas'). */
  schema?: string;
}

export interface EdgeSqlPlan {
  sql: string;
  resolution: EdgeResolution;
  /** The range the selected buckets cover (bucket-aligned start): divide counts by this for rates. */
  coveredFromMs: number;
  coveredToMs: number;
}

export const CONNECTION_TYPES = ['', 'messaging_system', 'database', 'virtual_node'] as const;

/**
 * Range length → table. Each choice keeps a range query near 100-200 buckets per edge at most, which is
 * what keeps the sketch merge fast (a day on the 10 s table would be 8,640 rows per edge).
 */
export function chooseResolution(range: EdgeSqlRange): EdgeResolution {
  const length = range.toMs - range.fromMs;
  if (length <= 15 * 60_000) {
    return '10s';
  }
  if (length <= 3 * 3_600_000) {
    return '1m';
  }
  return '1h';
}

function checkIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) {
    throw new SqlValueError(`schema name "${name}" must be a plain lower-case identifier`);
  }
  return name;
}

function edgeFilter(query: EdgeSqlQuery): string {
  const conditions: string[] = [];
  const services = (query.services ?? []).filter((s) => s !== '');
  if (services.length > 0) {
    const list = quoteTextArray(services, 'service filter');
    conditions.push(`(ed.client_service = ANY(${list}) OR ed.server_service = ANY(${list}))`);
  }
  if (query.connectionType !== undefined) {
    if (!(CONNECTION_TYPES as readonly string[]).includes(query.connectionType)) {
      throw new SqlValueError(
        `connection type "${query.connectionType}" is not one of: '' (plain), ${CONNECTION_TYPES.slice(1).join(', ')}`
      );
    }
    conditions.push(`ed.connection_type = ${quoteText(query.connectionType)}`);
  }
  return conditions.length > 0 ? conditions.join(' AND ') : 'true';
}

export function planEdgeSql(query: EdgeSqlQuery, range: EdgeSqlRange, options: EdgeSqlOptions = {}): EdgeSqlPlan {
  if (!(range.toMs > range.fromMs)) {
    throw new SqlValueError(`time range is empty or inverted (${range.fromMs} .. ${range.toMs})`);
  }
  const resolution = options.resolution && options.resolution !== 'auto' ? options.resolution : chooseResolution(range);
  const { ms, sketchScale } = RESOLUTION_TABLES[resolution];
  const schema = checkIdentifier(options.schema ?? 'kompas');
  const coveredFromMs = Math.floor(range.fromMs / ms) * ms;
  const from = quoteTimestamp(coveredFromMs, 'range start');
  const to = quoteTimestamp(range.toMs, 'range end');
  const table = `${schema}.edge_buckets_${resolution}`;
  const topN = query.topN ?? 0;
  const limit = topN !== 0 ? `\n  ORDER BY sum(b.requests) DESC, b.edge_id\n  LIMIT ${quoteCount(topN, 'top N')}` : '';
  const unscale = sketchScale === 1 ? 'u.k' : `${schema}.sketch_unscale(u.k, ${sketchScale})`;

  const sql = `WITH picked AS (
  SELECT b.edge_id, sum(b.requests) AS requests, sum(b.failed) AS failed, sum(b.latency_sum_ms) AS latency_sum_ms
  FROM ${table} b
  JOIN ${schema}.edges ed ON ed.edge_id = b.edge_id
  WHERE b.bucket >= ${from} AND b.bucket < ${to} AND ${edgeFilter(query)}
  GROUP BY b.edge_id${limit}
), merged AS (
  SELECT b.edge_id, u.k, sum(u.n)::bigint AS n
  FROM ${table} b
  JOIN picked p ON p.edge_id = b.edge_id
  CROSS JOIN LATERAL unnest(b.latency_idx, b.latency_cnt) AS u(k, n)
  WHERE b.bucket >= ${from} AND b.bucket < ${to}
  GROUP BY b.edge_id, u.k
), sketches AS (
  SELECT edge_id, array_agg(${unscale} ORDER BY k) AS latency_idx, array_agg(n ORDER BY k) AS latency_cnt
  FROM merged u
  GROUP BY edge_id
)
SELECT ed.client_service AS source, ed.server_service AS target, ed.connection_type,
       p.requests, p.failed, p.latency_sum_ms, s.latency_idx, s.latency_cnt,
       ${schema}.sketch_quantile(s.latency_idx, s.latency_cnt, 0.5) AS p50_ms,
       ${schema}.sketch_quantile(s.latency_idx, s.latency_cnt, 0.95) AS p95_ms,
       ${schema}.sketch_quantile(s.latency_idx, s.latency_cnt, 0.99) AS p99_ms,
       sn.kind AS source_kind, sn.group_name AS source_group, tn.kind AS target_kind, tn.group_name AS target_group
FROM picked p
JOIN ${schema}.edges ed ON ed.edge_id = p.edge_id
LEFT JOIN sketches s ON s.edge_id = p.edge_id
LEFT JOIN ${schema}.nodes sn ON sn.service = ed.client_service
LEFT JOIN ${schema}.nodes tn ON tn.service = ed.server_service
ORDER BY p.requests DESC, source, target, ed.connection_type`;
  return { sql, resolution, coveredFromMs, coveredToMs: range.toMs };
}

/** The SQL alone (see planEdgeSql for the resolution and the covered range). */
export function buildEdgeSql(query: EdgeSqlQuery, range: EdgeSqlRange, options: EdgeSqlOptions = {}): string {
  return planEdgeSql(query, range, options).sql;
}
