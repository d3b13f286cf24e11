import { createRecordingContext, RecordingContext } from '../testdata/recordingContext';
import { createShopScene, testFrame } from '../testdata/shopScene';
import { createLabelPlacer } from './labelPlacer';
import { createLayeredDraw, LayerCanvas } from './layeredDraw';
import { fitView } from './viewTransform';

type TestCanvas = LayerCanvas & { ctx: RecordingContext & { drawImage: (...args: unknown[]) => void } };

function createTestCanvas(width = 800, height = 600): TestCanvas {
  const canvas = { width, height } as TestCanvas;
  const ctx = createRecordingContext() as TestCanvas['ctx'];
  ctx.drawImage = (...args: unknown[]) => ctx.calls.push({ name: 'drawImage', args });
  Object.assign(ctx, { canvas });
  canvas.ctx = ctx;
  canvas.getContext = () => ctx as unknown as CanvasRenderingContext2D;
  return canvas;
}

describe('createLayeredDraw', () => {
  const scene = createShopScene();
  const frame = testFrame(fitView(scene.nodes, 800, 600), 800, 600, { animate: true, timeSec: 1 });

  function setUp() {
    const layers: TestCanvas[] = [];
    const draw = createLayeredDraw(() => {
      const layer = createTestCanvas();
      layers.push(layer);
      return layer;
    }, createLabelPlacer());
    const main = createTestCanvas();
    return { draw, layers, main, ctx: main.ctx as unknown as CanvasRenderingContext2D };
  }

  it('draws the still parts once and then only copies them around the moving particles', () => {
    const { draw, layers, main, ctx } = setUp();
    draw.draw(ctx, scene, frame);
    expect(layers).toHaveLength(2);
    const [below, above] = layers;
    expect(below.ctx.count('stroke')).toBeGreaterThan(0);
    expect(above.ctx.count('fillText')).toBeGreaterThan(0);
    const belowCalls = below.ctx.calls.length;
    const aboveCalls = above.ctx.calls.length;
    main.ctx.calls.length = 0;
    draw.draw(ctx, scene, { ...frame, timeSec: 2 });
    expect(below.ctx.calls.length).toBe(belowCalls);
    expect(above.ctx.calls.length).toBe(aboveCalls);
    expect(main.ctx.calls.filter((c) => c.name === 'drawImage').map((c) => c.args[0])).toEqual([below, above]);
    expect(main.ctx.count('fillRect')).toBeGreaterThan(0);
    expect(main.ctx.count('fillText')).toBe(0);
  });

  it('redraws every layer after invalidate and after a resize', () => {
    const { draw, layers, main, ctx } = setUp();
    draw.draw(ctx, scene, frame);
    const [below] = layers;
    const first = below.ctx.count('stroke');
    draw.invalidate();
    draw.draw(ctx, scene, frame);
    expect(below.ctx.count('stroke')).toBe(2 * first);
    main.width = 1000;
    draw.draw(ctx, scene, frame);
    expect(below.width).toBe(1000);
    expect(below.ctx.count('stroke')).toBe(3 * first);
  });

  it('draws in full when a layer has no 2D context', () => {
    const draw = createLayeredDraw(() => ({ width: 0, height: 0, getContext: () => null }), createLabelPlacer());
    const main = createTestCanvas();
    draw.draw(main.ctx as unknown as CanvasRenderingContext2D, scene, frame);
    expect(main.ctx.count('fillText')).toBeGreaterThan(0);
    expect(main.ctx.count('drawImage')).toBe(0);
  });

  it('draws nothing into a collapsed (0-pixel) panel instead of copying empty layers', () => {
    const { draw, layers } = setUp();
    const collapsed = createTestCanvas(0, 0);
    expect(() => draw.draw(collapsed.ctx as unknown as CanvasRenderingContext2D, scene, frame)).not.toThrow();
    expect(collapsed.ctx.calls).toEqual([]);
    expect(layers).toHaveLength(0);
  });
});
