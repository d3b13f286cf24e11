/**
 * Seeded synthetic traces for benchmarks and property tests: a web-shop-like call tree over `services`
 * services with CLIENT→SERVER hops, database CLIENT spans, a Kafka PRODUCER→CONSUMER hop, INTERNAL spans
 * and ~2% errors. Same seed, same spans.
 */
import type { Span, SpanKind } from '../src/types';

export interface SyntheticOptions {
  seed: number;
  traces: number;
  spansPerTrace: number;
  services: number;
  /** Epoch ms of the first trace. */
  startMs?: number;
}

/** Park–Miller LCG (as d3's lcg.js): small, fast and reproducible. */
function createRandom(seed: number): () => number {
  let state = (Math.abs(Math.floor(seed)) % 2147483646) + 1;
  return () => {
    state = (state * 48271) % 2147483647;
    return (state - 1) / 2147483646;
  };
}

function hex(random: () => number, length: number): string {
  let out = '';
  while (out.length < length) {
    out += Math.floor(random() * 0x100000000)
      .toString(16)
      .padStart(8, '0');
  }
  return out.slice(0, length);
}

export function generateSyntheticSpans(options: SyntheticOptions): Span[] {
  const random = createRandom(options.seed);
  const services = Array.from({ length: options.services }, (_, i) => `svc-${String(i).padStart(2, '0')}`);
  const spans: Span[] = [];
  let clock = options.startMs ?? 1_700_000_000_000;
  for (let t = 0; t < options.traces; t++) {
    const traceId = hex(random, 32);
    clock += Math.floor(random() * 50);
    const pick = () => services[Math.floor(random() * services.length)];
    const make = (
      service: string,
      kind: SpanKind,
      parent: Span | undefined,
      extra: Record<string, string | number> = {}
    ): Span => {
      const startMs = (parent?.startMs ?? clock) + Math.floor(random() * 5);
      const span: Span = {
        traceId,
        spanId: hex(random, 16),
        parentSpanId: parent?.spanId ?? '',
        followsFrom: false,
        service,
        name: `${kind} ${service}`,
        kind,
        startMs,
        durationMs: 1 + Math.floor(random() * 200),
        error: random() < 0.02,
        attributes: { 'http.method': 'GET', 'http.route': '/api/items', ...extra },
        resource: { 'service.namespace': 'shop' },
      };
      spans.push(span);
      return span;
    };
    // Entry: root SERVER span of a gateway.
    const servers: Span[] = [make(pick(), 'server', undefined)];
    let count = 1;
    while (count < options.spansPerTrace) {
      const caller = servers[Math.floor(random() * servers.length)];
      const roll = random();
      if (roll < 0.15 || options.spansPerTrace - count < 2) {
        make(caller.service, 'client', caller, { 'db.system': 'postgresql', 'db.name': `db-${caller.service}` });
        count += 1;
      } else if (roll < 0.25) {
        make(caller.service, 'internal', caller);
        count += 1;
      } else if (roll < 0.32) {
        const producer = make(caller.service, 'producer', caller, { 'messaging.system': 'kafka' });
        servers.push(make(pick(), 'consumer', producer, { 'messaging.system': 'kafka' }));
        count += 2;
      } else {
        const client = make(caller.service, 'client', caller);
        servers.push(make(pick(), 'server', client));
        count += 2;
      }
    }
  }
  return spans;
}
