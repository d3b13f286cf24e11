import { createShopGraph } from '../testdata/shopGraph';
import { forceLayout } from './forceLayout';
import { isGrowthOf, rememberLayoutResult, toLayoutRequest } from './layoutMemory';
import { PreviousLayout } from './layoutTypes';

describe('toLayoutRequest', () => {
  it('sizes nodes by traffic and carries groups, pins and the previous layout', () => {
    const graph = createShopGraph();
    const previous: PreviousLayout = { positions: { user: { x: 1, y: 2 } }, edges: [] };
    const groups = new Map(graph.nodes.flatMap((n) => (n.group ? [[n.id, n.group] as [string, string]] : [])));
    const request = toLayoutRequest(graph, 'layered', { cart: { x: 5, y: 6 } }, previous, { field: 'group', groups });
    const radius = Object.fromEntries(request.nodes.map((n) => [n.id, n.radius ?? 0]));
    expect(radius.frontend).toBeGreaterThan(radius.stripe);
    expect(request.nodes.find((n) => n.id === 'frontend')?.group).toBe('web');
    expect(request).toMatchObject({ mode: 'layered', pins: { cart: { x: 5, y: 6 } }, previous });
    expect(request.edges).toHaveLength(graph.edges.length);
  });
});

describe('rememberLayoutResult', () => {
  const graph = createShopGraph();
  const full = toLayoutRequest(graph, 'force', {});
  const first = forceLayout(full);
  const memory = rememberLayoutResult(undefined, full, first);
  // stripe is only called by payments: a short window without card payments drops it and its edge.
  const withoutStripe = {
    nodes: graph.nodes.filter((n) => n.id !== 'stripe'),
    edges: graph.edges.filter((e) => e.target !== 'stripe'),
  };

  it('keeps the place of a node that left, and puts it back there when it returns', () => {
    const shrunkRequest = toLayoutRequest(withoutStripe, 'force', {}, memory);
    const shrunk = forceLayout(shrunkRequest);
    const afterShrink = rememberLayoutResult(memory, shrunkRequest, shrunk);
    expect(shrunk.positions.stripe).toBeUndefined();
    expect(afterShrink.positions.stripe).toEqual(first.positions.stripe);
    expect(afterShrink.edges.some((e) => e.target === 'stripe')).toBe(true);

    const back = forceLayout(toLayoutRequest(graph, 'force', {}, afterShrink));
    expect(back.kind).toBe('unchanged');
    expect(back.positions).toEqual(first.positions);
  });

  it('forgets the oldest departed nodes and edges beyond its bound', () => {
    let previous: PreviousLayout = memory;
    for (let round = 0; round < 3; round++) {
      const ids = Array.from({ length: 600 }, (_, i) => `r${round}-${i}`);
      const request = {
        nodes: ids.map((id) => ({ id })),
        edges: ids.slice(1).map((id, i) => ({ source: ids[i], target: id })),
        mode: 'force' as const,
      };
      const positions = Object.fromEntries(ids.map((id, i) => [id, { x: i, y: round }]));
      previous = rememberLayoutResult(previous, request, { positions, kind: 'cold', ticks: 0, movedNodes: 0 });
    }
    // 600 current nodes + at most 1000 departed ones; the shop (the oldest) is forgotten first.
    expect(Object.keys(previous.positions)).toHaveLength(1600);
    expect(previous.positions.frontend).toBeUndefined();
    expect(previous.positions['r0-599']).toBeDefined();
    expect(previous.positions['r0-199']).toBeUndefined();
    expect(previous.edges.length).toBeLessThanOrEqual(599 + 1000);
  });
});

describe('isGrowthOf', () => {
  const graph = createShopGraph();
  const full = toLayoutRequest(graph, 'force', {});
  const part = {
    nodes: full.nodes.slice(0, 5),
    edges: full.edges.filter((e) => full.nodes.slice(0, 5).some((n) => n.id === e.source)),
  };

  it('is true when services and calls are only added (a backfill), also for the same sets', () => {
    expect(isGrowthOf(part, full)).toBe(true);
    expect(isGrowthOf(full, full)).toBe(true);
  });

  it('is false when a service or a call leaves', () => {
    expect(isGrowthOf(full, part)).toBe(false);
    expect(isGrowthOf(full, { nodes: full.nodes, edges: full.edges.slice(1) })).toBe(false);
  });
});
