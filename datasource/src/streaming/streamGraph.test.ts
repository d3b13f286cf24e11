import { DataFrame, DataQueryResponse, LoadingState } from '@grafana/data';
import { Observable, of, throwError } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';

import { EdgeObservation, Graph } from '../graph/servicegraph';
import { GraphStreamOptions, streamGraph } from './streamGraph';

const WINDOW_MS = 10_000;
const CADENCE_MS = 1000;

function observation(timeMs: number, failed = false): EdgeObservation {
  return {
    clientService: 'orders',
    serverService: 'payments',
    connectionType: '',
    traceId: `t${timeMs}`,
    timeMs,
    latencyMs: 20,
    failed,
  };
}

function setup(
  fetchInterval: (fromMs: number, toMs: number) => Observable<EdgeObservation[]>,
  startMs = 100_000,
  backfillChunkMs?: number,
  extra: Partial<GraphStreamOptions> = {}
) {
  const scheduler = new TestScheduler(() => undefined);
  const graphs: Graph[] = [];
  const responses: DataQueryResponse[] = [];
  const stream = streamGraph({
    refId: 'A',
    windowMs: WINDOW_MS,
    cadenceMs: CADENCE_MS,
    fetchInterval,
    backfillChunkMs,
    toFrames: (graph) => {
      graphs.push(graph);
      return [];
    },
    now: () => startMs + scheduler.now(),
    scheduler,
    ...extra,
  });
  /** Runs virtual time up to `ms` (ticks at 0, 1000, ... <= ms). */
  const runUntil = (ms: number) => {
    scheduler.maxFrames = ms;
    scheduler.flush();
  };
  return { stream, graphs, responses, runUntil };
}

describe('streamGraph', () => {
  it('polls only the new interval on each tick and emits Streaming frames keyed by refId', () => {
    const calls: Array<[number, number]> = [];
    const { stream, responses, runUntil } = setup((from, to) => {
      calls.push([from, to]);
      return of([observation(to - 1)]);
    });
    const subscription = stream.subscribe((r) => responses.push(r));
    runUntil(3000);
    subscription.unsubscribe();
    expect(calls).toEqual([
      [90_000, 100_000],
      [100_000, 101_000],
      [101_000, 102_000],
      [102_000, 103_000],
    ]);
    expect(responses.map((r) => [r.key, r.state])).toEqual(Array(4).fill(['A', LoadingState.Streaming]));
  });

  it('merges increments into the window and slides old requests out', () => {
    const { stream, graphs, runUntil } = setup((from, to) =>
      of(from === 90_000 ? [observation(95_000)] : [observation(to - 10)])
    );
    const subscription = stream.subscribe();
    runUntil(12_000);
    subscription.unsubscribe();
    const requests = graphs.map((g) => g.edges[0]?.requests ?? 0);
    // One request from the initial fill plus one per tick; at 106 s the 95 s request leaves the 10 s
    // window, and from 111 s on each tick's oldest request leaves as a new one arrives.
    expect(requests).toEqual([1, 2, 3, 4, 5, 6, 6, 7, 8, 9, 10, 10, 10]);
    expect(graphs[0].edges[0].id).toBe('orders->payments');
  });

  it('draws pending observations on top of the window without adding them (map and timeline)', () => {
    let pending: EdgeObservation[] = [];
    const settledAt: Record<number, EdgeObservation[]> = { 101_000: [observation(99_500)] };
    const pendingAt: Record<number, EdgeObservation[]> = {
      100_000: [observation(99_000), observation(99_500)],
      101_000: [observation(99_000)],
      102_000: [],
    };
    const { stream, graphs, responses, runUntil } = setup(
      (_from, to) => {
        pending = pendingAt[to];
        return of(settledAt[to] ?? []);
      },
      100_000,
      undefined,
      { pendingObservations: () => pending, timeline: true }
    );
    const subscription = stream.subscribe((r) => responses.push(r));
    runUntil(2000);
    subscription.unsubscribe();
    // 2 pending; 1 settled + 1 pending; 1 settled (the trace that stayed pending never settled: gone).
    expect(graphs.map((g) => g.edges[0]?.requests ?? 0)).toEqual([2, 2, 1]);
    const timeline = (responses[0].data as DataFrame[]).find((f) => f.name === 'timeline');
    expect(timeline?.fields.find((f) => f.name === 'requests')?.values).toEqual([2]);
  });

  it('shows a failed tick as an error and recovers on the next tick, refetching the missed interval', () => {
    const calls: Array<[number, number]> = [];
    let tick = 0;
    const { stream, responses, runUntil } = setup((from, to) => {
      calls.push([from, to]);
      tick++;
      return tick === 2
        ? throwError(() => new Error('Jaeger services: access denied (401)\n  at stack'))
        : of([observation(to - 1)]);
    });
    const subscription = stream.subscribe((r) => responses.push(r));
    runUntil(2000);
    subscription.unsubscribe();
    expect(responses.map((r) => r.state)).toEqual([LoadingState.Streaming, LoadingState.Error, LoadingState.Streaming]);
    expect(responses[1].errors?.[0]?.message).toBe('Jaeger services: access denied (401)');
    expect(calls[2][0]).toBe(calls[1][0]);
  });

  it('stops the timer and cancels the request in flight on unsubscribe', () => {
    let started = 0;
    let cancelled = 0;
    const { stream, runUntil } = setup(
      () =>
        new Observable<EdgeObservation[]>(() => {
          started++;
          return () => cancelled++;
        })
    );
    const subscription = stream.subscribe();
    runUntil(5000);
    // exhaustMap: the pending request blocks later ticks instead of piling up.
    expect(started).toBe(1);
    subscription.unsubscribe();
    expect(cancelled).toBe(1);
    runUntil(10_000);
    expect(started).toBe(1);
  });

  it('fills the window chunk by chunk, newest first, when backfill is on', () => {
    const calls: Array<[number, number]> = [];
    const { stream, graphs, runUntil } = setup(
      (from, to) => {
        calls.push([from, to]);
        return of([observation(from)]);
      },
      100_000,
      4000
    );
    const subscription = stream.subscribe();
    runUntil(3000);
    subscription.unsubscribe();
    expect(calls).toEqual([
      [96_000, 100_000],
      [100_000, 101_000],
      [92_000, 96_000],
      [101_000, 102_000],
      [102_000, 103_000],
    ]);
    // The 10 s window is covered after two chunks; at 103 s the 92 s request slides out.
    expect(graphs.map((g) => g.edges[0].requests)).toEqual([1, 3, 4, 4]);
    // Rates are over the covered part: 1 request in the first 4 s.
    expect(graphs[0].edges[0].rate).toBeCloseTo(0.25);
  });
});
