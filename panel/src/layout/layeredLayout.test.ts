import recording from './testdata/demoTopologyChange.json';
import { forceLayout } from './forceLayout';
import { fitSlots, layeredGrid, spreadColumnGap } from './layeredLayout';
import { defaultLayoutConfig } from './layoutConfig';
import { LayoutGraph, rememberLayoutResult, toLayoutRequest } from './layoutMemory';
import { countCrossings, findOverlaps } from './layoutQuality';
import { LayoutRequest, PositionMap, PreviousLayout } from './layoutTypes';

const steps = recording.steps;
/** Room kept between any two node circles in the flow diagram (world units). */
const GAP = defaultLayoutConfig.collidePadding;

function toGraph(step: (typeof steps)[number], rateOf = (id: string, rate: number) => rate): LayoutGraph {
  return {
    nodes: step.nodes.map(([id, rate]) => ({ id: String(id), rate: rateOf(String(id), Number(rate)) })),
    edges: step.edges.map(([source, target]) => ({ source, target })),
  };
}

function radii(request: LayoutRequest): Map<string, number> {
  return new Map(request.nodes.map((n) => [n.id, n.radius ?? defaultLayoutConfig.defaultRadius]));
}

/** The same columns with each column in id order, centred: a flow diagram without crossing reduction. */
function naiveOrder(positions: PositionMap, pitch: number): PositionMap {
  const columns = new Map<number, string[]>();
  for (const [id, p] of Object.entries(positions)) {
    columns.set(p.x, [...(columns.get(p.x) ?? []), id]);
  }
  const naive: PositionMap = {};
  for (const [x, ids] of columns) {
    ids.sort().forEach((id, i) => (naive[id] = { x, y: (i - (ids.length - 1) / 2) * pitch }));
  }
  return naive;
}

