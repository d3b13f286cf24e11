/**
 * Anomaly flags in Timescale mode (issue 8): the per-bucket series of the query window (edgeSeriesSql.ts) is
 * fed bucket by bucket to the same anomaly windows the Jaeger and Demo streams use (insight/anomalyWindows,
 * servicegraph's detector), so the edges and nodes frames carry the same `anomaly` field whatever the source.
 *
 * - The baseline needs history, so the series starts ANOMALY_LEAD_BUCKETS before the range (at most
 *   MAX_SERIES_BUCKETS in all: flags concern the newest windows).
 * - Only the 10 s and 1 min tables (ranges up to 3 h): hour-long windows would take days to warm up.
 * - Buckets younger than SETTLE_MS are not judged: the collector is still adding to them, and a half-written
 *   bucket looks like a drop in traffic.
 */
import { createAnomalyWindows } from '../insight/anomalyWindows';
import { Graph } from '../graph/servicegraph';
import { chooseResolution, EdgeResolution, RESOLUTION_TABLES } from '../timescale/edgeSql';
import { HeldBuckets } from '../timescale/heldBuckets';

export const ANOMALY_LEAD_BUCKETS = 30;
export const MAX_SERIES_BUCKETS = 120;
/** Pairing TTL (5 s) + flush interval (1 s) of the collector + exporter batching, with room to spare. */
export const SETTLE_MS = 15_000;

export interface SeriesRange {
  resolution: EdgeResolution;
  fromMs: number;
  toMs: number;
}

/** The buckets a range's flags are computed from, or undefined when the range is too long for flags. */
export function anomalySeriesRange(fromMs: number, toMs: number): SeriesRange | undefined {
  const resolution = chooseResolution({ fromMs, toMs });
  if (resolution === '1h') {
    return undefined;
  }
  const { ms } = RESOLUTION_TABLES[resolution];
  return { resolution, fromMs: Math.max(fromMs - ANOMALY_LEAD_BUCKETS * ms, toMs - MAX_SERIES_BUCKETS * ms), toMs };
}

/** The graph with the flags of the newest settled windows of the series held in `buckets`. */
export function flagFromSeries(
  graph: Graph,
  buckets: HeldBuckets,
  series: SeriesRange,
  nowMs: number,
  sensitivity?: number
): Graph {
  const anomalies = createAnomalyWindows(sensitivity, buckets.bucketMs);
  anomalies.observe(buckets, series.fromMs, Math.min(series.toMs, nowMs - SETTLE_MS));
  return anomalies.apply(graph);
}
