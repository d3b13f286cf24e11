import { createShopScene, testTheme } from '../testdata/shopScene';
import { createRecordingContext } from '../testdata/recordingContext';
import { LayerCanvas } from '../render/layeredDraw';
import { changesStillLayers, createRenderLoop, RenderInputs } from './useCanvasRenderer';

/** The shop scene in an 800 × 600 panel, animated; `patch` overrides. */
function renderInputs(patch: Partial<RenderInputs>): RenderInputs {
  return {
    scene: createShopScene(),
    view: { x: 0, y: 0, k: 1 },
    width: 800,
    height: 600,
    theme: testTheme,
    labelDensity: 'normal',
    animate: true,
    animationSpeed: 1,
    ...patch,
  };
}

describe('changesStillLayers', () => {
  const inputs = renderInputs({ view: { x: 10, y: 20, k: 1 }, hoveredNodeId: 'payments' });
  const { scene } = inputs;

  it('keeps the cached layers for a re-render that only moves the tooltip or changes the animation', () => {
    expect(changesStillLayers(inputs, { ...inputs })).toBe(false);
    expect(changesStillLayers(inputs, { ...inputs, animate: false, animationSpeed: 2 })).toBe(false);
  });

  it('keeps them for a pan or zoom: the layers follow a moving view and redraw themselves when it rests', () => {
    expect(changesStillLayers(inputs, { ...inputs, view: { x: 40, y: 20, k: 1.5 } })).toBe(false);
  });

  it('redraws them when what they show changes', () => {
    expect(changesStillLayers(undefined, inputs)).toBe(true);
    expect(changesStillLayers(inputs, { ...inputs, hoveredNodeId: 'checkout' })).toBe(true);
    expect(changesStillLayers(inputs, { ...inputs, hoveredEdgeId: scene.edges[0].id })).toBe(true);
    expect(changesStillLayers(inputs, { ...inputs, scene: createShopScene() })).toBe(true);
    expect(changesStillLayers(inputs, { ...inputs, width: 801 })).toBe(true);
  });
});

/** A canvas with a recording 2D context whose image copies fail while `failing()` says so. */
function createTestCanvas(failing: () => boolean = () => false): LayerCanvas & { copies: number } {
  const ctx = createRecordingContext();
  const canvas = { width: 0, height: 0, copies: 0, getContext: () => ctx as unknown as CanvasRenderingContext2D };
  Object.assign(ctx, {
    canvas,
    drawImage: () => {
      if (failing()) {
        throw new Error('drawImage: the layer is not ready');
      }
      canvas.copies++;
    },
  });
  return canvas;
}

describe('createRenderLoop', () => {
  const inputs = renderInputs({ view: { x: 400, y: 300, k: 1 } });
  let frames: FrameRequestCallback[] = [];
  /** Runs the animation frames asked for so far (not the ones they ask for). */
  const runFrames = () => {
    const due = frames;
    frames = [];
    due.forEach((callback) => callback(performance.now()));
  };

  beforeEach(() => {
    frames = [];
    jest.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => frames.push(callback));
    jest.spyOn(window, 'cancelAnimationFrame').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  function setUp(failingFrames: number) {
    let failuresLeft = failingFrames;
    const canvas = createTestCanvas(() => failuresLeft > 0);
    const reports: Array<string | undefined> = [];
    const loop = createRenderLoop(
      { current: canvas as unknown as HTMLCanvasElement },
      { createLayerCanvas: () => createTestCanvas(), onDrawError: (message) => reports.push(message) }
    );
    return {
      canvas,
      loop,
      reports,
      endFrame: () => {
        failuresLeft--;
      },
    };
  }

  it('keeps animating after frames that throw, reports the failure once and its end once', () => {
    const { canvas, loop, reports, endFrame } = setUp(3);
    loop.setInputs(inputs);
    for (let i = 0; i < 3; i++) {
      runFrames();
      endFrame();
      // The loop asked for its next frame although this one threw.
      expect(frames).toHaveLength(1);
    }
    expect(canvas.copies).toBe(0);
    expect(reports).toEqual(['drawImage: the layer is not ready']);
    runFrames();
    runFrames();
    expect(canvas.copies).toBe(4);
    expect(reports).toEqual(['drawImage: the layer is not ready', undefined]);
    loop.dispose();
  });

  it('without animation, draws again at the next input after a frame that threw', () => {
    const { canvas, loop, reports, endFrame } = setUp(1);
    loop.setInputs({ ...inputs, animate: false });
    runFrames();
    endFrame();
    expect(frames).toHaveLength(0);
    expect(reports).toHaveLength(1);
    loop.setInputs({ ...inputs, animate: false, hoveredNodeId: 'payments' });
    runFrames();
    expect(canvas.copies).toBe(2);
    expect(reports).toEqual(['drawImage: the layer is not ready', undefined]);
    loop.dispose();
  });
});
