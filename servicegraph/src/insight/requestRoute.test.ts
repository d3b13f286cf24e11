/**
 * @jest-environment node
 */
import { makeSpan } from '../../testdata/makeSpan';
import { generateSyntheticSpans } from '../../testdata/syntheticTraces';
import { spansToObservations } from '../derive/spansToObservations';
import type { Span } from '../types';
import { criticalPath } from './criticalPath';
import { requestRoute } from './requestRoute';

const T0 = 1_700_000_000_000;

function span(spanId: string, parentSpanId: string, start: number, end: number, extra: Partial<Span>): Span {
  return makeSpan({ spanId, parentSpanId, service: 'x', startMs: T0 + start, durationMs: end - start, ...extra });
}

const db = { 'db.system': 'postgresql', 'db.name': 'payments-db' };
const checkout = [
  span('r', '', 0, 140, { service: 'gateway', kind: 'server' }),
  span('c', 'r', 10, 130, { service: 'gateway', kind: 'client' }),
  span('s', 'c', 12, 128, { service: 'payments', kind: 'server', error: true }),
  span('d', 's', 15, 115, { service: 'payments', kind: 'client', attributes: db }),
  span('i', 'r', 132, 138, { service: 'gateway', kind: 'internal' }),
  // A parallel call hidden under the payments call: on the route, not on the critical path.
  span('c2', 'r', 20, 60, { service: 'gateway', kind: 'client' }),
  span('s2', 'c2', 21, 59, { service: 'fraud', kind: 'server' }),
];

describe('requestRoute', () => {
  it('lists each call as a hop on its map edge, in start order, with status and critical-path time', () => {
    const hops = requestRoute(checkout);
    expect(hops.map((h) => [h.edgeId, h.spanId, h.durationMs, h.failed, h.criticalPathMs, h.onCriticalPath])).toEqual([
      ['user->gateway#virtual_node', 'r', 140, false, 20, true],
      ['gateway->payments', 's', 116, true, 20, true],
      ['payments->payments-db#database', 'd', 100, false, 100, true],
      ['gateway->fraud', 's2', 38, false, 0, false],
    ]);
    expect(hops[1].startMs).toBe(T0 + 12);
  });

  it('accounts for the whole critical path and uses the edges derivation reports', () => {
    const spans = generateSyntheticSpans({ seed: 8, traces: 30, spansPerTrace: 20, services: 6 });
    const derived = new Set(spansToObservations(spans).map((o) => `${o.clientService}->${o.serverService}`));
    const traceIds = [...new Set(spans.map((s) => s.traceId))];
    for (const traceId of traceIds) {
      const trace = spans.filter((s) => s.traceId === traceId);
      const hops = requestRoute(trace);
      const onPath = hops.reduce((sum, h) => sum + h.criticalPathMs, 0);
      expect(onPath).toBeCloseTo(
        criticalPath(trace).reduce((sum, s) => sum + s.durationMs, 0),
        6
      );
      for (const hop of hops) {
        expect(derived.has(`${hop.source}->${hop.target}`)).toBe(true);
      }
    }
    expect(requestRoute([])).toEqual([]);
  });
});
