import { createRecordingContext, RecordingContext } from '../testdata/recordingContext';
import { createShopScene, testFrame } from '../testdata/shopScene';
import { createLabelPlacer } from './labelPlacer';
import { createLayeredDraw, LayerCanvas, MOVE_MARGIN_PX, VIEW_SETTLE_MS } from './layeredDraw';
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
    draw.draw(ctx, scene, frame, 0);
    expect(layers).toHaveLength(2);
    const [below, above] = layers;
    expect(below.ctx.count('stroke')).toBeGreaterThan(0);
    expect(above.ctx.count('fillText')).toBeGreaterThan(0);
    const belowCalls = below.ctx.calls.length;
    const aboveCalls = above.ctx.calls.length;
    main.ctx.calls.length = 0;
    draw.draw(ctx, scene, { ...frame, timeSec: 2 }, 16);
    expect(below.ctx.calls.length).toBe(belowCalls);
    expect(above.ctx.calls.length).toBe(aboveCalls);
    expect(main.ctx.calls.filter((c) => c.name === 'drawImage').map((c) => c.args[0])).toEqual([below, above]);
    expect(main.ctx.count('fillRect')).toBeGreaterThan(0);
    expect(main.ctx.count('fillText')).toBe(0);
  });

  it('redraws every layer after invalidate and after a resize', () => {
    const { draw, layers, main, ctx } = setUp();
    draw.draw(ctx, scene, frame, 0);
    const [below] = layers;
    const first = below.ctx.count('stroke');
    draw.invalidate();
    draw.draw(ctx, scene, frame, 0);
    expect(below.ctx.count('stroke')).toBe(2 * first);
    main.width = 1000;
    draw.draw(ctx, scene, frame, 0);
    expect(below.width).toBe(1000);
    expect(below.ctx.count('stroke')).toBe(3 * first);
  });

  it('draws in full when a layer has no 2D context', () => {
    const draw = createLayeredDraw(() => ({ width: 0, height: 0, getContext: () => null }), createLabelPlacer());
    const main = createTestCanvas();
    draw.draw(main.ctx as unknown as CanvasRenderingContext2D, scene, frame, 0);
    expect(main.ctx.count('fillText')).toBeGreaterThan(0);
    expect(main.ctx.count('drawImage')).toBe(0);
  });

  it('draws nothing into a collapsed (0-pixel) panel instead of copying empty layers', () => {
    const { draw, layers } = setUp();
    const collapsed = createTestCanvas(0, 0);
    expect(() => draw.draw(collapsed.ctx as unknown as CanvasRenderingContext2D, scene, frame, 0)).not.toThrow();
    expect(collapsed.ctx.calls).toEqual([]);
    expect(layers).toHaveLength(0);
  });

  /** The frame at `view` (same scene and size): as the panel builds it after a pan or zoom. */
  const at = (view: { x: number; y: number; k: number }) => testFrame(view, 800, 600, { animate: true, timeSec: 1 });
  /** Source and destination rectangles of each layer copy this frame. */
  const copyRects = (main: TestCanvas) =>
    main.ctx.calls.filter((c) => c.name === 'drawImage').map((c) => c.args.slice(1));

  it('follows a pan by copying the layers shifted, and redraws them at the view once it rests', () => {
    const { draw, layers, main, ctx } = setUp();
    const { view } = frame;
    expect(draw.draw(ctx, scene, frame, 0)).toBeUndefined();
    const [below] = layers;
    const strokes = below.ctx.count('stroke');
    main.ctx.calls.length = 0;
    const panned = { ...view, x: view.x + 5, y: view.y - 3 };
    expect(draw.draw(ctx, scene, at(panned), 16)).toBe(VIEW_SETTLE_MS);
    expect(below.ctx.count('stroke')).toBe(strokes);
    // Only the part that stays on the panel: the layer moved 5 px right and 3 px up.
    const moved = [0, 3, 795, 597, 5, 0, 795, 597];
    expect(copyRects(main)).toEqual([moved, moved]);
    // Particles are drawn live at the new view.
    expect(main.ctx.calls.find((c) => c.name === 'setTransform' && c.args[4] === view.x + 5)).toBeDefined();
    // Still moving a moment later: no redraw; resting VIEW_SETTLE_MS: redrawn exactly, as a still map.
    expect(draw.draw(ctx, scene, at(panned), 16 + VIEW_SETTLE_MS - 1)).toBe(1);
    expect(below.ctx.count('stroke')).toBe(strokes);
    main.ctx.calls.length = 0;
    expect(draw.draw(ctx, scene, at(panned), 16 + VIEW_SETTLE_MS)).toBeUndefined();
    expect(below.ctx.count('stroke')).toBe(2 * strokes);
    const whole = [0, 0, 800, 600, 0, 0, 800, 600];
    expect(copyRects(main)).toEqual([whole, whole]);
  });

  it('follows a zoom step by copying the layers scaled around the zoom point', () => {
    const { draw, layers, main, ctx } = setUp();
    const { view } = frame;
    draw.draw(ctx, scene, frame, 0);
    const strokes = layers[0].ctx.count('stroke');
    main.ctx.calls.length = 0;
    // Zoom 1.25x around (400, 300).
    const zoomed = { k: view.k * 1.25, x: 400 - (400 - view.x) * 1.25, y: 300 - (300 - view.y) * 1.25 };
    draw.draw(ctx, scene, at(zoomed), 16);
    expect(layers[0].ctx.count('stroke')).toBe(strokes);
    // The layer's (80, 60)-(720, 540) fills the panel, 1.25x.
    const [sx, sy, sw, sh, dx, dy, dw, dh] = copyRects(main)[0] as number[];
    [sx, sy, sw, sh].forEach((value, i) => expect(value).toBeCloseTo([80, 60, 640, 480][i]));
    [dx, dy, dw, dh].forEach((value, i) => expect(value).toBeCloseTo([0, 0, 800, 600][i]));
  });

  it('redraws with a margin when a move goes past what the layers hold, and without once the view rests', () => {
    const { draw, layers, ctx } = setUp();
    const { view } = frame;
    draw.draw(ctx, scene, frame, 0);
    const [below] = layers;
    const far = { ...view, x: view.x - 300 };
    below.ctx.calls.length = 0;
    expect(draw.draw(ctx, scene, at(far), 16)).toBe(VIEW_SETTLE_MS);
    // Drawn in world space shifted by the margin, culled to the wider area.
    const world = below.ctx.calls.filter((c) => c.name === 'setTransform' && c.args[0] === view.k);
    expect(world[0].args.slice(4)).toEqual([far.x + MOVE_MARGIN_PX, far.y + MOVE_MARGIN_PX]);
    expect(below.width).toBe(800 + 2 * MOVE_MARGIN_PX);
    below.ctx.calls.length = 0;
    draw.draw(ctx, scene, at(far), 16 + VIEW_SETTLE_MS);
    const still = below.ctx.calls.filter((c) => c.name === 'setTransform' && c.args[0] === view.k);
    expect(still[0].args.slice(4)).toEqual([far.x, far.y]);
    // Back to the panel's size: a bigger layer would cost every copy of a still map.
    expect(below.width).toBe(800);
  });

  it('keeps a resting view exact: the first frame and frames without a move are drawn as a still map', () => {
    const { draw, layers, ctx } = setUp();
    expect(draw.draw(ctx, scene, frame, 1000)).toBeUndefined();
    const world = layers[0].ctx.calls.filter((c) => c.name === 'setTransform' && c.args[0] === frame.view.k);
    expect(world[0].args.slice(4)).toEqual([frame.view.x, frame.view.y]);
    draw.invalidate();
    expect(draw.draw(ctx, scene, frame, 1016)).toBeUndefined();
  });
});
