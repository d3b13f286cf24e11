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

  it('connects the shop with the expected connection types, each edge carrying requests', () => {
    const expected: Array<[string, string]> = [
      ['user->web-frontend#virtual_node', 'virtual_node'],
      ['web-frontend->api-gateway', ''],
      ['payments->payments-db#database', 'database'],
      ['cart->redis-cache#database', 'database'],
      ['search->search-index#database', 'database'],
      ['orders->shipping#messaging_system', 'messaging_system'],
      ['analytics->recommendations#messaging_system', 'messaging_system'],
      ['payments->stripe#virtual_node', 'virtual_node'],
    ];
    for (const [id, connectionType] of expected) {
      expect([id, edge(normal, id)?.connectionType]).toEqual([id, connectionType]);
      expect([id, edge(normal, id)?.requests]).toEqual([id, expect.any(Number)]);
      expect(edge(normal, id)!.requests).toBeGreaterThan(0);
    }
    // The gateway's entry edge carries most of the 80 requests/s over 30 s.
    expect(edge(normal, 'web-frontend->api-gateway')!.requests).toBeGreaterThan(1000);
    expect(normal.edges.length).toBeGreaterThan(80);
    expect(normal.edges.every((e) => e.requests > 0)).toBe(true);
    expect(new Set(normal.edges.map((e) => e.connectionType))).toEqual(
      new Set(['', 'database', 'messaging_system', 'virtual_node'])
    );
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
