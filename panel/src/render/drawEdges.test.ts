import { createRecordingContext } from '../testdata/recordingContext';
import { createShopScene, testFrame } from '../testdata/shopScene';
import { drawEdges, edgeScreenWidth } from './drawEdges';
import { fitView } from './viewTransform';

describe('drawEdges', () => {
  it('keeps edges thin on screen when zoomed in, instead of scaling them into bars', () => {
    expect(edgeScreenWidth(3, 0.5)).toBeCloseTo(6.25 * 0.5);
    for (const k of [1, 4, 8]) {
      expect(edgeScreenWidth(3, k)).toBeLessThanOrEqual(6);
      expect(edgeScreenWidth(0, k)).toBeLessThanOrEqual(1.5);
    }
    const scene = createShopScene();
    const fitted = fitView(scene.nodes, 800, 600);
    const zoomed = { ...fitted, k: fitted.k * 8 };
    const ctx = createRecordingContext();
    drawEdges(ctx, scene, testFrame(zoomed, 800, 600));
    const widths = ctx.calls.filter((c) => c.name === 'stroke').map((c) => (c.lineWidth ?? 0) * zoomed.k);
    expect(widths.length).toBeGreaterThan(0);
    expect(Math.max(...widths)).toBeLessThanOrEqual(6 + 1e-9);
  });

  it('draws the hovered edge on top in the selection colour', () => {
    const scene = createShopScene();
    const view = fitView(scene.nodes, 800, 600);
    const hovered = scene.edges[3];
    const plain = createRecordingContext();
    drawEdges(plain, scene, testFrame(view, 800, 600));
    expect(plain.calls.some((c) => c.style === 'cyan')).toBe(false);
    const ctx = createRecordingContext();
    drawEdges(ctx, scene, testFrame(view, 800, 600, { hoveredEdgeId: hovered.id }));
    const last = ctx.calls.filter((c) => c.name === 'stroke' || c.name === 'fill').slice(-2);
    expect(last.map((c) => c.style)).toEqual(['cyan', 'cyan']);
    const moves = ctx.calls.filter((c) => c.name === 'moveTo');
    expect(moves[moves.length - 2].args).toEqual([hovered.x1, hovered.y1]);
  });
});
