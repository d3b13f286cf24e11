/**
 * The buckets of a Timescale window held in the browser: edge windows per bucket start, as read with
 * edgeSeriesSql.ts. It is a servicegraph BucketedAggregator (the anomaly windows and timeline read it like
 * the Jaeger and Demo streams' aggregators), plus `replaceRange`: live mode re-reads the newest buckets
 * each tick (the collector keeps adding to them for a while) and swaps them in whole, so nothing counts twice.
 */
import { edgeId, type EdgeWindow } from '../../../servicegraph/src/aggregate/edgeWindow';
import { createAggregatorOver, type BucketedAggregator } from '../../../servicegraph/src/aggregate/bucketedAggregator';
import { createRowNodes, type RowNodes } from './rowsToGraph';

export interface HeldBuckets extends BucketedAggregator {
  /** Node kinds and groups read with the rows (for windowToGraph). */
  readonly nodes: RowNodes;
  /** Drops the buckets starting in [fromMs, toMs) and keeps `windows` instead (keys are bucket starts). */
  replaceRange(fromMs: number, toMs: number, windows: ReadonlyMap<number, EdgeWindow>, nodes?: RowNodes): void;
}

export function createHeldBuckets(bucketMs: number): HeldBuckets {
  const buckets = new Map<number, EdgeWindow>();
  const nodes = createRowNodes();
  return {
    ...createAggregatorOver(buckets, bucketMs, nodes),
    nodes,
    replaceRange(fromMs, toMs, windows, rowNodes) {
      for (const start of [...buckets.keys()]) {
        if (start >= fromMs && start < toMs) {
          buckets.delete(start);
        }
      }
      for (const [start, bucket] of windows) {
        buckets.set(start, bucket);
      }
      Object.assign(nodes.groups, rowNodes?.groups);
      Object.assign(nodes.nodeKinds, rowNodes?.nodeKinds);
    },
  };
}

/**
 * The `topN` busiest edges of a window (requests, then edge id), as the SQL's top N keeps them; 0 = all.
 * Ties at the cut can differ from the SQL, which breaks them by the database's edge number.
 */
export function keepTopEdges(window: EdgeWindow, topN: number): EdgeWindow {
  if (!(topN > 0) || window.edges.size <= topN) {
    return window;
  }
  const kept = [...window.edges.values()]
    .sort((a, b) => b.requests - a.requests || (edgeId(a) < edgeId(b) ? -1 : 1))
    .slice(0, topN);
  return { edges: new Map(kept.map((stats) => [edgeId(stats), stats])) };
}
