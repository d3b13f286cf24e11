/**
 * @jest-environment node
 */
import { createBucketedAggregator } from '../aggregate/bucketedAggregator';
import type { EdgeObservation } from '../types';
import { buildReplay, mergeGraphBuckets, ReplayRangeError } from './replay';

const T0 = 1_700_000_000_000;

function observation(client: string, server: string, timeMs: number, latencyMs: number, failed = false): EdgeObservation {
  return { clientService: client, serverService: server, connectionType: '', traceId: `t${timeMs}`, timeMs, latencyMs, failed };
}

/** a -> b every second for a minute (slow from 30 s), a -> c only in the first 10 s. */
function aggregator() {
  const buckets = createBucketedAggregator({ bucketMs: 10_000 });
  for (let s = 0; s < 60; s++) {
    buckets.add(observation('a', 'b', T0 + s * 1000, s >= 30 ? 500 : 20, s >= 30 && s % 2 === 0));
    if (s < 10) {
      buckets.add(observation('a', 'c', T0 + s * 1000 + 500, 5));
    }
  }
  return buckets;
}

/** The sketch is accurate to 1 %: compare latencies to the nearest 10 ms. */
function tens(ms: number): number {
  return Math.round(ms / 10) * 10;
}

describe('buildReplay', () => {
  it('gives one frame per step with every element in every frame, in a stable order', () => {
    const frames = buildReplay(aggregator(), { fromMs: T0, toMs: T0 + 60_000, stepMs: 10_000 });
    expect(frames.map((f) => f.id)).toEqual([0, 1, 2, 3, 4, 5].map((i) => `replay:${T0 + i * 10_000}`));
    for (const frame of frames) {
      expect(frame.graph.edges.map((e) => e.id)).toEqual(['a->b', 'a->c']);
      expect(frame.graph.nodes.map((n) => n.id)).toEqual(['a', 'b', 'c']);
    }
    expect(frames.map((f) => f.graph.edges[1].requests)).toEqual([10, 0, 0, 0, 0, 0]);
    expect(frames.map((f) => tens(f.graph.edges[0].p95Ms))).toEqual([20, 20, 20, 500, 500, 500]);
    expect(frames[4].graph.edges[0].errorRate).toBe(0.5);
    expect(frames[0].graph.edges[0].rate).toBe(1);
  });

  it('slides a longer window along the steps', () => {
    const frames = buildReplay(aggregator(), { fromMs: T0, toMs: T0 + 60_000, stepMs: 10_000, windowMs: 30_000 });
    expect(frames.map((f) => f.graph.edges[0].requests)).toEqual([10, 20, 30, 30, 30, 30]);
    expect(frames[2].windowStartMs).toBe(T0);
    expect(frames[2].windowEndMs).toBe(T0 + 30_000);
    expect(frames[5].graph.edges[0].rate).toBe(1);
  });

  it('replays per-bucket graphs with counts added and the worst p95 kept', () => {
    const source = aggregator();
    const buckets = source.bucketStarts().map((bucketStartMs) => ({ bucketStartMs, graph: source.graph(bucketStartMs, bucketStartMs + 10_000) }));
    const frames = buildReplay(buckets, { fromMs: T0, toMs: T0 + 60_000, stepMs: 20_000 });
    expect(frames.map((f) => f.graph.edges[0].requests)).toEqual([20, 20, 20]);
    expect(frames.map((f) => tens(f.graph.edges[0].p95Ms))).toEqual([20, 500, 500]);
    expect(frames[1].graph.edges[0].errorRate).toBe(0.25);
    expect(mergeGraphBuckets(buckets, T0 + 60_000, T0 + 70_000)).toEqual({ nodes: [], edges: [] });
  });

  it('keeps the worst consumer lag of a messaging edge across buckets, and none on idle steps', () => {
    const buckets = createBucketedAggregator({ bucketMs: 10_000 });
    const message = (timeMs: number, messagingLagMs: number): EdgeObservation => ({
      ...observation('orders', 'shipping', timeMs, 3),
      connectionType: 'messaging_system',
      messagingLagMs,
    });
    buckets.add(message(T0, 30));
    buckets.add(message(T0 + 10_000, 45_000));
    const graphs = [0, 10_000].map((offset) => ({ bucketStartMs: T0 + offset, graph: buckets.graph(T0 + offset, T0 + offset + 10_000) }));
    const frames = buildReplay(graphs, { fromMs: T0, toMs: T0 + 30_000, stepMs: 20_000 });
    expect(Math.round(frames[0].graph.edges[0].lagP95Ms! / 1000)).toBe(45);
    expect(frames[1].graph.edges[0]).toMatchObject({ requests: 0 });
    expect(frames[1].graph.edges[0].lagP95Ms).toBeUndefined();
  });

  it('rejects ranges a slider cannot use', () => {
    const source = aggregator();
    expect(() => buildReplay(source, { fromMs: T0, toMs: T0, stepMs: 1000 })).toThrow(ReplayRangeError);
    expect(() => buildReplay(source, { fromMs: T0, toMs: T0 + 1000, stepMs: 0 })).toThrow('replay: stepMs must be a positive number of ms, got 0');
    expect(() => buildReplay(source, { fromMs: T0, toMs: T0 + 3_600_000, stepMs: 1 })).toThrow(
      'replay: 3600000 frames of 1 ms exceed the limit of 10000; choose a larger step'
    );
  });
});
