/**
 * Anomaly flags for a live stream (issue 8): the detector (servicegraph insight/anomalyDetector) is fed
 * consecutive tumbling windows of `windowMs` cut from the stream's bucketed aggregator, oldest first, and
 * the flags of the newest complete windows are put on every graph the stream emits. A flag is held for
 * HOLD_WINDOWS windows: an incident's p95 swings around the threshold, and a marker that blinks every
 * 10 s is harder to notice than one that stays while the trouble lasts.
 */
import { AnomalyFlag, BucketedAggregator, Graph, applyAnomalies, createAnomalyDetector } from '../graph/servicegraph';

/** The detector's own window length (its noise model assumes it). */
export const ANOMALY_WINDOW_MS = 10_000;
export const HOLD_WINDOWS = 3;

export interface AnomalyWindows {
  /** Feeds every window completed in [coveredFromMs, toMs) that was not fed before. */
  observe(aggregator: Pick<BucketedAggregator, 'graph'>, coveredFromMs: number, toMs: number): void;
  apply(graph: Graph): Graph;
}

export function createAnomalyWindows(sensitivity?: number, bucketMs = 1000): AnomalyWindows {
  const windowMs = Math.ceil(ANOMALY_WINDOW_MS / bucketMs) * bucketMs;
  const detector = createAnomalyDetector({ windowMs, ...(sensitivity !== undefined ? { sensitivity } : {}) });
  let next: number | undefined;
  let recent: AnomalyFlag[][] = [];
  return {
    observe(aggregator, coveredFromMs, toMs) {
      next ??= Math.ceil(coveredFromMs / windowMs) * windowMs;
      while (next + windowMs <= toMs) {
        recent = [...recent, detector.update(aggregator.graph(next, next + windowMs), next)].slice(-HOLD_WINDOWS);
        next += windowMs;
      }
    },
    apply(graph) {
      // Newest reason per element and metric.
      const held = new Map<string, AnomalyFlag>();
      for (const flag of recent.flat()) {
        held.set(`${flag.element}:${flag.id}:${flag.metric}`, flag);
      }
      return held.size > 0 ? applyAnomalies(graph, [...held.values()]) : graph;
    },
  };
}
