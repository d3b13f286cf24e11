/**
 * @jest-environment node
 */
import { createShop } from './shop';
import { GATEWAY_SERVICE } from './emitRequest';
import { DATASTORES, EXTERNALS, SERVICES, listShopNodes } from './topology';
import { deriveTestEdges, percentile } from './testSupport';

const NOON = Date.UTC(2026, 0, 15, 12);

// Generous: these generate tens of thousands of spans on a shared, busy machine.
jest.setTimeout(60_000);

describe('createShop', () => {
  it('is deterministic for a seed and window, and differs between seeds', () => {
    const a = createShop({ seed: 7 }).spansBetween(NOON, NOON + 5000);
    const b = createShop({ seed: 7 }).spansBetween(NOON, NOON + 5000);
    const c = createShop({ seed: 8 }).spansBetween(NOON, NOON + 5000);
    expect(a.length).toBeGreaterThan(1000);
    expect(b).toEqual(a);
    expect(c[0].traceId).not.toBe(a[0].traceId);
  });

  it('gives the same spans however the window is sliced', () => {
    const shop = createShop({ seed: 3 });
    const whole = shop.spansBetween(NOON, NOON + 8000);
    const halves = [...shop.spansBetween(NOON, NOON + 4000), ...shop.spansBetween(NOON + 4000, NOON + 8000)];
    const cuts = [0, 1, 333.3, 999.9, 1000, 4321.5, 6000.25, 7999, 8000].map((offset) => NOON + offset);
    const odd = cuts.slice(1).flatMap((to, i) => shop.spansBetween(cuts[i], to));
    expect(halves).toEqual(whole);
    expect(odd).toEqual(whole);
    expect(shop.spansBetween(NOON + 500, NOON + 500)).toEqual([]);
  });

  it('emits well-formed spans: hex ids, parents in the trace, children within parents', () => {
    const requests = createShop({ seed: 11 }).requestsBetween(NOON, NOON + 4000);
    expect(requests.length).toBeGreaterThan(100);
    // Problems are collected rather than asserted one by one: one readable list, and fast.
    const problems: string[] = [];
    for (const { spans, traceId } of requests) {
      const byId = new Map(spans.map((span) => [span.spanId, span]));
      const roots = spans.filter((span) => span.parentSpanId === '');
      if (byId.size !== spans.length || roots.length !== 1 || roots[0].kind !== 'server') {
        problems.push(`${traceId}: duplicate span ids or not exactly one SERVER root`);
      }
      for (const span of spans) {
        const where = `${traceId}/${span.spanId} (${span.service} ${span.name})`;
        if (span.traceId !== traceId || !/^[0-9a-f]{32}$/.test(span.traceId) || !/^[0-9a-f]{16}$/.test(span.spanId)) {
          problems.push(`${where}: bad ids`);
        }
        if (!(span.durationMs > 0)) {
          problems.push(`${where}: duration ${span.durationMs}`);
        }
        const parent = span.parentSpanId === '' ? undefined : byId.get(span.parentSpanId);
        if (span.parentSpanId !== '' && !parent) {
          problems.push(`${where}: parent missing`);
        }
        // Consumers run after the producer has finished; a server outlives a client that gave up.
        if (!parent || span.kind === 'consumer' || parent.attributes['error.type'] === 'timeout') {
          continue;
        }
        if (
          span.startMs < parent.startMs ||
          span.startMs + span.durationMs > parent.startMs + parent.durationMs + 1e-6
        ) {
          problems.push(`${where}: outside its parent ${parent.name}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('puts a unique request id on every gateway server span', () => {
    const spans = createShop({ seed: 5 }).spansBetween(NOON, NOON + 5000);
    const gateway = spans.filter((span) => span.service === GATEWAY_SERVICE && span.kind === 'server');
    expect(gateway.length).toBeGreaterThan(100);
    const ids = gateway.map((span) => span.attributes['http.request_id']);
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('follows OpenTelemetry conventions per kind of call', () => {
    const spans = createShop({ seed: 9 }).spansBetween(NOON, NOON + 5000);
    const dbSpans = spans.filter((span) => span.attributes['db.system'] !== undefined);
    expect(dbSpans.length).toBeGreaterThan(100);
    for (const span of dbSpans) {
      expect(span.kind).toBe('client');
      expect(span.attributes).toEqual(
        expect.objectContaining({
          'db.namespace': expect.any(String),
          'db.query.text': expect.any(String),
          'server.address': expect.any(String),
        })
      );
    }
    const httpServers = spans.filter((span) => span.kind === 'server' && span.attributes['http.route'] !== undefined);
    expect(httpServers.length).toBeGreaterThan(100);
    for (const span of httpServers) {
      expect(span.attributes['http.request.method']).toMatch(/^(GET|POST|PUT|DELETE)$/);
      expect(span.error).toBe((span.attributes['http.response.status_code'] as number) >= 500);
      expect(span.resource?.['service.namespace']).toEqual(expect.any(String));
    }
    const producers = spans.filter((span) => span.kind === 'producer');
    expect(producers.length).toBeGreaterThan(0);
    for (const span of producers) {
      expect(span.attributes['messaging.system']).toBe('kafka');
      expect(span.attributes['messaging.destination.name']).toEqual(expect.any(String));
    }
  });

  it('forms the shop graph: user entry, service pairs, databases, Kafka and the payment provider', () => {
    const shop = createShop({ seed: 2, ratePerSecond: 80, diurnal: false });
    const edges = deriveTestEdges(shop.spansBetween(NOON, NOON + 30_000));
    const has = (client: string, server: string, type: string) =>
      edges.some((e) => e.client === client && e.server === server && e.connectionType === type);
    expect(has('user', 'web-frontend', 'virtual_node')).toBe(true);
    expect(has('user', 'mobile-bff', 'virtual_node')).toBe(true);
    expect(has('web-frontend', 'api-gateway', '')).toBe(true);
    expect(has('orders', 'payments', '')).toBe(true);
    expect(has('payments', 'payments-db', 'database')).toBe(true);
    expect(has('orders', 'orders-db', 'database')).toBe(true);
    expect(has('inventory', 'inventory-db', 'database')).toBe(true);
    expect(has('cart', 'redis-cache', 'database')).toBe(true);
    expect(has('orders', 'shipping', 'messaging_system')).toBe(true);
    expect(has('orders', 'notifications', 'messaging_system')).toBe(true);
    expect(has('payments', 'stripe', 'virtual_node')).toBe(true);
    const nodes = new Set(edges.flatMap((e) => [e.client, e.server]));
    const expected = listShopNodes().map((node) => node.id);
    expect([...nodes].sort()).toEqual([...expected].sort());
    expect(expected.length).toBe(1 + SERVICES.length + DATASTORES.length + EXTERNALS.length);
    expect(SERVICES.length + DATASTORES.length + EXTERNALS.length).toBeGreaterThanOrEqual(50);
  });

  it('has a small baseline error rate', () => {
    const spans = createShop({ seed: 4 }).spansBetween(NOON, NOON + 30_000);
    const roots = spans.filter((span) => span.parentSpanId === '');
    const failed = roots.filter((span) => span.error).length / roots.length;
    expect(failed).toBeGreaterThan(0);
    expect(failed).toBeLessThan(0.03);
  });

  it('varies traffic over the day around the configured mean rate', () => {
    const shop = createShop({ seed: 1, ratePerSecond: 40 });
    const count = (hour: number) =>
      shop.requestsBetween(Date.UTC(2026, 0, 15, hour), Date.UTC(2026, 0, 15, hour) + 60_000).length;
    const night = count(5);
    const evening = count(18);
    expect(evening).toBeGreaterThan(night * 2.5);
    // Busy hours are slower too.
    const rootMedian = (hour: number) =>
      percentile(
        shop
          .spansBetween(Date.UTC(2026, 0, 15, hour), Date.UTC(2026, 0, 15, hour) + 30_000)
          .filter((s) => s.parentSpanId === '')
          .map((s) => s.durationMs),
        50
      );
    expect(rootMedian(18)).toBeGreaterThan(rootMedian(5) * 1.08);
    const flat = createShop({ seed: 1, ratePerSecond: 40, diurnal: false }).requestsBetween(NOON, NOON + 60_000).length;
    expect(flat).toBeGreaterThan(40 * 60 * 0.9);
    expect(flat).toBeLessThan(40 * 60 * 1.1);
    expect(createShop({ ratePerSecond: 0 }).spansBetween(NOON, NOON + 10_000)).toEqual([]);
  });

  it('rejects bad options and windows with specific messages', () => {
    expect(() => createShop({ seed: 1.5 })).toThrow('seed must be an integer');
    expect(() => createShop({ ratePerSecond: -1 })).toThrow('ratePerSecond must be a finite number >= 0');
    expect(() => createShop({ incidents: ['fire'] })).toThrow(
      'unknown incident "fire"; known incidents: payments-db-locking'
    );
    const shop = createShop();
    expect(() => shop.spansBetween(NOON, NOON - 1)).toThrow('need finite fromMs <= toMs');
    expect(() => shop.spansBetween(NaN, NOON)).toThrow('need finite fromMs <= toMs');
    expect(() => shop.spansBetween(0, NOON)).toThrow('too large for one call; slice it');
    expect(() => shop.setIncident('inventory-errors', true, Infinity)).toThrow('finite number of ms');
  });
});
