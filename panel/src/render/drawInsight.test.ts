import { buildInsightOverlay } from '../insight/insightOverlay';
import { createRecordingContext } from '../testdata/recordingContext';
import { createShopScene, paymentsBottleneckOverlay, testFrame } from '../testdata/shopScene';
import { drawInsight } from './drawInsight';
import { DIMMED_ALPHA, FrameState } from './frameState';
import { createLabelPlacer } from './labelPlacer';
import { placeInsightBadges } from './placeBadges';
import { Scene } from './sceneTypes';
import { fitView } from './viewTransform';
import { highlightNode } from './highlight';

function frameWith(overlay: FrameState['insight'], scene = createShopScene()): FrameState {
  const view = fitView(scene.nodes, 800, 500);
  return testFrame(view, 800, 500, { insight: overlay });
}

function drawWithBadges(ctx: ReturnType<typeof createRecordingContext>, scene: Scene, frame: FrameState): void {
  drawInsight(ctx, scene, frame, placeInsightBadges(ctx, scene, frame, createLabelPlacer()));
}

describe('drawInsight', () => {
  const route = {
    traceId: 't1',
    hops: [
      {
        step: 1,
        edgeId: 'frontend->checkout',
        source: 'frontend',
        target: 'checkout',
        latencyMs: 120,
        failed: false,
        criticalMs: 0,
      },
      {
        step: 2,
        edgeId: 'checkout->payments',
        source: 'checkout',
        target: 'payments',
        latencyMs: 900,
        failed: true,
        criticalMs: 900,
      },
    ],
  };

  it('strokes the critical hop thicker, failed hops in the error colour, and numbers each hop', () => {
    const scene = createShopScene();
    const overlay = buildInsightOverlay(scene, route, { bottlenecks: new Map() }, undefined);
    const ctx = createRecordingContext();
    const widths: number[] = [];
    const stroke = ctx.stroke;
    ctx.stroke = () => {
      widths.push(ctx.lineWidth);
      stroke();
    };
    drawWithBadges(ctx, scene, frameWith(overlay, scene));
    const strokes = ctx.calls.filter((c) => c.name === 'stroke');
    expect(strokes.map((c) => c.style)).toEqual(['white', 'crimson']);
    expect(widths).toEqual([3, 6]);
    const texts = ctx.calls.filter((c) => c.name === 'fillText').map((c) => c.args[0]);
    expect(texts).toEqual(['1 · 120 ms', '2 · 900 ms ✕']);
  });

  it('marks the top bottleneck, anomalies and alerts, and draws nothing without an overlay', () => {
    const scene = createShopScene();
    scene.nodeById.get('payments')!.stats = {
      ...scene.nodeById.get('payments')!.stats,
      anomaly: 'p95 2.3 s is 21× the usual 110 ms',
    };
    const overlay = paymentsBottleneckOverlay(scene, { nodes: { payments: ['Errors'] } });
    const ctx = createRecordingContext();
    drawWithBadges(ctx, scene, frameWith(overlay, scene));
    const texts = ctx.calls.filter((c) => c.name === 'fillText').map((c) => c.args[0]);
    expect(texts).toEqual(['bottleneck', '!', 'alert 1']);
    const empty = createRecordingContext();
    drawWithBadges(empty, scene, frameWith(undefined, scene));
    expect(empty.calls).toHaveLength(0);
  });

  it('fades the bottleneck outline like its edge when a selection leaves the edge out', () => {
    const scene = createShopScene();
    const overlay = paymentsBottleneckOverlay(scene);
    const outlineAlpha = (frame: FrameState) => {
      const ctx = createRecordingContext();
      drawInsight(ctx, scene, frame, []);
      const outline = ctx.calls.find((c) => c.name === 'stroke' && c.lineWidth === 14);
      expect(outline).toBeDefined();
      return outline!.alpha!;
    };
    const plain = outlineAlpha(frameWith(overlay, scene));
    const own = outlineAlpha({ ...frameWith(overlay, scene), highlight: highlightNode(scene, 'payments') });
    const other = outlineAlpha({ ...frameWith(overlay, scene), highlight: highlightNode(scene, 'shipping') });
    expect(own).toBe(plain);
    expect(other).toBeCloseTo(plain * DIMMED_ALPHA);
  });
});
