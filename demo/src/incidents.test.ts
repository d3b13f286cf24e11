/**
 * @jest-environment node
 */
import { createShop } from './shop';
import { INCIDENTS } from './incidents';
import { deriveTestEdges, percentile, type TestEdge } from './testSupport';

const NOON = Date.UTC(2026, 0, 15, 12);
const WINDOW_MS = 45_000;

// Generous: these generate tens of thousands of spans on a shared, busy machine.
jest.setTimeout(60_000);

function edgesWith(incidents: string[], from = NOON, to = NOON + WINDOW_MS): TestEdge[] {
  return deriveTestEdges(createShop({ seed: 21, ratePerSecond: 50, diurnal: false, incidents }).spansBetween(from, to));
}

function between(edges: TestEdge[], client: string, server: string): TestEdge[] {
  return edges.filter((e) => e.client === client && e.server === server);
}

function errorRate(edges: TestEdge[]): number {
  return edges.filter((e) => e.failed).length / edges.length;
}

describe('incidents', () => {
  const normal = edgesWith([]);

  it('lists each incident with a label and its state, and switches live', () => {
    const shop = createShop();
    expect(shop.incidents().map((i) => [i.name, i.active])).toEqual([
      ['payments-db-locking', false],
      ['inventory-errors', false],
      ['kafka-consumer-lag', false],
    ]);
    expect(INCIDENTS.every((i) => i.label.length > 0 && i.description.length > 0)).toBe(true);
    shop.setIncident('inventory-errors', true);
    expect(shop.activeIncidents()).toEqual(['inventory-errors']);
    expect(shop.incidents().find((i) => i.name === 'inventory-errors')?.active).toBe(true);
    shop.setIncident('inventory-errors', false);
    expect(shop.activeIncidents()).toEqual([]);
  });

  it('payments-db-locking makes payments -> payments-db 20x slower and fails checkouts upstream', () => {
    const locked = edgesWith(['payments-db-locking']);
    const before = between(normal, 'payments', 'payments-db');
    const after = between(locked, 'payments', 'payments-db');
    expect(before.length).toBeGreaterThan(200);
    const ratio =
      percentile(
        after.map((e) => e.latencyMs),
        95
      ) /
      percentile(
        before.map((e) => e.latencyMs),
        95
      );
    expect(ratio).toBeGreaterThan(15);
    expect(ratio).toBeLessThan(25);
    expect(errorRate(after)).toBeGreaterThan(errorRate(before) + 0.02);
    for (const [client, server] of [
      ['orders', 'payments'],
      ['checkout', 'orders'],
      ['web-frontend', 'api-gateway'],
    ]) {
      expect(errorRate(between(locked, client, server))).toBeGreaterThan(errorRate(between(normal, client, server)));
    }
    // Some of the upstream failures are timeouts (orders gives up on payments after 1 s).
    const ordersToPayments = between(locked, 'orders', 'payments');
    expect(ordersToPayments.some((e) => e.failed && e.latencyMs > 1000)).toBe(true);
    // Unrelated edges are untouched.
    expect(
      percentile(
        between(locked, 'orders', 'orders-db').map((e) => e.latencyMs),
        95
      )
    ).toBeCloseTo(
      percentile(
        between(normal, 'orders', 'orders-db').map((e) => e.latencyMs),
        95
      ),
      0
    );
  });

  it('inventory-errors makes inventory answer 5xx for a large share', () => {
    const failing = edgesWith(['inventory-errors']);
    const toInventory = between(failing, 'cart', 'inventory');
    expect(errorRate(between(normal, 'cart', 'inventory'))).toBeLessThan(0.02);
    expect(errorRate(toInventory)).toBeGreaterThan(0.3);
    expect(errorRate(toInventory)).toBeLessThan(0.5);
    expect(errorRate(between(failing, 'api-gateway', 'cart'))).toBeGreaterThan(0.1);
    const spans = createShop({ seed: 21, incidents: ['inventory-errors'] }).spansBetween(NOON, NOON + 10_000);
    const statuses = new Set(
      spans.filter((s) => s.service === 'inventory' && s.error).map((s) => s.attributes['http.response.status_code'])
    );
    expect(statuses).toEqual(new Set([503]));
  });

  it('kafka-consumer-lag makes consumers start much later than producers', () => {
    const lagOf = (edges: TestEdge[]) =>
      percentile(
        edges.filter((e) => e.connectionType === 'messaging_system').map((e) => e.serverStartMs - e.clientEndMs),
        50
      );
    expect(lagOf(normal)).toBeLessThan(100);
    expect(lagOf(edgesWith(['kafka-consumer-lag']))).toBeGreaterThan(30_000);
  });

  it('applies a switch with a time only to requests from that moment on', () => {
    const shop = createShop({ seed: 21, ratePerSecond: 60, diurnal: false });
    shop.setIncident('inventory-errors', true, NOON + 20_000);
    const edges = deriveTestEdges(shop.spansBetween(NOON, NOON + WINDOW_MS));
    const early = between(edges, 'cart', 'inventory').filter((e) => e.serverStartMs < NOON + 20_000);
    const late = between(edges, 'cart', 'inventory').filter((e) => e.serverStartMs >= NOON + 20_001);
    expect(errorRate(early)).toBeLessThan(0.05);
    expect(errorRate(late)).toBeGreaterThan(0.3);
    expect(shop.activeIncidents(NOON)).toEqual([]);
    expect(shop.activeIncidents(NOON + 20_000)).toEqual(['inventory-errors']);
    shop.setIncident('inventory-errors', false, NOON + 40_000);
    expect(shop.activeIncidents(NOON + 35_000)).toEqual(['inventory-errors']);
    expect(shop.activeIncidents()).toEqual([]);
  });
});
