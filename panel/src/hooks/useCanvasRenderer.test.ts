import { createShopScene, testTheme } from '../testdata/shopScene';
import { changesStillLayers, RenderInputs } from './useCanvasRenderer';

describe('changesStillLayers', () => {
  const scene = createShopScene();
  const inputs: RenderInputs = {
    scene,
    view: { x: 10, y: 20, k: 1 },
    width: 800,
    height: 600,
    theme: testTheme,
    labelDensity: 'normal',
    animate: true,
    animationSpeed: 1,
    hoveredNodeId: 'payments',
  };

  it('keeps the cached layers for a re-render that only moves the tooltip or changes the animation', () => {
    expect(changesStillLayers(inputs, { ...inputs })).toBe(false);
    expect(changesStillLayers(inputs, { ...inputs, animate: false, animationSpeed: 2 })).toBe(false);
  });

  it('redraws them when what they show changes', () => {
    expect(changesStillLayers(undefined, inputs)).toBe(true);
    expect(changesStillLayers(inputs, { ...inputs, hoveredNodeId: 'checkout' })).toBe(true);
    expect(changesStillLayers(inputs, { ...inputs, hoveredEdgeId: scene.edges[0].id })).toBe(true);
    expect(changesStillLayers(inputs, { ...inputs, view: { ...inputs.view } })).toBe(true);
    expect(changesStillLayers(inputs, { ...inputs, scene: createShopScene() })).toBe(true);
    expect(changesStillLayers(inputs, { ...inputs, width: 801 })).toBe(true);
  });
});
