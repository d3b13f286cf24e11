import { createRecordingContext } from '../testdata/recordingContext';
import { createShopGraph } from '../testdata/shopGraph';
import { createShopScene, testHealthRules, testFrame } from '../testdata/shopScene';
import { buildScene } from './buildScene';
import { drawScene } from './drawScene';
import { FrameState } from './frameState';
import { highlightNode } from './highlight';
import { createLabelPlacer } from './labelPlacer';
import { fitView } from './viewTransform';

function frameFor(width: number, height: number, scene = createShopScene()): FrameState {
  const view = fitView(scene.nodes, width, height);
  return testFrame(view, width, height, { dpr: 2, timeSec: 1, animate: true });
}

describe('drawScene', () => {
  it('batches many edges into a few strokes, and strokes few edges one by one', () => {
    const nodes = Array.from({ length: 150 }, (_, i) => ({
      ...createShopGraph().nodes[1],
      id: `s${i}`,
      title: `s${i}`,
    }));
    const edges = nodes.flatMap((n, i) =>
      [1, 2, 3].map((step) => ({
        ...createShopGraph().edges[1],
        id: `${n.id}->s${(i + step) % 150}`,
        source: n.id,
        target: `s${(i + step) % 150}`,
      }))
    );
    const positions = Object.fromEntries(
      nodes.map((n, i) => [n.id, { x: Math.cos(i / 16) * 400, y: Math.sin(i / 16) * 400 }])
    );
    const scene = buildScene({ nodes, edges }, positions, { health: testHealthRules, hiddenKinds: [], pins: {} });
    const ctx = createRecordingContext();
    drawScene(ctx, scene, frameFor(800, 600, scene), createLabelPlacer());
    expect(scene.edges).toHaveLength(450);
    expect(ctx.count('stroke')).toBeLessThan(10);
    const shop = createShopScene();
    const few = createRecordingContext();
    drawScene(few, shop, frameFor(800, 600, shop), createLabelPlacer());
    expect(few.count('stroke')).toBeGreaterThanOrEqual(shop.edges.length);
  });

  it('scales by device pixel ratio and curves two-way pairs', () => {
    const scene = createShopScene();
    const ctx = createRecordingContext();
    const frame = frameFor(800, 600, scene);
    drawScene(ctx, scene, frame, createLabelPlacer());
    const transform = ctx.calls.find((c, i) => c.name === 'setTransform' && i > 1)!;
    expect(transform.args[0]).toBeCloseTo(2 * frame.view.k);
    expect(ctx.count('quadraticCurveTo')).toBeGreaterThanOrEqual(2);
  });

  it('draws a label per node at a comfortable zoom and particles only when animating', () => {
    const scene = createShopScene();
    const ctx = createRecordingContext();
    drawScene(ctx, scene, frameFor(1600, 1200, scene), createLabelPlacer());
    const titles = ctx.calls.filter((c) => c.name === 'fillText').map((c) => c.args[0]);
    expect(titles).toEqual(expect.arrayContaining(['frontend', 'payments', 'orders-db']));
    const still = createRecordingContext();
    drawScene(still, scene, { ...frameFor(1600, 1200, scene), animate: false }, createLabelPlacer());
    // Without animation the only rectangles are the label plates.
    expect(still.count('fillRect')).toBe(still.count('fillText'));
    expect(ctx.count('fillRect')).toBeGreaterThan(still.count('fillRect'));
  });

  it('culls everything outside the view', () => {
    const scene = createShopScene();
    const ctx = createRecordingContext();
    const frame = frameFor(800, 600, scene);
    drawScene(
      ctx,
      scene,
      { ...frame, visible: { minX: 1e6, minY: 1e6, maxX: 1e6 + 10, maxY: 1e6 + 10 } },
      createLabelPlacer()
    );
    expect(ctx.count('moveTo')).toBe(0);
    expect(ctx.count('fillText')).toBe(0);
  });

  it('dims everything outside a highlighted neighbourhood', () => {
    const scene = createShopScene();
    const ctx = createRecordingContext();
    const frame = { ...frameFor(1600, 1200, scene), highlight: highlightNode(scene, 'kafka') };
    drawScene(ctx, scene, frame, createLabelPlacer());
    const titles = ctx.calls.filter((c) => c.name === 'fillText').map((c) => c.args[0]);
    expect(titles).toEqual(expect.arrayContaining(['kafka', 'checkout', 'shipping']));
    expect(titles).not.toContain('cart');
    expect(ctx.calls.some((c) => c.name === 'stroke' && c.alpha !== undefined && c.alpha < 0.2)).toBe(true);
  });
});