describe('layered layout (columns by call depth, rows by barycentre order)', () => {
  const first = toLayoutRequest(toGraph(steps[0]), 'layered', {});
  const cold = forceLayout(first);

  it('gives identical positions for the same topology with other request rates (and node sizes)', () => {
    const busier = toLayoutRequest(
      toGraph(steps[0], (id, rate) => rate * (1 + (id.length % 5)) + 3),
      'layered',
      {}
    );
    expect(busier.nodes.map((n) => n.radius)).not.toEqual(first.nodes.map((n) => n.radius));
    expect(forceLayout(busier).positions).toEqual(cold.positions);
    const shuffled = { ...first, nodes: [...first.nodes].reverse(), edges: [...first.edges].reverse() };
    expect(forceLayout(shuffled).positions).toEqual(cold.positions);
  });

  it('draws every call left to right and keeps nodes apart on a cold layout', () => {
    for (const { source, target } of first.edges) {
      expect(`${source}->${target} ${cold.positions[source].x < cold.positions[target].x}`).toBe(
        `${source}->${target} true`
      );
    }
    expect(findOverlaps(cold.positions, radii(first), GAP)).toEqual([]);
  });

  it('orders columns to cross fewer calls than the naive order', () => {
    const ordered = countCrossings(cold.positions, first.edges);
    const naive = countCrossings(
      naiveOrder(cold.positions, layeredGrid(first, defaultLayoutConfig).rowPitch),
      first.edges
    );
    // Measured on the demo topology: 124 crossings against 517 for the same columns in id order.
    expect(ordered).toBeLessThanOrEqual(naive * 0.6);
  });

  it('replays the demo topology change warm without putting a node on another (incl. returning services)', () => {
    let previous: PreviousLayout | undefined;
    const problems: string[] = [];
    const lastSeen: PositionMap = {};
    steps.forEach((step, i) => {
      const request = toLayoutRequest(toGraph(step), 'layered', {}, previous);
      const result = forceLayout(request);
      previous = rememberLayoutResult(previous, request, result);
      problems.push(...findOverlaps(result.positions, radii(request), GAP).map((o) => `step ${i}: ${o}`));
      for (const [id, p] of Object.entries(result.positions)) {
        if (lastSeen[id] && (lastSeen[id].x !== p.x || lastSeen[id].y !== p.y)) {
          problems.push(`step ${i}: ${id} moved`);
        }
      }
      Object.assign(lastSeen, result.positions);
      expect(result.kind).toBe(i === 0 ? 'cold' : result.kind === 'unchanged' ? 'unchanged' : 'warm');
    });
    expect(problems).toEqual([]);
  });

  it('keeps every row when only numbers change, and puts a new service in a free row beside its caller', () => {
    const memory = rememberLayoutResult(undefined, first, cold);
    const again = forceLayout(
      toLayoutRequest(
        toGraph(steps[0], (_, rate) => rate * 2),
        'layered',
        {},
        memory
      )
    );
    expect(again.kind).toBe('unchanged');
    expect(again.positions).toEqual(cold.positions);

    const graph = toGraph(steps[0]);
    const grown = {
      nodes: [...graph.nodes, { id: 'chargeback', rate: 1 }, { id: 'chargeback-db', rate: 1 }],
      edges: [
        ...graph.edges,
        { source: 'payments', target: 'chargeback' },
        { source: 'chargeback', target: 'chargeback-db' },
      ],
    };
    const request = toLayoutRequest(grown, 'layered', {}, memory);
    const warm = forceLayout(request);
    expect(warm).toMatchObject({ kind: 'warm', movedNodes: 2 });
    for (const id of Object.keys(cold.positions)) {
      expect(warm.positions[id]).toEqual(cold.positions[id]);
    }
    const { columnGap, rowPitch } = layeredGrid(request, defaultLayoutConfig);
    expect(warm.positions.chargeback.x).toBe(cold.positions.payments.x + columnGap);
    // The nearest free row to its caller's: every row of that column nearer to it is taken.
    const { x, y } = warm.positions.chargeback;
    const taken = new Set(
      Object.values(cold.positions)
        .filter((p) => p.x === x)
        .map((p) => p.y)
    );
    for (
      let row = cold.positions.payments.y - rowPitch * 10;
      row <= cold.positions.payments.y + rowPitch * 10;
      row += rowPitch
    ) {
      if (Math.abs(row - cold.positions.payments.y) < Math.abs(y - cold.positions.payments.y)) {
        expect(taken.has(row)).toBe(true);
      }
    }
    expect(taken.has(y)).toBe(false);
    expect(warm.positions['chargeback-db'].x).toBe(warm.positions.chargeback.x + columnGap);
    expect(findOverlaps(warm.positions, radii(request), GAP)).toEqual([]);
  });

  it('lets pins win on cold and warm layouts', () => {
    const pinned = forceLayout({ ...first, pins: { 'api-gateway': { x: 3, y: 4 } } });
    expect(pinned.positions['api-gateway']).toEqual({ x: 3, y: 4 });
    const memory = rememberLayoutResult(undefined, first, cold);
    const warm = forceLayout(toLayoutRequest(toGraph(steps[0]), 'layered', { 'api-gateway': { x: 9, y: 9 } }, memory));
    expect(warm.kind).toBe('warm');
    expect(warm.positions['api-gateway']).toEqual({ x: 9, y: 9 });
  });

  it('lays out a deep graph full of cycles (hundreds of columns) without overlaps', () => {
    // A tree plus two cross links per service, like the benchmark graphs: long call chains everywhere.
    const ids = Array.from({ length: 600 }, (_, i) => `svc-${i}`);
    const edges = ids.slice(1).flatMap((id, k) => {
      const i = k + 1;
      return [
        { source: `svc-${Math.floor((i - 1) / 3)}`, target: id },
        { source: id, target: `svc-${(i * 7 + 3) % 600}` },
        { source: id, target: `svc-${(i * 13 + 5) % 600}` },
      ];
    });
    const request: LayoutRequest = { nodes: ids.map((id) => ({ id, radius: 12 })), edges, mode: 'layered' };
    const { positions } = forceLayout(request);
    expect(Object.keys(positions)).toHaveLength(600);
    expect(findOverlaps(positions, radii(request), GAP)).toEqual([]);
    expect(countCrossings(positions, edges)).toBeLessThan(countCrossings(naiveOrder(positions, 95), edges));
  });

  it('breaks cycles deterministically (a ring of calls still gets columns)', () => {
    const ring = {
      nodes: ['a', 'b', 'c', 'd'].map((id) => ({ id })),
      edges: [
        { source: 'a', target: 'b' },
        { source: 'b', target: 'c' },
        { source: 'c', target: 'd' },
        { source: 'd', target: 'a' },
      ],
      mode: 'layered' as const,
    };
    const { positions } = forceLayout(ring);
    expect([positions.a.x, positions.b.x, positions.c.x, positions.d.x]).toEqual([0, 200, 400, 600]);
    expect(forceLayout({ ...ring, edges: [...ring.edges].reverse() }).positions).toEqual(positions);
  });
});

