/**
 * @jest-environment node
 *
 * The shop seen through servicegraph itself: derivation, aggregation and node kinds, as the
 * datasource and the collector will see it.
 */
import { addObservation, createEdgeWindow, spansToObservations, windowToGraph } from '../../servicegraph/src';
import type { Graph } from '../../servicegraph/src/types';
import { createShop } from './shop';
import { listShopNodes } from './topology';

const NOON = Date.UTC(2026, 0, 15, 12);
const RANGE = { startMs: NOON, endMs: NOON + 30_000 };

jest.setTimeout(60_000);

function graphOf(incidents: string[]): Graph {
  const shop = createShop({ seed: 13, ratePerSecond: 80, diurnal: false, incidents });
  const window = createEdgeWindow();
  for (const observation of spansToObservations(shop.spansBetween(RANGE.startMs, RANGE.endMs))) {
    addObservation(window, observation);
  }
  return windowToGraph(window, RANGE);
}

describe('the shop under servicegraph semantics', () => {
  const normal = graphOf([]);
  const edge = (graph: Graph, id: string) => graph.edges.find((e) => e.id === id);

  it('yields every shop node with the kind the topology declares', () => {
    const declared = listShopNodes().map((node) => [node.id, node.kind]);
    const derived = normal.nodes.map((node) => [node.id, node.kind]);
    expect(derived.sort()).toEqual(declared.sort());
  });

  it('connects the shop with the expected connection types', () => {
    expect(edge(normal, 'user->web-frontend#virtual_node')).toBeDefined();
    expect(edge(normal, 'web-frontend->api-gateway')).toBeDefined();
    expect(edge(normal, 'payments->payments-db#database')).toBeDefined();
    expect(edge(normal, 'cart->redis-cache#database')).toBeDefined();
    expect(edge(normal, 'search->search-index#database')).toBeDefined();
    expect(edge(normal, 'orders->shipping#messaging_system')).toBeDefined();
    expect(edge(normal, 'analytics->recommendations#messaging_system')).toBeDefined();
    expect(edge(normal, 'payments->stripe#virtual_node')).toBeDefined();
    expect(normal.edges.length).toBeGreaterThan(80);
  });

  it('shows the payments-db locking incident as a 20x p95 and errors on the path to the gateway', () => {
    const locked = graphOf(['payments-db-locking']);
    const before = edge(normal, 'payments->payments-db#database')!;
    const after = edge(locked, 'payments->payments-db#database')!;
    expect(after.p95Ms / before.p95Ms).toBeGreaterThan(15);
    expect(after.p95Ms / before.p95Ms).toBeLessThan(25);
    for (const id of ['orders->payments', 'checkout->orders', 'api-gateway->checkout']) {
      expect(edge(locked, id)!.errorRate).toBeGreaterThan(edge(normal, id)!.errorRate + 0.05);
    }
  });
});
