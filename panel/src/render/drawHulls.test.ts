import { createShopGraph } from '../testdata/shopGraph';
import { createRecordingContext } from '../testdata/recordingContext';
import { testHealthRules, testFrame } from '../testdata/shopScene';
import { forceLayout } from '../layout/forceLayout';
import { buildScene } from './buildScene';
import { drawHullNames } from './drawHulls';
import { drawScene } from './drawScene';
import { FrameState } from './frameState';
import { createLabelPlacer } from './labelPlacer';
import { reserveNodes } from './drawLabels';
import { Scene, ViewTransform } from './sceneTypes';
import { fitView } from './viewTransform';

function groupedScene(): Scene {
  const graph = createShopGraph();
  const { positions } = forceLayout({
    nodes: graph.nodes.map((n) => ({ id: n.id, group: n.group })),
    edges: graph.edges,
    mode: 'force',
  });
  const groups = new Map(graph.nodes.filter((n) => n.group).map((n) => [n.id, n.group as string]));
  return buildScene(graph, positions, { health: testHealthRules, hiddenKinds: [], pins: {}, groups });
}

function frameWith(view: ViewTransform, width: number, height: number): FrameState {
  return testFrame(view, width, height);
}

describe('group names', () => {
  it('are drawn after the nodes and labels, on top, away from every node', () => {
    const scene = groupedScene();
    const frame = frameWith(fitView(scene.nodes, 900, 600), 900, 600);
    const ctx = createRecordingContext();
    drawScene(ctx, scene, frame, createLabelPlacer());
    const names = new Set(scene.hulls.map((h) => h.group));
    expect(names.size).toBeGreaterThan(1);
    const texts = ctx.calls.filter((c) => c.name === 'fillText');
    const nameCalls = texts.filter((c) => names.has(String(c.args[0])));
    expect(nameCalls.length).toBe(names.size);
    const lastNodeShape = ctx.calls.map((c) => c.name).lastIndexOf('arc');
    expect(ctx.calls.indexOf(nameCalls[0])).toBeGreaterThan(lastNodeShape);
    const { k, x: vx, y: vy } = frame.view;
    for (const call of nameCalls) {
      const [x, y] = [Number(call.args[1]), Number(call.args[2])];
      for (const node of scene.nodes) {
        const [sx, sy, r] = [node.x * k + vx, node.y * k + vy, node.radius * k];
        const inside =
          sx + r > x - 4 && sx - r < x + 6 * String(call.args[0]).length + 4 && sy + r > y - 2 && sy - r < y + 14;
        expect(inside).toBe(false);
      }
    }
  });

  it('stay inside the view when a hull runs off the panel', () => {
    const scene = groupedScene();
    const fitted = fitView(scene.nodes, 900, 600);
    // Zoomed in 3× around the centre: the hulls run off the edges of the panel.
    const view = { k: fitted.k * 3, x: 450 - (450 - fitted.x) * 3, y: 300 - (300 - fitted.y) * 3 };
    const offPanel = scene.hulls.some((h) =>
      h.points.some(
        ([x, y]) =>
          x * view.k + view.x < 0 || x * view.k + view.x > 900 || y * view.k + view.y < 0 || y * view.k + view.y > 600
      )
    );
    expect(offPanel).toBe(true);
    const placer = createLabelPlacer();
    const frame = frameWith(view, 900, 600);
    reserveNodes(placer, scene, frame);
    const ctx = createRecordingContext();
    const drawn = drawHullNames(ctx, scene, frame, placer);
    expect(drawn).toBeGreaterThan(0);
    for (const call of ctx.calls.filter((c) => c.name === 'fillRect')) {
      const [x, y, w, h] = call.args.map(Number);
      expect(x).toBeGreaterThanOrEqual(0);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(x + w).toBeLessThanOrEqual(900);
      expect(y + h).toBeLessThanOrEqual(600);
    }
  });
});
