import { createShopGraph } from '../testdata/shopGraph';
import { forceLayout } from './forceLayout';
import {
  isGrowthOf,
  needsFreshLayout,
  quantiseViewAspect,
  rememberLayoutResult,
  toLayoutRequest,
} from './layoutMemory';
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

describe('quantiseViewAspect', () => {
  it('rounds the panel shape to steps of 0.25 between 0.5 and 4, so a resize re-lays out only in steps', () => {
    expect(quantiseViewAspect(1002, 462)).toBe(2.25);
    expect(quantiseViewAspect(1010, 462)).toBe(2.25);
    expect(quantiseViewAspect(400, 400)).toBe(1);
    expect(quantiseViewAspect(100, 900)).toBe(0.5);
    expect(quantiseViewAspect(3000, 200)).toBe(4);
    expect(quantiseViewAspect(0, 400)).toBeUndefined();
  });
});

describe('needsFreshLayout', () => {
  const pinned = { mode: 'force' as const, pins: { cart: { x: 1, y: 2 } } };
  it('is true when a pin is removed, or the layered panel changes shape', () => {
    expect(needsFreshLayout(pinned, { mode: 'force', pins: {} })).toBe(true);
    expect(needsFreshLayout({ mode: 'layered', viewAspect: 2 }, { mode: 'layered', viewAspect: 2.25 })).toBe(true);
  });
  it('is false for a new or moved pin, a first run, a mode switch or a force map resized', () => {
    expect(needsFreshLayout(pinned, { mode: 'force', pins: { cart: { x: 5, y: 2 }, user: { x: 0, y: 0 } } })).toBe(
      false
    );
    expect(needsFreshLayout(undefined, { mode: 'force', pins: {} })).toBe(false);
    expect(needsFreshLayout(pinned, { mode: 'layered', pins: {} })).toBe(false);
    expect(needsFreshLayout({ mode: 'force', viewAspect: 1 }, { mode: 'force', viewAspect: 2 })).toBe(false);
  });
  it('brings a formerly pinned node back to its seeded place, the map a fresh load draws', () => {
    const graph = createShopGraph();
    const cold = forceLayout(toLayoutRequest(graph, 'force', {}));
    const pins = { cart: { x: cold.positions.cart.x + 120, y: cold.positions.cart.y + 40 } };
    const base = rememberLayoutResult(undefined, toLayoutRequest(graph, 'force', {}), cold);
    const pinnedRequest = toLayoutRequest(graph, 'force', pins, base);
    const pinnedResult = forceLayout(pinnedRequest);
    expect(pinnedResult.positions.cart).toEqual(pins.cart);
    const afterPin = rememberLayoutResult(base, pinnedRequest, pinnedResult);
    // A warm run from the remembered map would leave the node where it was pinned.
    expect(forceLayout(toLayoutRequest(graph, 'force', {}, afterPin)).positions.cart).toEqual(pins.cart);
    const reset = toLayoutRequest(graph, 'force', {}, afterPin);
    expect(needsFreshLayout(pinnedRequest, reset)).toBe(true);
    reset.previous = undefined;
    expect(forceLayout(reset).positions).toEqual(cold.positions);
  });
});
