import { createShopGraph } from '../testdata/shopGraph';
import { forceLayout } from './forceLayout';
import { WORKER_NODE_THRESHOLD } from './layoutConfig';
import { createLayoutRunner } from './layoutRunner';
import { LayoutRequest, LayoutResult } from './layoutTypes';

function bigRequest(): LayoutRequest {
  const nodes = Array.from({ length: WORKER_NODE_THRESHOLD }, (_, i) => ({ id: `n${i}` }));
  const edges = nodes.slice(1).map((n, i) => ({ source: nodes[i].id, target: n.id }));
  return { nodes, edges, mode: 'force' };
}

describe('createLayoutRunner', () => {
  it('lays out small graphs synchronously', () => {
    const graph = createShopGraph();
    const request: LayoutRequest = { nodes: graph.nodes.map((n) => ({ id: n.id })), edges: graph.edges, mode: 'force' };
    const results: LayoutResult[] = [];
    createLayoutRunner().run(request, (r) => results.push(r));
    expect(results).toHaveLength(1);
    expect(results[0].positions).toEqual(forceLayout(request).positions);
  });

  it('falls back to the calling thread when the worker cannot be created', () => {
    const results: LayoutResult[] = [];
    const runner = createLayoutRunner(() => {
      throw new Error('blocked by CSP');
    });
    runner.run(bigRequest(), (r) => results.push(r));
    expect(results).toHaveLength(1);
    expect(Object.keys(results[0].positions)).toHaveLength(WORKER_NODE_THRESHOLD);
  });
});
