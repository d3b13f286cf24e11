/**
 * The SQL of Timescale mode: edge totals and merged latency sketches over a time range, read from the
 * coarsest Kompas bucket table that still resolves the range (collector/migrations/0001_edges.sql).
 * Pure: values are quoted here (sqlLiteral.ts), the result is one statement Grafana's PostgreSQL
 * datasource runs as is. Columns: source, target, connection_type, requests, failed, latency_sum_ms,
 * latency_idx, latency_cnt (sketch on the 1 % scale), [p50_ms, p95_ms, p99_ms with `percentiles`],
 * exemplar_trace_id, exemplar_latency_ms (the slowest request kept by the buckets), lag_idx, lag_cnt (consumer
 * lag sketch of messaging edges, NULL elsewhere), source_kind, source_group, target_kind, target_group.
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
  /** Also compute p50_ms/p95_ms/p99_ms in SQL (for table views and alert rules; rowsToGraph does not need them). */
  percentiles?: boolean;
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

export function checkIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) {
    throw new SqlValueError(`schema name "${name}" must be a plain lower-case identifier`);
  }
  return name;
}

/** The WHERE condition on `kompas.edges ed` for the query's service and connection-type filters ('true' = none). */
export function edgeFilter(query: EdgeSqlQuery): string {
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

const SIX_HOURS = 21_600_000;

/** A piece of the range read from one table: buckets starting in [fromMs, toMs). */
export interface EdgeSqlSegment {
  table: EdgeResolution | '6h';
  fromMs: number;
  toMs: number;
}

/**
 * Splits the bucket-aligned range into table reads. On the 1 h resolution, whole 6 h buckets inside the range
 * come from the 6 h table and only the ends from the 1 h table (same sketch scale, so they merge directly).
 */
export function coverRange(range: EdgeSqlRange, resolution: EdgeResolution): EdgeSqlSegment[] {
  const { ms } = RESOLUTION_TABLES[resolution];
  const from = Math.floor(range.fromMs / ms) * ms;
  const to = Math.ceil(range.toMs / ms) * ms;
  if (resolution !== '1h') {
    return [{ table: resolution, fromMs: from, toMs: to }];
  }
  const innerFrom = Math.ceil(from / SIX_HOURS) * SIX_HOURS;
  const innerTo = Math.floor(to / SIX_HOURS) * SIX_HOURS;
  if (innerTo <= innerFrom) {
    return [{ table: '1h', fromMs: from, toMs: to }];
  }
  const segments: EdgeSqlSegment[] = [];
  if (from < innerFrom) {
    segments.push({ table: '1h', fromMs: from, toMs: innerFrom });
  }
  segments.push({ table: '6h', fromMs: innerFrom, toMs: innerTo });
  if (innerTo < to) {
    segments.push({ table: '1h', fromMs: innerTo, toMs: to });
  }
  return segments;
}

function segmentSql(schema: string, segment: EdgeSqlSegment, filter: string): string {
  const edges = filter === 'true' ? '' : ` AND b.edge_id IN (SELECT ed.edge_id FROM ${schema}.edges ed WHERE ${filter})`;
  return `  SELECT b.edge_id, b.requests, b.failed, b.latency_sum_ms, b.latency_idx, b.latency_cnt,
         b.exemplar_trace_id, b.exemplar_latency_ms, b.lag_idx, b.lag_cnt
  FROM ${schema}.edge_buckets_${segment.table} b
  WHERE b.bucket >= ${quoteTimestamp(segment.fromMs, 'range start')} AND b.bucket < ${quoteTimestamp(segment.toMs, 'range end')}${edges}`;
}

export function planEdgeSql(query: EdgeSqlQuery, range: EdgeSqlRange, options: EdgeSqlOptions = {}): EdgeSqlPlan {
  if (!(range.toMs > range.fromMs)) {
    throw new SqlValueError(`time range is empty or inverted (${range.fromMs} .. ${range.toMs})`);
  }
  const resolution = options.resolution && options.resolution !== 'auto' ? options.resolution : chooseResolution(range);
  const { ms, sketchScale } = RESOLUTION_TABLES[resolution];
  const schema = checkIdentifier(options.schema ?? 'kompas');
  const filter = edgeFilter(query);
  const segments = coverRange(range, resolution);
  const topN = query.topN ?? 0;
  const limit = topN !== 0 ? `\n  ORDER BY sum(s.requests) DESC, s.edge_id\n  LIMIT ${quoteCount(topN, 'top N')}` : '';
  const unscale = sketchScale === 1 ? 'k' : `${schema}.sketch_unscale(k, ${sketchScale})`;
  const percentiles = options.percentiles
    ? ['0.5', '0.95', '0.99']
        .map((q, i) => `,\n       ${schema}.sketch_quantile(sk.latency_idx, sk.latency_cnt, ${q}) AS ${['p50_ms', 'p95_ms', 'p99_ms'][i]}`)
        .join('')
    : '';

  // src is read twice (totals, then sketches of the picked edges), so it is materialised once.
  const sql = `WITH src AS MATERIALIZED (
${segments.map((segment) => segmentSql(schema, segment, filter)).join('\n  UNION ALL\n')}
), picked AS (
  SELECT s.edge_id, sum(s.requests) AS requests, sum(s.failed) AS failed, sum(s.latency_sum_ms) AS latency_sum_ms
  FROM src s
  GROUP BY s.edge_id${limit}
), merged AS (
  SELECT u.edge_id, u.k, sum(u.n)::bigint AS n
  FROM (SELECT s.edge_id, unnest(s.latency_idx) AS k, unnest(s.latency_cnt) AS n
        FROM src s JOIN picked p ON p.edge_id = s.edge_id) AS u
  GROUP BY u.edge_id, u.k
), sketches AS (
  SELECT edge_id, array_agg(${unscale} ORDER BY k) AS latency_idx, array_agg(n ORDER BY k) AS latency_cnt
  FROM merged
  GROUP BY edge_id
), lag_merged AS (
  SELECT u.edge_id, u.k, sum(u.n)::bigint AS n
  FROM (SELECT s.edge_id, unnest(s.lag_idx) AS k, unnest(s.lag_cnt) AS n
        FROM src s JOIN picked p ON p.edge_id = s.edge_id WHERE s.lag_idx IS NOT NULL) AS u
  GROUP BY u.edge_id, u.k
), lag_sketches AS (
  SELECT edge_id, array_agg(${unscale} ORDER BY k) AS lag_idx, array_agg(n ORDER BY k) AS lag_cnt
  FROM lag_merged
  GROUP BY edge_id
), exemplars AS (
  SELECT DISTINCT ON (s.edge_id) s.edge_id, s.exemplar_trace_id, s.exemplar_latency_ms
  FROM src s JOIN picked p ON p.edge_id = s.edge_id
  WHERE s.exemplar_trace_id IS NOT NULL
  ORDER BY s.edge_id, s.exemplar_latency_ms DESC, s.exemplar_trace_id
)
SELECT ed.client_service AS source, ed.server_service AS target, ed.connection_type,
       p.requests, p.failed, p.latency_sum_ms, sk.latency_idx, sk.latency_cnt${percentiles},
       ex.exemplar_trace_id, ex.exemplar_latency_ms, lg.lag_idx, lg.lag_cnt,
       sn.kind AS source_kind, sn.group_name AS source_group, tn.kind AS target_kind, tn.group_name AS target_group
FROM picked p
JOIN ${schema}.edges ed ON ed.edge_id = p.edge_id
LEFT JOIN sketches sk ON sk.edge_id = p.edge_id
LEFT JOIN exemplars ex ON ex.edge_id = p.edge_id
LEFT JOIN lag_sketches lg ON lg.edge_id = p.edge_id
LEFT JOIN ${schema}.nodes sn ON sn.service = ed.client_service
LEFT JOIN ${schema}.nodes tn ON tn.service = ed.server_service
ORDER BY p.requests DESC, source, target, ed.connection_type`;
  return { sql, resolution, coveredFromMs: Math.floor(range.fromMs / ms) * ms, coveredToMs: range.toMs };
}

/** The SQL alone (see planEdgeSql for the resolution and the covered range). */
export function buildEdgeSql(query: EdgeSqlQuery, range: EdgeSqlRange, options: EdgeSqlOptions = {}): string {
  return planEdgeSql(query, range, options).sql;
}
