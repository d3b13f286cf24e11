import { buildInsightOverlay, InsightOverlay } from '../insight/insightOverlay';
import { forceLayout } from '../layout/forceLayout';
import { buildScene } from '../render/buildScene';
import { FrameState } from '../render/frameState';
import { levelOfDetail } from '../render/lod';
import { Scene, SceneTheme, ViewTransform } from '../render/sceneTypes';
import { visibleWorldRect } from '../render/viewTransform';
import { createShopGraph } from './shopGraph';

export const testTheme: SceneTheme = {
  health: ['green', 'orange', 'red'],
  idle: 'gray',
  nodeFill: 'black',
  text: 'white',
  textShadow: 'black',
  error: 'crimson',
  hull: 'blue',
  selection: 'cyan',
  fontFamily: 'sans-serif',
};

export const testHealthRules = { errorWarnPct: 1, errorCritPct: 5, latencyWarnMs: 300, latencyCritMs: 1000 };

/** The shop graph laid out and turned into a scene, for draw and hit-test tests. */
export function createShopScene(): Scene {
  const graph = createShopGraph();
  const { positions } = forceLayout({
    nodes: graph.nodes.map((n) => ({ id: n.id })),
    edges: graph.edges,
    mode: 'force',
  });
  return buildScene(graph, positions, { health: testHealthRules, hiddenKinds: [], pins: {} });
}

/** Alert rule names firing per node or edge id. */
export interface FiringNames {
  nodes?: Record<string, string[]>;
  edges?: Record<string, string[]>;
}

/** The payments incident's insight on the shop scene: checkout → payments is the bottleneck; `firing` alerts badged. */
export function paymentsBottleneckOverlay(scene: Scene, firing?: FiringNames): InsightOverlay {
  const badges = (names: Record<string, string[]> = {}) =>
    new Map(Object.entries(names).map(([id, list]) => [id, list.map((name) => ({ name }))]));
  return buildInsightOverlay(
    scene,
    undefined,
    { bottlenecks: new Map(), topBottleneckId: 'checkout->payments' },
    firing && { nodes: badges(firing.nodes), edges: badges(firing.edges) }
  );
}

/** A still frame (no animation, dpr 1, normal labels) of `view` in a width × height canvas; `patch` overrides. */
export function testFrame(
  view: ViewTransform,
  width: number,
  height: number,
  patch: Partial<FrameState> = {}
): FrameState {
  return {
    view,
    width,
    height,
    dpr: 1,
    timeSec: 0,
    animate: false,
    lod: levelOfDetail(view.k, 'normal'),
    labelDensity: 'normal',
    theme: testTheme,
    visible: visibleWorldRect(view, width, height),
    ...patch,
  };
}
