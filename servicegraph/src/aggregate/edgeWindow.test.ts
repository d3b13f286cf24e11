import fc from 'fast-check';

import type { EdgeObservation } from '../types';
import {
  addEdgeAggregate,
  addObservation,
  createEdgeWindow,
  edgeId,
  mergeWindows,
  type EdgeWindow,
} from './edgeWindow';
import { createLatencySketch, quantile, recordLatency, serializeSketch, SketchFormatError } from './latencySketch';
import { observation, observationsArbitrary } from './testObservations';

function windowOf(observations: EdgeObservation[]): EdgeWindow {
  const window = createEdgeWindow();
  observations.forEach((obs) => addObservation(window, obs));
  return window;
}

/** Everything a window says, in a form `toEqual` can compare regardless of insertion order. */
function canonical(window: EdgeWindow) {
  return [...window.edges.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([id, stats]) => ({
      id,
      key: [stats.clientService, stats.serverService, stats.connectionType],
      requests: stats.requests,
      failed: stats.failed,
      latency: serializeSketch(stats.latency),
      firstSeenMs: stats.firstSeenMs,
      lastSeenMs: stats.lastSeenMs,
      exemplar: stats.exemplar,
      lag: stats.lag ? serializeSketch(stats.lag) : undefined,
    }));
}

describe('edge windows', () => {
  it('uses stable edge ids with the connection type only when it is not empty', () => {
    expect(edgeId({ clientService: 'a', serverService: 'b', connectionType: '' })).toBe('a->b');
    expect(edgeId({ clientService: 'orders', serverService: 'postgres', connectionType: 'database' })).toBe(
      'orders->postgres#database'
    );
  });

  it('counts requests, failures, latency, time range and keeps the slowest trace as exemplar', () => {
    const window = windowOf([
      observation({ clientService: 'frontend', serverService: 'orders', latencyMs: 20, timeMs: 2000, traceId: 'aa' }),
      observation({
        clientService: 'frontend',
        serverService: 'orders',
        latencyMs: 900,
        timeMs: 1000,
        traceId: 'bb',
        failed: true,
      }),
      observation({ clientService: 'frontend', serverService: 'orders', latencyMs: 40, timeMs: 3000, traceId: 'cc' }),
      observation({ clientService: 'orders', serverService: 'postgres', connectionType: 'database', latencyMs: 3 }),
    ]);
    expect([...window.edges.keys()].sort()).toEqual(['frontend->orders', 'orders->postgres#database']);
    const stats = window.edges.get('frontend->orders')!;
    expect(stats).toMatchObject({ requests: 3, failed: 1, firstSeenMs: 1000, lastSeenMs: 3000 });
    expect(stats.exemplar).toEqual({ traceId: 'bb', latencyMs: 900 });
    expect(Math.abs(quantile(stats.latency, 0.5) - 40) / 40).toBeLessThanOrEqual(0.01);
  });

  it('merges associatively (property)', () => {
    fc.assert(
      fc.property(observationsArbitrary, observationsArbitrary, observationsArbitrary, (a, b, c) => {
        const [wa, wb, wc] = [windowOf(a), windowOf(b), windowOf(c)];
        expect(canonical(mergeWindows(mergeWindows(wa, wb), wc))).toEqual(
          canonical(mergeWindows(wa, mergeWindows(wb, wc)))
        );
      })
    );
  });

  it('merges commutatively and leaves its inputs unchanged (property)', () => {
    fc.assert(
      fc.property(observationsArbitrary, observationsArbitrary, (a, b) => {
        const [wa, wb] = [windowOf(a), windowOf(b)];
        const before = canonical(wa);
        expect(canonical(mergeWindows(wa, wb))).toEqual(canonical(mergeWindows(wb, wa)));
        expect(canonical(wa)).toEqual(before);
      })
    );
  });

  it('merging the windows of a split equals one window of everything (property)', () => {
    fc.assert(
      fc.property(observationsArbitrary, fc.nat(), (all, cut) => {
        const at = all.length === 0 ? 0 : cut % all.length;
        const merged = mergeWindows(windowOf(all.slice(0, at)), windowOf(all.slice(at)));
        expect(canonical(merged)).toEqual(canonical(windowOf(all)));
      })
    );
  });

  it('keeps a consumer-lag sketch for messaging edges only, and folds stored lag sketches like latency', () => {
    const window = windowOf([
      observation({ clientService: 'orders', serverService: 'shipping', connectionType: 'messaging_system', messagingLagMs: 45_000 }),
      observation({ clientService: 'orders', serverService: 'shipping', connectionType: 'messaging_system', messagingLagMs: 20 }),
      observation({ clientService: 'orders', serverService: 'payments' }),
    ]);
    const lag = window.edges.get('orders->shipping#messaging_system')!.lag!;
    expect(lag.count).toBe(2);
    expect(Math.abs(quantile(lag, 0.95) - 45_000) / 45_000).toBeLessThanOrEqual(0.01);
    expect(window.edges.get('orders->payments')!.lag).toBeUndefined();

    const fromRows = createEdgeWindow();
    const key = { clientService: 'orders', serverService: 'shipping', connectionType: 'messaging_system' as const };
    addEdgeAggregate(fromRows, { ...key, requests: 2, lag: serializeSketch(lag) });
    expect(serializeSketch(fromRows.edges.get(edgeId(key))!.lag!)).toEqual(serializeSketch(lag));
  });

  it('does not take an exemplar from observations without a trace id', () => {
    const window = windowOf([observation({ clientService: 'a', serverService: 'b', traceId: '', latencyMs: 5 })]);
    expect(window.edges.get('a->b')!.exemplar).toBeUndefined();
  });

  it('folds pre-aggregated rows (SQL sketches, call counts) into the same statistics as observations', () => {
    const observed = windowOf([
      observation({ clientService: 'a', serverService: 'b', latencyMs: 12, timeMs: 10, failed: true }),
      observation({ clientService: 'a', serverService: 'b', latencyMs: 70, timeMs: 20 }),
    ]);
    const fromRows = createEdgeWindow();
    const first = createLatencySketch();
    recordLatency(first, 12);
    const second = createLatencySketch();
    recordLatency(second, 70);
    const key = { clientService: 'a', serverService: 'b', connectionType: '' as const };
    addEdgeAggregate(fromRows, { ...key, requests: 1, failed: 1, latency: first, firstSeenMs: 10, lastSeenMs: 10 });
    addEdgeAggregate(fromRows, {
      ...key,
      requests: 1,
      latency: serializeSketch(second),
      firstSeenMs: 20,
      lastSeenMs: 20,
    });
    const { exemplar, ...observedStats } = canonical(observed)[0];
    expect(exemplar).toEqual({ traceId: 'trace-1', latencyMs: 70 });
    expect(canonical(fromRows)[0]).toEqual({ ...observedStats, exemplar: undefined });

    const counts = createEdgeWindow();
    addEdgeAggregate(counts, { ...key, requests: 290 });
    expect(counts.edges.get('a->b')).toMatchObject({ requests: 290, failed: 0 });
    expect(() => addEdgeAggregate(counts, { ...key, requests: 1, latency: { b: [1], c: [] } })).toThrow(
      SketchFormatError
    );
  });
});
