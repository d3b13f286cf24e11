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
import { distanceToPolygon, hullNameSpots, isInsidePolygon } from './hullNameSpots';

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

  it('sit on their own hull (within its bounds, never inside another hull), every group named at the fit view', () => {
    const scene = groupedScene();
    for (const [width, height] of [
      [900, 600],
      [600, 400],
    ]) {
      const frame = frameWith(fitView(scene.nodes, width, height), width, height);
      const ctx = createRecordingContext();
      drawScene(ctx, scene, frame, createLabelPlacer());
      const { k, x: vx, y: vy } = frame.view;
      const polygons = new Map(
        scene.hulls.map((h) => [h.group, h.points.map(([x, y]): [number, number] => [x * k + vx, y * k + vy])])
      );
      const members = (group: string) => scene.nodes.filter((n) => n.group === group).length;
      const named = scene.hulls.filter((h) => members(h.group) >= 2);
      expect(named.length).toBeGreaterThan(1);
      const calls = ctx.calls.filter((c) => c.name === 'fillText' && polygons.has(String(c.args[0])));
      const drawn = calls.map((c) => String(c.args[0]));
      expect(named.filter((h) => !drawn.includes(h.group))).toEqual([]);
      for (const call of calls) {
        const group = String(call.args[0]);
        const own = polygons.get(group)!;
        // The text starts 4 px into its 12 px-high plate; its centre is what a reader ties to a hull.
        const w = ctx.measureText(group).width + 8;
        const [cx, cy] = [Number(call.args[1]) - 4 + w / 2, Number(call.args[2]) - 2 + 8];
        const xs = own.map((p) => p[0]);
        const ys = own.map((p) => p[1]);
        expect(cx).toBeGreaterThanOrEqual(Math.min(...xs));
        expect(cx).toBeLessThanOrEqual(Math.max(...xs));
        // Resting on the top outline at most: the box overlaps the hull.
        expect(cy).toBeGreaterThanOrEqual(Math.min(...ys) - 8);
        expect(cy).toBeLessThanOrEqual(Math.max(...ys) + 8);
        for (const [other, polygon] of polygons) {
          if (other !== group) {
            expect(isInsidePolygon(polygon, cx, cy)).toBe(false);
            expect(distanceToPolygon(polygon, cx, cy)).toBeGreaterThan(distanceToPolygon(own, cx, cy));
          }
        }
      }
    }
  });
});

describe('hullNameSpots', () => {
  const square: Array<[number, number]> = [
    [100, 100],
    [300, 100],
    [300, 300],
    [100, 300],
  ];
  const box = { w: 60, h: 16, width: 800, height: 600, margin: 4 };

  it('starts centred on the top edge, then goes down through the hull', () => {
    const spots = [...hullNameSpots(square, [], box)];
    // Resting on the top outline, 3 px into the hull.
    expect(spots[0]).toEqual([200 - 30, 100 - 16 + 3]);
    for (const [x, y] of spots) {
      expect(isInsidePolygon(square, x + 30, Math.min(Math.max(y + 8, 101), 299))).toBe(true);
    }
    expect(spots[spots.length - 1][1]).toBeGreaterThan(250);
  });

  it('skips spots inside another hull and keeps inside the panel', () => {
    const neighbour: Array<[number, number]> = [
      [150, 50],
      [350, 50],
      [350, 200],
      [150, 200],
    ];
    const spots = [...hullNameSpots(square, [neighbour], { ...box, width: 280 })];
    expect(spots.length).toBeGreaterThan(0);
    for (const [x, y] of spots) {
      expect(isInsidePolygon(neighbour, x + 30, y + 8)).toBe(false);
      expect(distanceToPolygon(neighbour, x + 30, y + 8)).toBeGreaterThan(distanceToPolygon(square, x + 30, y + 8));
      expect(x + 60).toBeLessThanOrEqual(276);
    }
  });
});
