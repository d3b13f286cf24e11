import { Topology } from './topology';

/**
 * Call depth for the layered (left-to-right) layout: BFS distance from the entry points, i.e. nodes
 * nobody calls. Cycles cannot push a node deeper than its shortest route from an entry point.
 */
export function computeCallDepth(topology: Topology): Int32Array {
  const n = topology.ids.length;
  const depth = new Int32Array(n).fill(-1);
  const callees: number[][] = topology.ids.map(() => []);
  const incoming = new Int32Array(n);
  for (const [s, t] of topology.directed) {
    callees[s].push(t);
    incoming[t]++;
  }
  const queue: number[] = [];
  for (let i = 0; i < n; i++) {
    if (incoming[i] === 0) {
      depth[i] = 0;
      queue.push(i);
    }
  }
  const visit = () => {
    for (let head = 0; head < queue.length; head++) {
      const u = queue[head];
      for (const v of callees[u]) {
        if (depth[v] < 0) {
          depth[v] = depth[u] + 1;
          queue.push(v);
        }
      }
    }
  };
  visit();
  // Pure cycles have no entry point: start each from its first unvisited node.
  for (let i = 0; i < n; i++) {
    if (depth[i] < 0) {
      depth[i] = 0;
      queue.length = 0;
      queue.push(i);
      visit();
    }
  }
  return depth;
}
