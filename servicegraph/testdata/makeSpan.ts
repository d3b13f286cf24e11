/** Test helper: a Span with defaults, so each rule test states only what it is about. */
import type { Span } from '../src/types';

export const TRACE_A = 'a0000000000000000000000000000000';

export function makeSpan(overrides: Partial<Span> & Pick<Span, 'spanId' | 'service'>): Span {
  return {
    traceId: TRACE_A,
    parentSpanId: '',
    followsFrom: false,
    name: 'op',
    kind: 'unspecified',
    startMs: 1_700_000_000_000,
    durationMs: 10,
    error: false,
    attributes: {},
    ...overrides,
  };
}
