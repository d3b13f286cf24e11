import { Topology } from './topology';

/**
 * Cold-start positions: a radial tree over BFS from the best-connected node of each component, every
 * component hung under one virtual centre. Neighbours start close, so the force phase only refines.
 */
export function placeRadialTree(topology: Topology, linkDistance: number): { xs: Float64Array; ys: Float64Array } {
  const n = topology.ids.length;
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  const parent = new Int32Array(n).fill(-2);
  const depth = new Int32Array(n);
  const order: number[] = [];
  const byDegree = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => topology.neighbours[b].length - topology.neighbours[a].length || a - b
  );
  for (const root of byDegree) {
    if (parent[root] !== -2) {
      continue;
    }
    parent[root] = -1;
    depth[root] = 1;
    order.push(root);
    for (let head = order.length - 1; head < order.length; head++) {
      const u = order[head];
      for (const v of topology.neighbours[u]) {
        if (parent[v] === -2) {
          parent[v] = u;
          depth[v] = depth[u] + 1;
          order.push(v);
        }
      }
    }
  }
  // Leaf counts bottom-up give each subtree an angular share proportional to its size.
  const weight = new Float64Array(n).fill(1);
  for (let k = order.length - 1; k >= 0; k--) {
    const u = order[k];
    if (parent[u] >= 0) {
      weight[parent[u]] += weight[u];
    }
  }
  // Each ring must be long enough for its nodes, or the force phase spends its ticks untangling.
  let maxDepth = 0;
  for (let i = 0; i < n; i++) {
    maxDepth = Math.max(maxDepth, depth[i]);
  }
  const perRing = new Int32Array(maxDepth + 1);
  for (let i = 0; i < n; i++) {
    perRing[depth[i]]++;
  }
  const ringRadius = new Float64Array(maxDepth + 1);
  for (let d = 1; d <= maxDepth; d++) {
    ringRadius[d] = Math.max(ringRadius[d - 1] + linkDistance, (perRing[d] * linkDistance * 0.7) / (2 * Math.PI));
  }
  const start = new Float64Array(n);
  const span = new Float64Array(n);
  const cursor = new Float64Array(n);
  let rootCursor = 0;
  for (const u of order) {
    const p = parent[u];
    if (p < 0) {
      span[u] = (2 * Math.PI * weight[u]) / n;
      start[u] = rootCursor;
      rootCursor += span[u];
    } else {
      span[u] = (span[p] * weight[u]) / Math.max(1, weight[p] - 1);
      start[u] = start[p] + cursor[p];
      cursor[p] += span[u];
    }
    const angle = start[u] + span[u] / 2;
    xs[u] = ringRadius[depth[u]] * Math.cos(angle);
    ys[u] = ringRadius[depth[u]] * Math.sin(angle);
  }
  return { xs, ys };
}
