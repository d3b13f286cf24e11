/**
 * fast-check arbitrary of span sets for property tests: a few traces, each a random tree over a handful of
 * services with every span kind, errors, database and peer attributes. Times are whole microseconds (what
 * Jaeger JSON keeps), ids are unique per trace.
 */
import fc from 'fast-check';
import type { AttributeValue, Span, SpanKind } from '../src/types';

const KINDS: SpanKind[] = ['unspecified', 'internal', 'server', 'client', 'producer', 'consumer'];
const SERVICES = ['gateway', 'orders', 'payments', 'kafka-consumer', 'db-proxy'];
const ATTRIBUTE_SETS: Array<Record<string, AttributeValue>> = [
  {},
  { 'peer.service': 'stripe' },
  { 'db.system': 'postgresql', 'db.name': 'orders' },
  { 'db.system': 'redis', 'server.address': 'cache-1' },
  { 'http.status_code': 503 },
  { 'http.method': 'GET', retries: 2, ratio: 0.5, cached: true },
];

const spanPlan = fc.record({
  parent: fc.nat(),
  isRoot: fc.boolean(),
  service: fc.constantFrom(...SERVICES),
  kind: fc.constantFrom(...KINDS),
  error: fc.boolean(),
  startUs: fc.integer({ min: 0, max: 10_000_000 }),
  durationUs: fc.integer({ min: 0, max: 5_000_000 }),
  attributes: fc.constantFrom(...ATTRIBUTE_SETS),
});

export const spanSetArbitrary: fc.Arbitrary<Span[]> = fc
  .array(fc.array(spanPlan, { minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 3 })
  .map((traces) =>
    traces.flatMap((plans, t) => {
      const traceId = (t + 1).toString(16).padStart(32, 'a');
      return plans.map((plan, i): Span => {
        // Span i may only point at an earlier span (or at a missing one when i === 0 and not root).
        const parentIndex = i === 0 ? -1 : plan.parent % i;
        return {
          traceId,
          spanId: (i + 1).toString(16).padStart(16, '0'),
          parentSpanId: plan.isRoot
            ? ''
            : parentIndex >= 0
              ? (parentIndex + 1).toString(16).padStart(16, '0')
              : 'ffffffffffffffff',
          followsFrom: false,
          service: plan.service,
          name: `op-${i}`,
          kind: plan.kind,
          startMs: 1_700_000_000_000 + plan.startUs / 1000,
          durationMs: plan.durationUs / 1000,
          error: plan.error || plan.attributes['http.status_code'] === 503,
          attributes: plan.attributes,
          resource: { 'service.namespace': 'shop' },
        };
      });
    })
  );
