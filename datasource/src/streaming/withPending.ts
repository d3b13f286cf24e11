import {
  BucketedAggregator,
  EdgeObservation,
  createBucketedAggregator,
  createEdgeWindow,
  mergeWindowInto,
  windowToGraph,
} from '../graph/servicegraph';

/** What a stream's frames, anomaly windows and timeline read: graphs of a time range. */
export type GraphView = Pick<BucketedAggregator, 'bucketMs' | 'graph'>;

/**
 * The aggregator's graphs with observations that are not final yet added on top (each in its bucket),
 * without changing the aggregator: a later, complete version of them replaces these.
 */
export function withPending(aggregator: BucketedAggregator, pending: readonly EdgeObservation[]): GraphView {
  if (pending.length === 0) {
    return aggregator;
  }
  const provisional = createBucketedAggregator({ bucketMs: aggregator.bucketMs });
  for (const observation of pending) {
    provisional.add(observation);
  }
  return {
    bucketMs: aggregator.bucketMs,
    graph(startMs, endMs, options = {}) {
      const window = createEdgeWindow();
      mergeWindowInto(window, aggregator.window(startMs, endMs));
      mergeWindowInto(window, provisional.window(startMs, endMs));
      return windowToGraph(window, { ...options, startMs, endMs });
    },
  };
}
