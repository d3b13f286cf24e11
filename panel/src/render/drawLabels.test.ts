import { createRecordingContext } from '../testdata/recordingContext';
import { createShopScene, paymentsBottleneckOverlay, testFrame } from '../testdata/shopScene';
import { drawFirstTitles, drawLabels, reserveNodes } from './drawLabels';
import { formatEdgeLabelForms } from './formatStats';
import { FrameState } from './frameState';
import { highlightNode } from './highlight';
import { drawAboveParticles } from './drawScene';
import { createLabelPlacer } from './labelPlacer';
import { Scene, SceneEdge } from './sceneTypes';
import { fitView } from './viewTransform';

/** The forms of the edge's label (full, short, shortest), whichever was drawn. */
function edgeTexts(edge: SceneEdge): string[] {
  return formatEdgeLabelForms(edge.stats, edge.health > 0);
}

function isLabelled(edge: SceneEdge, drawn: string[]): boolean {
  return edgeTexts(edge).some((t) => drawn.includes(t));
}

function texts(scene: Scene, frame: FrameState): string[] {
  const ctx = createRecordingContext();
  const placer = createLabelPlacer();
  reserveNodes(placer, scene, frame);
  drawLabels(ctx, scene, frame, placer, drawFirstTitles(ctx, scene, frame, placer));
  return ctx.calls.filter((c) => c.name === 'fillText').map((c) => String(c.args[0]));
}

/** A frame at the zoom where not every edge gets its stats (the fitted view of a normal map). */
function normalZoomFrame(scene: Scene, patch: Partial<FrameState> = {}): FrameState {
  const view = { ...fitView(scene.nodes, 1600, 1200), k: 1 };
  const frame = testFrame(view, 1600, 1200, patch);
  expect(frame.lod.edgeLabels).toBe(false);
  return frame;
}

