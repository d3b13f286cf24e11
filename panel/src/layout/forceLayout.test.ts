import { createShopGraph } from '../testdata/shopGraph';
import { forceLayout } from './forceLayout';
import { defaultLayoutConfig } from './layoutConfig';
import { LayoutInputEdge, LayoutRequest, PositionMap } from './layoutTypes';

function shopRequest(): LayoutRequest {
  const graph = createShopGraph();
  return {
    nodes: graph.nodes.map((n) => ({ id: n.id })),
    edges: graph.edges.map((e) => ({ source: e.source, target: e.target })),
    mode: 'force',
  };
}

function distance(a: { x: number; y: number }, b: { x: number; y: number }): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

describe('forceLayout', () => {
  it('gives the same positions for the same graph', () => {
    const first = forceLayout(shopRequest());
    const second = forceLayout(shopRequest());
    expect(second.positions).toEqual(first.positions);
    expect(first.kind).toBe('cold');
    expect(Object.keys(first.positions)).toHaveLength(9);
  });

  it('gives the same map for the same services and calls listed in another order', () => {
    const request = shopRequest();
    const shuffled = { ...request, nodes: [...request.nodes].reverse(), edges: [...request.edges].reverse() };
    expect(forceLayout(shuffled).positions).toEqual(forceLayout(request).positions);
  });

  it('does not mutate its input', () => {
    const request = shopRequest();
    const copy = JSON.parse(JSON.stringify(request));
    forceLayout(request);
    expect(request).toEqual(copy);
  });

  it('spreads nodes apart (no two centres closer than their collision radius)', () => {
    const { positions } = forceLayout(shopRequest());
    const points = Object.values(positions);
    for (let i = 0; i < points.length; i++) {
      for (let j = i + 1; j < points.length; j++) {
        expect(distance(points[i], points[j])).toBeGreaterThan(defaultLayoutConfig.defaultRadius);
      }
    }
  });

  it('keeps every position when the topology is unchanged (a refresh with new numbers)', () => {
    const request = shopRequest();
    const first = forceLayout(request);
    const again = forceLayout({ ...request, previous: { positions: first.positions, edges: request.edges } });
    expect(again.kind).toBe('unchanged');
    expect(again.positions).toEqual(first.positions);
  });

  it('warm start moves only the nodes that gained an edge', () => {
    const request = shopRequest();
    const first = forceLayout(request);
    const edges: LayoutInputEdge[] = [...request.edges, { source: 'cart', target: 'orders-db' }];
    const warm = forceLayout({ ...request, edges, previous: { positions: first.positions, edges: request.edges } });
    expect(warm.kind).toBe('warm');
    expect(warm.movedNodes).toBe(2);
    for (const id of ['user', 'frontend', 'payments', 'kafka', 'shipping', 'stripe', 'checkout']) {
      expect(warm.positions[id]).toEqual(first.positions[id]);
    }
    expect(distance(warm.positions.cart, first.positions.cart)).toBeGreaterThan(0);
  });

  it('nudges a node pulled by a new edge at most maxNudge, however far the new neighbour is', () => {
    const request = shopRequest();
    const first = forceLayout(request);
    const far: PositionMap = {
      ...first.positions,
      stripe: { x: first.positions.stripe.x + 2000, y: first.positions.stripe.y },
    };
    const edges: LayoutInputEdge[] = [...request.edges, { source: 'frontend', target: 'stripe' }];
    const warm = forceLayout({ ...request, edges, previous: { positions: far, edges: request.edges } });
    expect(warm.kind).toBe('warm');
    expect(distance(warm.positions.frontend, far.frontend)).toBeGreaterThan(1);
    expect(distance(warm.positions.frontend, far.frontend)).toBeLessThanOrEqual(defaultLayoutConfig.maxNudge + 1e-9);
    expect(distance(warm.positions.stripe, far.stripe)).toBeLessThanOrEqual(defaultLayoutConfig.maxNudge + 1e-9);
  });

  it('treats an edge seen in the other direction as known (one spring per pair)', () => {
    const request = shopRequest();
    const first = forceLayout(request);
    const reversed = request.edges.map((e) => ({ source: e.target, target: e.source }));
    const again = forceLayout({
      ...request,
      edges: reversed,
      previous: { positions: first.positions, edges: request.edges },
    });
    expect(again.kind).toBe('unchanged');
  });

  it('places a new node near its neighbour', () => {
    const request = shopRequest();
    const first = forceLayout(request);
    const nodes = [...request.nodes, { id: 'fraud' }];
    const edges = [...request.edges, { source: 'payments', target: 'fraud' }];
    const warm = forceLayout({
      ...request,
      nodes,
      edges,
      previous: { positions: first.positions, edges: request.edges },
    });
    const fromNeighbour = distance(warm.positions.fraud, warm.positions.payments);
    const farthest = Math.max(...Object.values(first.positions).map((p) => distance(p, warm.positions.payments)));
    expect(fromNeighbour).toBeLessThan(defaultLayoutConfig.linkDistance * 2.5);
    expect(fromNeighbour).toBeLessThan(farthest);
  });

  it('respects pins on a cold and a warm layout', () => {
    const pins = { checkout: { x: 500, y: -300 } };
    const cold = forceLayout({ ...shopRequest(), pins });
    expect(cold.positions.checkout).toEqual({ x: 500, y: -300 });
    const request = shopRequest();
    const edges = [...request.edges, { source: 'checkout', target: 'cart' }];
    const warm = forceLayout({
      ...request,
      edges,
      pins,
      previous: { positions: cold.positions, edges: request.edges },
    });
    expect(warm.positions.checkout).toEqual({ x: 500, y: -300 });
  });

  it('moves a node to its new pin without relaxing the rest', () => {
    const request = shopRequest();
    const first = forceLayout(request);
    const pins = { cart: { x: 1000, y: 1000 } };
    const next = forceLayout({ ...request, pins, previous: { positions: first.positions, edges: request.edges } });
    expect(next.positions.cart).toEqual({ x: 1000, y: 1000 });
    expect(next.positions.frontend).toEqual(first.positions.frontend);
  });

  it('lays out columns by call depth in layered mode', () => {
    const { positions } = forceLayout({ ...shopRequest(), mode: 'layered' });
    expect(positions.user.x).toBeLessThan(positions.frontend.x);
    expect(positions.frontend.x).toBeLessThan(positions.checkout.x);
    expect(positions.checkout.x).toBeLessThan(positions.payments.x);
    expect(positions.kafka.x).toBeLessThan(positions.shipping.x);
    expect(positions.cart.x).toBe(positions.checkout.x);
  });

  it('keeps the columns in a warm layered re-layout: a new service joins its call-depth column', () => {
    const request: LayoutRequest = { ...shopRequest(), mode: 'layered' };
    const first = forceLayout(request);
    const nodes = [...request.nodes, { id: 'fraud' }];
    const edges = [...request.edges, { source: 'payments', target: 'fraud' }, { source: 'checkout', target: 'stripe' }];
    const warm = forceLayout({
      ...request,
      nodes,
      edges,
      previous: { positions: first.positions, edges: request.edges },
    });
    expect(warm.kind).toBe('warm');
    for (const id of Object.keys(first.positions)) {
      expect(warm.positions[id].x).toBe(first.positions[id].x);
    }
    expect(warm.positions.fraud.x).toBe(first.positions.payments.x + defaultLayoutConfig.layerGap);
  });

  it('handles an empty graph and edges to unknown nodes', () => {
    expect(forceLayout({ nodes: [], edges: [], mode: 'force' }).positions).toEqual({});
    const result = forceLayout({ nodes: [{ id: 'a' }], edges: [{ source: 'a', target: 'ghost' }], mode: 'force' });
    expect(Number.isFinite(result.positions.a.x)).toBe(true);
  });
});