describe('layered layout in a wide panel (viewAspect)', () => {
  const request = toLayoutRequest(toGraph(steps[0]), 'layered', {});
  const narrow = forceLayout(request);
  const extent = (positions: PositionMap) => {
    const xs = Object.values(positions).map((p) => p.x);
    const ys = Object.values(positions).map((p) => p.y);
    return { width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
  };

  it('spreads the columns towards the panel shape, keeping rows and column order', () => {
    const wide = forceLayout({ ...request, viewAspect: 2.25 });
    const before = extent(narrow.positions);
    const after = extent(wide.positions);
    expect(after.height).toBe(before.height);
    expect(after.width).toBeGreaterThan(before.width * 1.3);
    // The demo diagram: 8 columns by 14 rows; in a 2.25 panel it comes out about 2.1 wide for 1 high.
    expect(after.width / after.height).toBeGreaterThan(1.9);
    expect(after.width / after.height).toBeLessThan(2.4);
    expect(wide.columnGap).toBeGreaterThan(defaultLayoutConfig.layerGap);
    for (const id of Object.keys(narrow.positions)) {
      expect(wide.positions[id].y).toBe(narrow.positions[id].y);
      expect(wide.positions[id].x).toBeCloseTo(
        (narrow.positions[id].x * (wide.columnGap ?? 0)) / defaultLayoutConfig.layerGap,
        6
      );
    }
  });

  it('gives the same map for the same request and panel shape, in any order', () => {
    const wide = forceLayout({ ...request, viewAspect: 2.25 });
    const shuffled = { ...request, nodes: [...request.nodes].reverse(), edges: [...request.edges].reverse() };
    expect(forceLayout({ ...shuffled, viewAspect: 2.25 }).positions).toEqual(wide.positions);
  });

  it('never narrows the columns: a tall panel keeps the configured gap', () => {
    expect(forceLayout({ ...request, viewAspect: 0.5 }).positions).toEqual(narrow.positions);
  });

  it('puts new services of a warm run on the spread grid', () => {
    const wide = forceLayout({ ...request, viewAspect: 2.25 });
    const previous = rememberLayoutResult(undefined, request, wide);
    expect(previous.columnGap).toBe(wide.columnGap);
    const grown = {
      ...request,
      nodes: [...request.nodes, { id: 'zz-new' }],
      edges: [...request.edges, { source: 'api-gateway', target: 'zz-new' }],
      previous,
    };
    const warm = forceLayout(grown);
    expect(warm.kind).toBe('warm');
    expect(warm.positions['zz-new'].x).toBe(wide.positions['api-gateway'].x + (wide.columnGap ?? 0));
  });
});

describe('spreadColumnGap', () => {
  const grid = { columnGap: 200, rowPitch: 75 };
  it('widens the gap with the aspect, between the configured gap and 2.5 times it', () => {
    expect(spreadColumnGap(grid, 8, 14, undefined)).toBe(200);
    expect(spreadColumnGap(grid, 8, 14, 1)).toBe(200);
    expect(spreadColumnGap(grid, 8, 14, 2)).toBe(263);
    expect(spreadColumnGap(grid, 8, 14, 3)).toBe(394);
    expect(spreadColumnGap(grid, 2, 14, 3)).toBe(500);
    expect(spreadColumnGap(grid, 1, 14, 3)).toBe(200);
  });
});

describe('fitSlots', () => {
  it('keeps the order with distinct integer rows as near the preferred ones as it can', () => {
    expect(fitSlots([0, 0, 0])).toEqual([-1, 0, 1]);
    expect(fitSlots([5, -3])).toEqual([1, 2]);
    expect(fitSlots([-2, 4.2, 4.4])).toEqual([-2, 4, 5]);
  });
});
