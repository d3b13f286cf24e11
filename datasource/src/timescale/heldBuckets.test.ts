import { addObservation, createEdgeWindow, type EdgeWindow } from '../../../servicegraph/src/aggregate/edgeWindow';
import type { EdgeObservation } from '../../../servicegraph/src/types';
import { createHeldBuckets, keepTopEdges } from './heldBuckets';

function windowOf(...observations: Array<Partial<EdgeObservation>>): EdgeWindow {
  const window = createEdgeWindow();
  for (const o of observations) {
    addObservation(window, { clientService: 'a', serverService: 'b', connectionType: '', traceId: 't', timeMs: 0, latencyMs: 5, failed: false, ...o });
  }
  return window;
}

describe('held buckets', () => {
  it('swaps re-read buckets in whole, so a bucket read twice counts once', () => {
    const held = createHeldBuckets(10_000);
    held.replaceRange(0, 30_000, new Map([[0, windowOf({})], [10_000, windowOf({}, {})], [20_000, windowOf({})]]));
    // The newest two buckets grew and are read again: they replace what was held.
    held.replaceRange(10_000, 30_000, new Map([[10_000, windowOf({}, {}, {})], [20_000, windowOf({}, {})]]), { groups: { a: 'shop' }, nodeKinds: {} });
    expect(held.graph(0, 30_000).edges[0].requests).toBe(1 + 3 + 2);
    expect(held.graph(0, 30_000).nodes.find((n) => n.id === 'a')?.group).toBe('shop');
    held.evictBefore(10_000);
    expect(held.bucketStarts()).toEqual([10_000, 20_000]);
    expect(held.window(5_000, 20_000).edges.get('a->b')?.requests).toBe(3);
  });

  it('keeps the busiest edges, ties by edge id', () => {
    const window = windowOf({ serverService: 'c' }, { serverService: 'c' }, { serverService: 'b' }, { serverService: 'd' });
    expect([...keepTopEdges(window, 2).edges.keys()]).toEqual(['a->c', 'a->b']);
    expect(keepTopEdges(window, 0)).toBe(window);
  });
});
