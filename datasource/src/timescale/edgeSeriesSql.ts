/**
 * Per-bucket edge rows: one row per (bucket, edge) of one bucket table, unmerged. Two readers need the
 * buckets themselves rather than range totals: anomaly flags (rate, error rate and p95 per bucket fed to
 * servicegraph's detector) and live mode (only the newest buckets are read each tick and merged into the
 * window held in the browser). Columns: bucket, source, target, connection_type, requests, failed,
 * latency_sum_ms, latency_idx, latency_cnt (1 % scale), exemplar_trace_id, exemplar_latency_ms, lag_idx, lag_cnt, source_kind,
 * source_group, target_kind, target_group — the columns of edgeSql.ts plus `bucket`, so rowsToGraph.ts reads both.
 */
import { checkIdentifier, edgeFilter, EdgeResolution, EdgeSqlQuery, EdgeSqlRange, RESOLUTION_TABLES } from './edgeSql';
import { quoteTimestamp, SqlValueError } from './sqlLiteral';

export interface EdgeSeriesPlan {
  sql: string;
  resolution: EdgeResolution;
  bucketMs: number;
  /** Bucket-aligned range the rows cover: buckets starting in [fromMs, toMs). */
  fromMs: number;
  toMs: number;
}

/** Buckets of [range.fromMs, range.toMs) on one table; the range is widened to whole buckets. */
export function planEdgeSeriesSql(
  query: Omit<EdgeSqlQuery, 'topN'>,
  range: EdgeSqlRange,
  resolution: EdgeResolution,
  schema = 'kompas'
): EdgeSeriesPlan {
  if (!(range.toMs > range.fromMs)) {
    throw new SqlValueError(`time range is empty or inverted (${range.fromMs} .. ${range.toMs})`);
  }
  const { ms, sketchScale } = RESOLUTION_TABLES[resolution];
  const name = checkIdentifier(schema);
  const fromMs = Math.floor(range.fromMs / ms) * ms;
  const toMs = Math.ceil(range.toMs / ms) * ms;
  const filter = edgeFilter(query);
  // A coarsened sketch index maps back to the middle of the 1 % indexes it covers (monotonic: order is kept).
  const unscaled = (column: string) =>
    sketchScale === 1 ? column : `ARRAY(SELECT ${name}.sketch_unscale(k, ${sketchScale}) FROM unnest(${column}) AS k)`;
  const sql = `SELECT b.bucket, ed.client_service AS source, ed.server_service AS target, ed.connection_type,
       b.requests, b.failed, b.latency_sum_ms, ${unscaled('b.latency_idx')} AS latency_idx, b.latency_cnt,
       b.exemplar_trace_id, b.exemplar_latency_ms, ${unscaled('b.lag_idx')} AS lag_idx, b.lag_cnt,
       sn.kind AS source_kind, sn.group_name AS source_group, tn.kind AS target_kind, tn.group_name AS target_group
FROM ${name}.edge_buckets_${resolution} b
JOIN ${name}.edges ed ON ed.edge_id = b.edge_id
LEFT JOIN ${name}.nodes sn ON sn.service = ed.client_service
LEFT JOIN ${name}.nodes tn ON tn.service = ed.server_service
WHERE b.bucket >= ${quoteTimestamp(fromMs, 'range start')} AND b.bucket < ${quoteTimestamp(toMs, 'range end')}${filter === 'true' ? '' : ` AND ${filter}`}
ORDER BY b.bucket, ed.edge_id`;
  return { sql, resolution, bucketMs: ms, fromMs, toMs };
}