describe('drawLabels', () => {
  it('shows the worst edges’ numbers at the normal zoom, not only on hover', () => {
    const scene = createShopScene();
    const frame = normalZoomFrame(scene);
    const drawn = texts(scene, frame);
    const worst = scene.edges[scene.edgeLabelOrder[0]];
    expect(worst.stats.source).toBe('checkout');
    expect(worst.stats.target).toBe('payments');
    expect(isLabelled(worst, drawn)).toBe(true);
    const labelled = scene.edges.filter((e) => isLabelled(e, drawn));
    expect(labelled.length).toBeLessThanOrEqual(frame.lod.worstEdgeLabels);
    // Healthy edges carry no numbers at this zoom (rates alone there would be noise).
    const healthy = scene.edges.filter(
      (e) => e.health < 1 && !labelled.some((l) => edgeTexts(l).some((t) => edgeTexts(e).includes(t)))
    );
    expect(healthy.length).toBeGreaterThan(2);
    expect(healthy.filter((e) => isLabelled(e, drawn))).toEqual([]);
  });

  it('shows the selected node’s edges where there is room (at least 3 in 4), and no other edge, at any zoom', () => {
    const scene = createShopScene();
    const highlight = highlightNode(scene, 'checkout');
    const frame = normalZoomFrame(scene, { highlight, selectedNodeId: 'checkout' });
    const drawn = texts(scene, frame);
    const own = scene.edges.filter((e) => highlight.edges.has(e.id));
    const placedOwn = own.filter((e) => isLabelled(e, drawn));
    expect(placedOwn.length).toBeGreaterThanOrEqual(Math.ceil(own.length * 0.75));
    const others = scene.edges.filter((e) => !highlight.edges.has(e.id));
    // Texts shared with an own edge (e.g. two edges at the same rate) prove nothing either way.
    const distinct = others.filter((e) => !own.some((o) => edgeTexts(o).some((t) => edgeTexts(e).includes(t))));
    expect(distinct.length).toBeGreaterThan(2);
    expect(distinct.filter((e) => isLabelled(e, drawn))).toEqual([]);
    expect(drawn[0]).toBe('checkout');
  });

  it('labels the hovered node before busier ones', () => {
    const scene = createShopScene();
    const quiet = scene.nodes[scene.labelOrder[scene.labelOrder.length - 1]];
    const drawn = texts(scene, normalZoomFrame(scene, { hoveredNodeId: quiet.id }));
    expect(drawn[0]).toBe(quiet.title);
  });

  it('always draws the selected node’s title, even where a badge and busier titles would take its place', () => {
    const scene = createShopScene();
    // Zoomed out so far that titles crowd each other, with the bottleneck badge on the payments edge.
    const fitted = fitView(scene.nodes, 420, 300);
    const overlay = paymentsBottleneckOverlay(scene, { nodes: { payments: ['Errors'] } });
    for (const selectedNodeId of ['payments', 'checkout', 'stripe']) {
      const frame = testFrame(fitted, 420, 300, {
        insight: overlay,
        selectedNodeId,
        highlight: highlightNode(scene, selectedNodeId),
      });
      const placer = createLabelPlacer();
      // Every usual spot around the node is taken before its title is tried: it is still drawn.
      const node = scene.nodeById.get(selectedNodeId)!;
      const [sx, sy] = [node.x * fitted.k + fitted.x, node.y * fitted.k + fitted.y];
      placer.reserve(sx - 200, sy - 200, 400, 400);
      const ctx = createRecordingContext();
      drawAboveParticles(ctx, scene, frame, placer);
      const drawn = ctx.calls.filter((c) => c.name === 'fillText').map((c) => String(c.args[0]));
      expect(drawn).toContain(selectedNodeId);
    }
  });

  it('places the selected title before the badges, so a badge never sits where the name goes', () => {
    const scene = createShopScene();
    const view = fitView(scene.nodes, 700, 450);
    const overlay = paymentsBottleneckOverlay(scene, {
      nodes: { payments: ['Errors', 'Latency'] },
      edges: { 'checkout->payments': ['Edge errors'] },
    });
    const frame = testFrame(view, 700, 450, {
      insight: overlay,
      selectedNodeId: 'payments',
      highlight: highlightNode(scene, 'payments'),
    });
    const ctx = createRecordingContext();
    const badges = drawAboveParticles(ctx, scene, frame, createLabelPlacer());
    expect(badges.length).toBeGreaterThan(0);
    const title = ctx.calls.find((c) => c.name === 'fillText' && c.args[0] === 'payments');
    expect(title).toBeDefined();
    const [x, top] = [Number(title!.args[1]), Number(title!.args[2]) - 1];
    const w = 'payments'.length * 11 * 0.58 + 4;
    for (const b of badges) {
      const apart = Math.abs(b.x - x) >= (b.w + w) / 2 || Math.abs(b.y - (top + 6.5)) >= (b.h + 13) / 2;
      expect(apart).toBe(true);
    }
  });

  it('tries unhealthy titles before busier healthy ones', () => {
    const scene = createShopScene();
    const view = fitView(scene.nodes, 900, 600);
    const busiest = scene.nodes[scene.labelOrder[0]];
    expect(busiest.health).toBeLessThan(1);
    const unhealthy = scene.nodes.filter((n) => n.health >= 1);
    expect(unhealthy.length).toBeGreaterThan(1);
    const base = testFrame(view, 900, 600);
    const frame = { ...base, lod: { ...base.lod, maxLabels: unhealthy.length } };
    const drawn = texts(scene, frame);
    // Critical first, then warnings; the busiest healthy service waits for room.
    expect(drawn[0]).toBe(unhealthy.find((n) => n.health === 2)!.title);
    expect(new Set(drawn.slice(0, unhealthy.length))).toEqual(new Set(unhealthy.map((n) => n.title)));
    expect(drawn).not.toContain(busiest.title);
  });
});
