/**
 * @jest-environment node
 */
import fc from 'fast-check';
import { spanSetArbitrary } from '../../testdata/traceArbitrary';
import { makeSpan } from '../../testdata/makeSpan';
import type { Span } from '../types';
import { criticalPath } from './criticalPath';

/** Random traces with duplicates: a copy of some spans with other timings (duplicate deliveries). */
const messyTraceArbitrary = fc
  .tuple(spanSetArbitrary, fc.array(fc.tuple(fc.nat(), fc.integer({ min: -500, max: 500 }))))
  .map(([spans, duplicates]) => {
    const traceId = spans[0].traceId;
    const trace = spans.filter((s) => s.traceId === traceId);
    const copies = duplicates.map(([index, shift]) => {
      const original = trace[index % trace.length];
      return { ...original, startMs: original.startMs + shift };
    });
    return [...trace, ...copies];
  });

const EPSILON = 1e-6;

function total(spans: Span[]): number {
  return criticalPath(spans).reduce((sum, s) => sum + s.durationMs, 0);
}

describe('criticalPath properties', () => {
  it('is never longer than the trace (longest root) and its segments do not overlap', () => {
    fc.assert(
      fc.property(messyTraceArbitrary, (spans) => {
        const path = criticalPath(spans);
        const longestRoot = Math.max(...spans.map((s) => s.durationMs));
        expect(total(spans)).toBeLessThanOrEqual(longestRoot + EPSILON);
        for (let i = 1; i < path.length; i++) {
          expect(path[i].startMs).toBeGreaterThanOrEqual(path[i - 1].endMs - EPSILON);
        }
        for (const segment of path) {
          expect(segment.durationMs).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 }
    );
  });

  it('does not depend on span order', () => {
    fc.assert(
      fc.property(messyTraceArbitrary, fc.integer(), (spans, seed) => {
        const shuffled = [...spans].sort((a, b) => hash(a.spanId + a.startMs, seed) - hash(b.spanId + b.startMs, seed));
        expect(criticalPath(shuffled)).toEqual(criticalPath(spans));
      }),
      { numRuns: 100 }
    );
  });

  it('equals the whole trace for a chain of nested calls', () => {
    const chainArbitrary = fc.array(fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 })), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(chainArbitrary, (insets) => {
        let start = 1_700_000_000_000;
        let end = start + 1_000_000;
        const spans = insets.map(([before, after], i) => {
          // Each span sits inside its parent (insets of at most a third of the parent on each side).
          const length = end - start;
          start += Math.floor((before / 1000) * (length / 3));
          end -= Math.floor((after / 1000) * (length / 3));
          return makeSpan({
            spanId: `s${i}`,
            parentSpanId: i === 0 ? '' : `s${i - 1}`,
            service: `svc-${i % 3}`,
            kind: i % 2 === 0 ? 'server' : 'client',
            startMs: start,
            durationMs: end - start,
          });
        });
        expect(total(spans)).toBeCloseTo(spans[0].durationMs, 6);
        expect(criticalPath(spans).some((s) => s.spanId === spans[spans.length - 1].spanId || spans[spans.length - 1].durationMs === 0)).toBe(true);
      }),
      { numRuns: 300 }
    );
  });
});

function hash(text: string, seed: number): number {
  let h = seed | 0;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  }
  return h;
}
