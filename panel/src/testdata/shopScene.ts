import { forceLayout } from '../layout/forceLayout';
import { buildScene } from '../render/buildScene';
import { Scene, SceneTheme } from '../render/sceneTypes';
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
  const { positions } = forceLayout({ nodes: graph.nodes.map((n) => ({ id: n.id })), edges: graph.edges, mode: 'force' });
  return buildScene(graph, positions, { health: testHealthRules, hiddenKinds: [], pins: {} });
}
