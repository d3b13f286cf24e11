import { createRecordingContext } from '../testdata/recordingContext';
import { createShopScene, paymentsBottleneckOverlay, testFrame } from '../testdata/shopScene';
import { FrameState } from './frameState';
import { createLabelPlacer } from './labelPlacer';
import { PlacedBadge, placeInsightBadges } from './placeBadges';
import { Scene } from './sceneTypes';
import { highlightNode } from './highlight';
import { fitView } from './viewTransform';
import { reserveNodes } from './drawLabels';

function frameAt(scene: Scene, width: number, height: number, zoom = 1): FrameState {
  const fitted = fitView(scene.nodes, width, height);
  const view = {
    k: fitted.k * zoom,
    x: width / 2 - (width / 2 - fitted.x) * zoom,
    y: height / 2 - (height / 2 - fitted.y) * zoom,
  };
  const overlay = paymentsBottleneckOverlay(scene, {
    nodes: { payments: ['Errors', 'Latency'] },
    edges: { 'checkout->payments': ['Edge errors'] },
  });
  return testFrame(view, width, height, { insight: overlay });
}

function anomalousShop(): Scene {
  const scene = createShopScene();
  const payments = scene.nodeById.get('payments')!;
  payments.stats = { ...payments.stats, anomaly: 'p95 2.3 s is 21× the usual 110 ms' };
  return scene;
}

function overlaps(
  a: { x: number; y: number; w: number; h: number },
  b: { x: number; y: number; w: number; h: number }
): boolean {
  return Math.abs(a.x - b.x) < (a.w + b.w) / 2 && Math.abs(a.y - b.y) < (a.h + b.h) / 2;
}

function place(scene: Scene, frame: FrameState): PlacedBadge[] {
  const placer = createLabelPlacer();
  reserveNodes(placer, scene, frame);
  return placeInsightBadges(createRecordingContext(), scene, frame, placer);
}

describe('placeInsightBadges', () => {
  it('puts the alert, anomaly and bottleneck badges of one service side by side, off the nodes and inside the view', () => {
    const scene = anomalousShop();
    const frame = frameAt(scene, 800, 500);
    const badges = place(scene, frame);
    // The edge's alert may fall back to its short text on this short edge.
    const texts = badges.map((b) => b.text);
    expect(texts).toHaveLength(4);
    expect(texts).toEqual(
      expect.arrayContaining(['!', 'alert 2', 'bottleneck', expect.stringMatching(/^(alert )?1$/)])
    );
    for (let i = 0; i < badges.length; i++) {
      for (let j = i + 1; j < badges.length; j++) {
        expect(overlaps(badges[i], badges[j])).toBe(false);
      }
    }
    const { k, x: vx, y: vy } = frame.view;
    for (const node of scene.nodes) {
      const box = { x: node.x * k + vx, y: node.y * k + vy, w: 2 * node.radius * k, h: 2 * node.radius * k };
      expect(badges.filter((b) => overlaps(b, box))).toEqual([]);
    }
    for (const b of badges) {
      expect(b.x - b.w / 2).toBeGreaterThanOrEqual(0);
      expect(b.x + b.w / 2).toBeLessThanOrEqual(800);
    }
  });

  it('uses the short texts when zoomed out, and leaves a badge out rather than overlap', () => {
    const scene = anomalousShop();
    const far = frameAt(scene, 800, 500, 0.15);
    expect(place(scene, far).map((b) => b.text)).toEqual(expect.arrayContaining(['2', '!']));
    const full = createLabelPlacer();
    full.reserve(0, 0, 800, 500);
    expect(placeInsightBadges(createRecordingContext(), scene, frameAt(scene, 800, 500), full)).toEqual([]);
  });

  it('puts the bottleneck badge beside its edge, not on it, and dims badges outside a selection', () => {
    const scene = anomalousShop();
    const frame = frameAt(scene, 800, 500);
    const bottleneck = place(scene, frame).find((b) => b.kind === 'bottleneck')!;
    const edge = scene.edges.find((e) => e.id === 'checkout->payments')!;
    const { k, x: vx, y: vy } = frame.view;
    const [ax, ay, bx, by] = [edge.x1 * k + vx, edge.y1 * k + vy, edge.x2 * k + vx, edge.y2 * k + vy];
    const distance =
      Math.abs((bx - ax) * (ay - bottleneck.y) - (ax - bottleneck.x) * (by - ay)) / Math.hypot(bx - ax, by - ay);
    expect(distance).toBeGreaterThan(bottleneck.h / 2);
    expect(bottleneck.dimmed).toBe(false);
    const selected = { ...frame, highlight: highlightNode(scene, 'frontend') };
    const dimmed = place(scene, selected);
    expect(dimmed.find((b) => b.kind === 'bottleneck')?.dimmed).toBe(true);
    expect(dimmed.filter((b) => !b.dimmed)).toEqual([]);
  });
});
