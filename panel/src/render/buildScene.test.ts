import { createShopGraph } from '../testdata/shopGraph';
import { testHealthRules } from '../testdata/shopScene';
import { buildScene, particleSpeedForLatency, radiusForRate, visibleGraph } from './buildScene';
import { classifyHealth } from './health';

const positions = Object.fromEntries(createShopGraph().nodes.map((n, i) => [n.id, { x: i * 100, y: (i % 3) * 80 }]));

describe('buildScene', () => {
  it('sizes nodes by traffic and colours them by health', () => {
    const scene = buildScene(createShopGraph(), positions, { health: testHealthRules, hiddenKinds: [], pins: {} });
    const frontend = scene.nodeById.get('frontend');
    const shipping = scene.nodeById.get('shipping');
    expect(frontend!.radius).toBeGreaterThan(shipping!.radius);
    expect(scene.nodeById.get('payments')!.health).toBe(2);
    expect(scene.nodeById.get('cart')!.health).toBe(0);
    expect(scene.nodeById.get('user')!.health).toBe(-1);
    expect(scene.labelOrder[0]).toBe(scene.nodes.indexOf(frontend!));
  });

  it('bends two-way pairs to opposite sides and keeps one-way edges straight', () => {
    const scene = buildScene(createShopGraph(), positions, { health: testHealthRules, hiddenKinds: [], pins: {} });
    const there = scene.edges.find((e) => e.id === 'checkout->payments')!;
    const back = scene.edges.find((e) => e.id === 'payments->checkout')!;
    expect(there.bend).toBe(1);
    expect(back.bend).toBe(1);
    const side = (e: typeof there) =>
      Math.sign((e.cx - e.source.x) * (e.target.y - e.source.y) - (e.cy - e.source.y) * (e.target.x - e.source.x));
    // Relative to the same direction (checkout -> payments) the two control points lie on opposite sides.
    const backSide = Math.sign(
      (back.cx - there.source.x) * (there.target.y - there.source.y) -
        (back.cy - there.source.y) * (there.target.x - there.source.x)
    );
    expect(side(there)).toBe(-backSide);
    expect(scene.edges.find((e) => e.id === 'frontend->cart')!.bend).toBe(0);
  });

  it('drops hidden kinds and their edges', () => {
    const graph = visibleGraph(createShopGraph(), ['virtual']);
    expect(graph.nodes.map((n) => n.id)).not.toContain('user');
    expect(graph.edges.some((e) => e.source === 'user' || e.target === 'stripe')).toBe(false);
  });

  it('marks pinned nodes and builds hulls per group', () => {
    const groups = new Map(
      createShopGraph()
        .nodes.filter((n) => n.group)
        .map((n) => [n.id, n.group!])
    );
    const scene = buildScene(createShopGraph(), positions, {
      health: testHealthRules,
      hiddenKinds: [],
      pins: { cart: { x: 0, y: 0 } },
      groups,
    });
    expect(scene.nodeById.get('cart')!.pinned).toBe(true);
    expect(scene.hulls.map((h) => h.group).sort()).toEqual(['infra', 'pay', 'shop', 'web']);
  });
});

describe('health and flow rules', () => {
  it('takes the worse of error rate and latency', () => {
    expect(classifyHealth(10, 0, 50, testHealthRules)).toBe(0);
    expect(classifyHealth(10, 0.02, 50, testHealthRules)).toBe(1);
    expect(classifyHealth(10, 0, 1200, testHealthRules)).toBe(2);
    expect(classifyHealth(0, 0, 0, testHealthRules)).toBe(-1);
  });

  it('moves particles slower on slower edges and sizes by rate', () => {
    expect(particleSpeedForLatency(900)).toBeLessThan(particleSpeedForLatency(50));
    expect(radiusForRate(100, 100)).toBeGreaterThan(radiusForRate(1, 100));
    expect(radiusForRate(0, 0)).toBeGreaterThan(0);
  });
});
