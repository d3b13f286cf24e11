/**
 * Anomaly flags for a live stream (issue 8): the detector (servicegraph insight/anomalyDetector) is fed
 * consecutive tumbling windows of `windowMs` cut from the stream's bucketed aggregator, oldest first, and
 * the flags of the newest complete window are put on every graph the stream emits.
 */
import { AnomalyFlag, BucketedAggregator, Graph, applyAnomalies, createAnomalyDetector } from '../graph/servicegraph';

/** The detector's own window length (its noise model assumes it). */
export const ANOMALY_WINDOW_MS = 10_000;

export interface AnomalyWindows {
  /** Feeds every window completed in [coveredFromMs, toMs) that was not fed before. */
  observe(aggregator: BucketedAggregator, coveredFromMs: number, toMs: number): void;
  apply(graph: Graph): Graph;
}

export function createAnomalyWindows(sensitivity?: number, bucketMs = 1000): AnomalyWindows {
  const windowMs = Math.ceil(ANOMALY_WINDOW_MS / bucketMs) * bucketMs;
  const detector = createAnomalyDetector({ windowMs, ...(sensitivity !== undefined ? { sensitivity } : {}) });
  let next: number | undefined;
  let flags: AnomalyFlag[] = [];
  return {
    observe(aggregator, coveredFromMs, toMs) {
      next ??= Math.ceil(coveredFromMs / windowMs) * windowMs;
      while (next + windowMs <= toMs) {
        flags = detector.update(aggregator.graph(next, next + windowMs), next);
        next += windowMs;
      }
    },
    apply(graph) {
      return flags.length > 0 ? applyAnomalies(graph, flags) : graph;
    },
  };
}
