import { createRecordingContext } from '../testdata/recordingContext';
import { createShopScene, testFrame } from '../testdata/shopScene';
import { drawLabels, reserveNodes } from './drawLabels';
import { formatEdgeLabelForms } from './formatStats';
import { FrameState } from './frameState';
import { highlightNode } from './highlight';
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
  drawLabels(ctx, scene, frame, placer);
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
});
