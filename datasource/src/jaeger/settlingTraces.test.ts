import { createSettlingTraces } from './settlingTraces';

const SETTLE_MS = 60_000;
const trace = (traceID: string | undefined, startMs: number, spans = 1) => ({
  traceID,
  spans: Array.from({ length: spans }, (_, i) => ({ startTime: (startMs + i) * 1000 })),
});

describe('createSettlingTraces', () => {
  it('keeps a trace pending until it settles, then counts its newest version once', () => {
    const traces = createSettlingTraces(600_000, SETTLE_MS);
    expect(traces.take([trace('a', 1000, 1)], 10_000)).toEqual([]);
    expect(traces.pending()).toEqual([trace('a', 1000, 1)]);
    expect(traces.take([trace('a', 1000, 3)], 40_000)).toEqual([]);
    expect(traces.take([trace('a', 1000, 4)], 70_000)).toEqual([trace('a', 1000, 4)]);
    expect(traces.pending()).toEqual([]);
    expect(traces.take([trace('a', 1000, 5)], 80_000)).toEqual([]);
  });

  it('searches again from the previous settle boundary', () => {
    const traces = createSettlingTraces(600_000, SETTLE_MS);
    expect(traces.searchFrom(5000)).toBe(5000);
    traces.take([], 100_000);
    expect(traces.searchFrom(100_000)).toBe(40_000);
  });

  it('counts a trace found only after its settle time at once, and one without an id as read', () => {
    const traces = createSettlingTraces(600_000, SETTLE_MS);
    expect(traces.take([trace('old', 1000), trace(undefined, 99_000)], 100_000)).toEqual([
      trace(undefined, 99_000),
      trace('old', 1000),
    ]);
  });

  it('keeps a pending trace that a later search did not return, and counts it when it settles', () => {
    const traces = createSettlingTraces(600_000, SETTLE_MS);
    traces.take([trace('a', 1000, 2)], 10_000);
    expect(traces.take([], 70_000)).toEqual([trace('a', 1000, 2)]);
  });
});
