import { SettlingTraces, createSettlingTraces } from './settlingTraces';

const SETTLE_MS = 60_000;
const trace = (traceID: string | undefined, startMs: number, spans = 1) => ({
  traceID,
  spans: Array.from({ length: spans }, (_, i) => ({ startTime: (startMs + i) * 1000 })),
});

/** One tick: the search start it asks for, then its result. */
function tick(traces: SettlingTraces, found: unknown[], fromMs: number, toMs: number) {
  const startMs = traces.searchFrom(fromMs, toMs);
  return { startMs, settled: traces.take(found, toMs).settled };
}

describe('createSettlingTraces', () => {
  it('keeps a trace pending until it settles, then counts its newest version once', () => {
    const traces = createSettlingTraces(600_000, SETTLE_MS, 0);
    expect(traces.take([trace('a', 1000, 1)], 10_000).settled).toEqual([]);
    expect(traces.pending()).toEqual([trace('a', 1000, 1)]);
    expect(traces.take([trace('a', 1000, 3)], 40_000).settled).toEqual([]);
    expect(traces.take([trace('a', 1000, 4)], 70_000).settled).toEqual([trace('a', 1000, 4)]);
    expect(traces.pending()).toEqual([]);
    expect(traces.take([trace('a', 1000, 5)], 80_000).settled).toEqual([]);
  });

  it('names each trace as first seen once, on its first read', () => {
    const traces = createSettlingTraces(600_000, SETTLE_MS, 0);
    expect(traces.take([trace('a', 1000, 1), trace(undefined, 2000)], 10_000).firstSeen).toEqual([
      trace('a', 1000, 1),
      trace(undefined, 2000),
    ]);
    expect(traces.take([trace('a', 1000, 2), trace('b', 5000)], 20_000).firstSeen).toEqual([trace('b', 5000)]);
    expect(traces.take([trace('a', 1000, 3)], 70_000).firstSeen).toEqual([]);
  });

  it('searches the settle window again every re-read interval, and only the new interval between', () => {
    const traces = createSettlingTraces(600_000, SETTLE_MS, 10_000);
    expect(tick(traces, [], 0, 100_000).startMs).toBe(0);
    expect(tick(traces, [trace('a', 99_000, 1)], 100_000, 102_000).startMs).toBe(100_000);
    expect(tick(traces, [], 102_000, 104_000).startMs).toBe(102_000);
    expect(tick(traces, [], 104_000, 110_000).startMs).toBe(40_000);
    // A later, fuller version from a tick between re-reads replaces the pending one.
    expect(tick(traces, [trace('a', 99_000, 3)], 110_000, 112_000)).toEqual({ startMs: 110_000, settled: [] });
    expect(tick(traces, [], 112_000, 160_000)).toEqual({ startMs: 50_000, settled: [trace('a', 99_000, 3)] });
  });

  it('settles traces only on re-read ticks', () => {
    const traces = createSettlingTraces(600_000, SETTLE_MS, 10_000);
    tick(traces, [trace('a', 1000)], 0, 30_000);
    expect(tick(traces, [], 30_000, 65_000).settled).toEqual([trace('a', 1000)]);
    tick(traces, [trace('b', 6000)], 65_000, 66_000);
    expect(tick(traces, [], 66_000, 68_000).settled).toEqual([]);
    expect(tick(traces, [], 68_000, 75_000).settled).toEqual([trace('b', 6000)]);
  });

  it('counts a trace found only after its settle time at once, and one without an id as read', () => {
    const traces = createSettlingTraces(600_000, SETTLE_MS, 0);
    expect(traces.take([trace('old', 1000), trace(undefined, 99_000)], 100_000).settled).toEqual([
      trace(undefined, 99_000),
      trace('old', 1000),
    ]);
  });

  it('keeps a pending trace that a later search did not return, and counts it when it settles', () => {
    const traces = createSettlingTraces(600_000, SETTLE_MS, 0);
    traces.take([trace('a', 1000, 2)], 10_000);
    expect(traces.take([], 70_000).settled).toEqual([trace('a', 1000, 2)]);
  });
});
