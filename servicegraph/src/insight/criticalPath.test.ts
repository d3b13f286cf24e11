/**
 * @jest-environment node
 */
import { makeSpan } from '../../testdata/makeSpan';
import type { Span } from '../types';
import { criticalPath } from './criticalPath';

const T0 = 1_700_000_000_000;

/** A span at [startMs, endMs) relative to T0. */
function span(spanId: string, parentSpanId: string, start: number, end: number, extra: Partial<Span> = {}): Span {
  return makeSpan({ spanId, parentSpanId, service: extra.service ?? `svc-${spanId}`, startMs: T0 + start, durationMs: end - start, ...extra });
}

/** Segments as "spanId:start-end" relative to T0. */
function describe_(spans: Span[]): string[] {
  return criticalPath(spans).map((s) => `${s.spanId}:${s.startMs - T0}-${s.endMs - T0}`);
}

describe('criticalPath', () => {
  it('gives the gaps between sequential children to the parent', () => {
    const spans = [span('r', '', 0, 100), span('a', 'r', 10, 40), span('b', 'r', 50, 90)];
    expect(describe_(spans)).toEqual(['r:0-10', 'a:10-40', 'r:40-50', 'b:50-90', 'r:90-100']);
  });

  it('follows the last-finishing of parallel children and skips the one hidden under it', () => {
    const spans = [span('r', '', 0, 100), span('a', 'r', 10, 80), span('b', 'r', 20, 60), span('c', 'r', 2, 8)];
    expect(describe_(spans)).toEqual(['r:0-2', 'c:2-8', 'r:8-10', 'a:10-80', 'r:80-100']);
  });

  it('takes a child that ends after its sibling started only up to that sibling', () => {
    // b overlaps a: the walk returns from a at 50, where b (ending at 60) no longer qualifies.
    const spans = [span('r', '', 0, 100), span('a', 'r', 50, 95), span('b', 'r', 20, 60), span('c', 'r', 5, 30)];
    expect(describe_(spans)).toEqual(['r:0-5', 'c:5-30', 'r:30-50', 'a:50-95', 'r:95-100']);
  });

  it('descends through nested calls and reports services and durations', () => {
    const spans = [
      span('r', '', 0, 100, { service: 'gateway', kind: 'server' }),
      span('c', 'r', 10, 90, { service: 'gateway', kind: 'client' }),
      span('s', 'c', 15, 85, { service: 'payments', kind: 'server' }),
      span('d', 's', 20, 80, { service: 'payments', kind: 'client', attributes: { 'db.system': 'postgresql', 'db.name': 'payments-db' } }),
    ];
    const path = criticalPath(spans);
    expect(path.map((s) => [s.service, s.durationMs])).toEqual([
      ['gateway', 10],
      ['gateway', 5],
      ['payments', 5],
      ['payments', 60],
      ['payments', 5],
      ['gateway', 5],
      ['gateway', 10],
    ]);
  });

  it('centres a skewed server span inside its client, with its subtree', () => {
    const spans = [
      span('r', '', 0, 100, { service: 'gateway', kind: 'client' }),
      span('s', 'r', 150, 200, { service: 'payments', kind: 'server' }),
      span('i', 's', 160, 190, { service: 'payments', kind: 'internal' }),
    ];
    expect(describe_(spans)).toEqual(['r:0-25', 's:25-35', 'i:35-65', 's:65-75', 'r:75-100']);
  });

  it('clamps same-clock children that stick out and drops those wholly outside', () => {
    const spans = [
      span('r', '', 0, 100, { service: 'a', kind: 'server' }),
      span('late', 'r', 90, 130, { service: 'a', kind: 'internal' }),
      span('after', 'r', 120, 140, { service: 'a', kind: 'internal' }),
      span('early', 'r', -20, 10, { service: 'a', kind: 'internal' }),
    ];
    expect(describe_(spans)).toEqual(['early:0-10', 'r:10-90', 'late:90-100']);
  });

  it('leaves FOLLOWS_FROM children off the path', () => {
    const spans = [span('r', '', 0, 100), span('f', 'r', 10, 95, { followsFrom: true })];
    expect(describe_(spans)).toEqual(['r:0-100']);
  });

  it('picks the longest root when parents are missing', () => {
    const spans = [span('x', 'missing', 0, 50), span('y', '', 10, 200), span('z', 'y', 20, 40), span('w', 'x', 5, 45)];
    expect(describe_(spans)).toEqual(['y:10-20', 'z:20-40', 'y:40-200']);
  });

  it('keeps one copy of a duplicated span id whatever the order', () => {
    const spans = [span('r', '', 0, 100), span('a', 'r', 10, 40), span('a', 'r', 20, 60)];
    expect(describe_(spans)).toEqual(['r:0-10', 'a:10-40', 'r:40-100']);
    expect(describe_([...spans].reverse())).toEqual(describe_(spans));
  });

  it('survives a parent cycle and a self-parented span', () => {
    expect(criticalPath([span('a', 'b', 0, 10), span('b', 'a', 0, 10)])).toEqual([]);
    expect(describe_([span('s', 's', 0, 10)])).toEqual(['s:0-10']);
    expect(criticalPath([])).toEqual([]);
  });

  it('walks a 100 000-deep chain without recursion', () => {
    const spans = Array.from({ length: 100_000 }, (_, i) => span(`s${i}`, i === 0 ? '' : `s${i - 1}`, i * 0.001, 1000 - i * 0.001));
    const path = criticalPath(spans);
    expect(path.reduce((sum, s) => sum + s.durationMs, 0)).toBeCloseTo(1000, 3);
  });
});
