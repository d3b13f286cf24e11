/**
 * Anomaly flags in Timescale mode (issue 8): the per-bucket series of the query window (edgeSeriesSql.ts) is
 * fed window by window to the same anomaly windows the Jaeger and Demo streams use (insight/anomalyWindows,
 * servicegraph's detector), so the edges and nodes frames carry the same `anomaly` field whatever the source.
 *
 * - Windows are one minute (the 1 min table). At the traffic of a typical edge (a few requests per second) a
 *   10 s window holds fewer requests than the detector needs for a p95 (minRequests 20), and the p95 of 40
 *   requests swings by 5× on normal traffic; minute windows caught the demo incident in its first minute with
 *   no false flag on 20 minutes of normal traffic (timescaleInsight.db.test.ts).
 * - Flags are about the newest windows (the detector holds a flag for HOLD_WINDOWS), so the series is the
 *   newest SERIES_WINDOWS minutes of the range (timescale/anomalySeries.ts): the flagged windows plus
 *   ANOMALY_LEAD_WINDOWS of baseline history, which may lie before the range. The rows read stay the same
 *   for any range length.
 * - Windows younger than SETTLE_MS are not judged: the collector is still adding to them, and a half-written
 *   bucket looks like a drop in traffic.
 */
import { createAnomalyWindows } from '../insight/anomalyWindows';
import { Graph } from '../graph/servicegraph';
import { ANOMALY_WINDOW_MS, SeriesRange } from '../timescale/anomalySeries';
import { HeldBuckets } from '../timescale/heldBuckets';

export { ANOMALY_LEAD_WINDOWS, ANOMALY_WINDOW_MS, anomalySeriesRange } from '../timescale/anomalySeries';

/** Pairing TTL (5 s) + flush interval (1 s) of the collector + exporter batching, with room to spare. */
export const SETTLE_MS = 15_000;

/** The graph with the flags of the newest settled minute windows of the series held in `buckets` (any finer bucket width). */
export function flagFromSeries(
  graph: Graph,
  buckets: HeldBuckets,
  series: SeriesRange,
  nowMs: number,
  sensitivity?: number
): Graph {
  const anomalies = createAnomalyWindows(sensitivity, ANOMALY_WINDOW_MS);
  anomalies.observe(buckets, series.fromMs, Math.min(series.toMs, nowMs - SETTLE_MS));
  return anomalies.apply(graph);
}
