import { defaultErrorThresholds, defaultLatencyThresholds, healthThresholds } from '../defaults';
import { buildScene, MAX_NODE_RADIUS, MIN_NODE_RADIUS } from '../render/buildScene';
import { toHealthRules } from './healthRules';
import { createShopGraph } from '../testdata/shopGraph';
import { createNodeRadius, UNSIZED_NODE_RADIUS } from './nodeSize';

const graph = createShopGraph();
const node = (id: string) => graph.nodes.find((n) => n.id === id)!;

describe('node radius by the size field', () => {
  it('sizes by requests per second: the busiest node is largest, an idle one smallest', () => {
    const radius = createNodeRadius(graph, 'rate');
    expect(radius(node('frontend'))).toBe(MAX_NODE_RADIUS);
    expect(radius(node('user'))).toBe(MIN_NODE_RADIUS);
    expect(radius(node('cart'))).toBeGreaterThan(radius(node('checkout')));
  });

  it('sizes by p95: the slowest node is largest', () => {
    const radius = createNodeRadius(graph, 'p95');
    expect(radius(node('payments'))).toBe(MAX_NODE_RADIUS);
    expect(radius(node('stripe'))).toBeGreaterThan(radius(node('frontend')));
  });

  it('sizes by request count, or gives every node one size', () => {
    expect(createNodeRadius(graph, 'requests')(node('frontend'))).toBe(MAX_NODE_RADIUS);
    const unsized = createNodeRadius(graph, 'none');
    expect(new Set(graph.nodes.map(unsized))).toEqual(new Set([UNSIZED_NODE_RADIUS]));
  });
});

describe('the scene with the size field and per-frame thresholds', () => {
  it('draws each node with the radius of its size field and edges with their own rules', () => {
    const positions = Object.fromEntries(graph.nodes.map((n, i) => [n.id, { x: i * 100, y: 0 }]));
    const nodeRules = toHealthRules({ errors: defaultErrorThresholds, latency: defaultLatencyThresholds }, 'health');
    const edgeRules = toHealthRules({ errors: defaultErrorThresholds, latency: healthThresholds(10, 30) }, 'p95');
    const scene = buildScene(graph, positions, {
      health: nodeRules,
      edgeHealth: edgeRules,
      nodeRadius: createNodeRadius(graph, 'p95'),
      hiddenKinds: [],
      pins: {},
    });
    expect(scene.nodeById.get('payments')?.radius).toBe(MAX_NODE_RADIUS);
    expect(scene.nodeById.get('frontend')?.health).toBe(0);
    // p95 20 ms and 120 ms: fine under the nodes' 300 ms, warning and critical under the edges' own 10 / 30 ms.
    expect(scene.edges.find((e) => e.id === 'frontend->cart')?.health).toBe(1);
    expect(scene.edges.find((e) => e.id === 'frontend->checkout')?.health).toBe(2);
  });
});
