/**
 * Tumbling time buckets of edge windows for streaming: observations land in the bucket of their start
 * time, old buckets are evicted, and any range is answered by merging the buckets it covers. Because
 * windows merge associatively, a sliding window is just a different choice of buckets.
 * Memory: each (edge, bucket) holds a latency sketch of about 3-4 KB (measured, 20 samples spread over
 * 5-500 ms), so keep the bucket count per range modest (e.g. range / 30 as bucketMs).
 */
import type { EdgeObservation, Graph } from '../types';
import { addObservation, createEdgeWindow, mergeWindowInto, type EdgeWindow } from './edgeWindow';
import { windowToGraph, type GraphRange } from './windowToGraph';

export interface BucketedAggregatorOptions {
  /** Bucket width in ms (e.g. 5000 for 5 s buckets). */
  bucketMs: number;
}

export interface BucketedAggregator {
  readonly bucketMs: number;
  add(obs: EdgeObservation): void;
  /** Drops every bucket that ends at or before `ms`. */
  evictBefore(ms: number): void;
  /** Merged window of the buckets that overlap [startMs, endMs). */
  window(startMs: number, endMs: number): EdgeWindow;
  /** Graph of [startMs, endMs): rates are per second of the requested range. */
  graph(startMs: number, endMs: number, options?: Omit<GraphRange, 'startMs' | 'endMs'>): Graph;
  /** Start times of the buckets held, ascending. */
  bucketStarts(): number[];
}

export class AggregatorConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AggregatorConfigError';
  }
}

export function createBucketedAggregator({ bucketMs }: BucketedAggregatorOptions): BucketedAggregator {
  if (!Number.isFinite(bucketMs) || bucketMs <= 0) {
    throw new AggregatorConfigError(`bucketMs must be a positive number of milliseconds, got ${bucketMs}`);
  }
  return createAggregatorOver(new Map(), bucketMs);
}

/**
 * The aggregator over a bucket map (keys: bucket starts) that the caller also holds, for sources that swap
 * whole buckets in (Timescale re-reads its newest buckets); `graphDefaults` is read on every `graph` call.
 */
export function createAggregatorOver(
  buckets: Map<number, EdgeWindow>,
  bucketMs: number,
  graphDefaults: Omit<GraphRange, 'startMs' | 'endMs'> = {}
): BucketedAggregator {
  const bucketStartOf = (ms: number): number => Math.floor(ms / bucketMs) * bucketMs;
  const bucketStarts = (): number[] => [...buckets.keys()].sort((a, b) => a - b);

  const window = (startMs: number, endMs: number): EdgeWindow => {
    const merged = createEdgeWindow();
    const first = bucketStartOf(startMs);
    for (const start of bucketStarts()) {
      if (start >= first && start < endMs) {
        mergeWindowInto(merged, buckets.get(start)!);
      }
    }
    return merged;
  };

  return {
    bucketMs,
    add(obs) {
      if (!Number.isFinite(obs.timeMs)) {
        return;
      }
      const start = bucketStartOf(obs.timeMs);
      let bucket = buckets.get(start);
      if (!bucket) {
        bucket = createEdgeWindow();
        buckets.set(start, bucket);
      }
      addObservation(bucket, obs);
    },
    evictBefore(ms) {
      for (const start of [...buckets.keys()]) {
        if (start + bucketMs <= ms) {
          buckets.delete(start);
        }
      }
    },
    window,
    graph(startMs, endMs, options = {}) {
      return windowToGraph(window(startMs, endMs), { ...graphDefaults, ...options, startMs, endMs });
    },
    bucketStarts,
  };
}
