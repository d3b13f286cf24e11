import { Topology } from './topology';

/** The call graph made acyclic for the layered layout: every call points from a column to a later one. */
export interface CallLayers {
  /** Column of each node: 0 for entry points (nodes nobody calls), then one further right per call. */
  depth: Int32Array;
  /** Calls as drawn left to right (cycles broken by turning their closing call around), each pair once. */
  calls: Array<[number, number]>;
}

/**
 * Calls that close a cycle, found by a depth-first walk from the entry points (then from the remaining nodes),
 * both in index order: the same graph always breaks its cycles at the same calls.
 */
function findCycleClosers(n: number, callees: number[][], roots: number[]): Set<number> {
  const state = new Uint8Array(n); // 0 unseen, 1 on the walk's stack, 2 done
  const closers = new Set<number>();
  const stack: number[] = [];
  const next: number[] = [];
  const walkFrom = (root: number) => {
    state[root] = 1;
    stack.push(root);
    next.push(0);
    while (stack.length > 0) {
      const top = stack.length - 1;
      const u = stack[top];
      if (next[top] >= callees[u].length) {
        state[u] = 2;
        stack.pop();
        next.pop();
        continue;
      }
      const v = callees[u][next[top]++];
      if (state[v] === 1) {
        closers.add(u * n + v);
      } else if (state[v] === 0) {
        state[v] = 1;
        stack.push(v);
        next.push(0);
      }
    }
  };
  for (const root of roots) {
    if (state[root] === 0) {
      walkFrom(root);
    }
  }
  for (let i = 0; i < n; i++) {
    if (state[i] === 0) {
      walkFrom(i);
    }
  }
  return closers;
}

/**
 * Longest-path columns put every node as far left as its callers allow; a node that calls more services than
 * call it is drawn shorter one column before its nearest callee (its calls shrink more than its callers' grow).
 * Reverse topological order moves callees first, so whole chains move together.
 */
function promoteTowardsCallees(depth: Int32Array, forward: number[][], topological: number[]): void {
  const callerCount = new Int32Array(depth.length);
  forward.forEach((list) => list.forEach((v) => callerCount[v]++));
  for (let k = topological.length - 1; k >= 0; k--) {
    const u = topological[k];
    if (forward[u].length <= callerCount[u]) {
      continue;
    }
    let nearest = Infinity;
    for (const v of forward[u]) {
      nearest = Math.min(nearest, depth[v]);
    }
    depth[u] = Math.max(depth[u], nearest - 1);
  }
}

/**
 * Columns for the layered (left-to-right) layout: cycles are broken deterministically, then each node goes
 * one column right of its deepest caller (longest path), so every call is drawn left to right and callers
 * never share a column with their callees.
 */
export function computeCallLayers(topology: Topology): CallLayers {
  const n = topology.ids.length;
  const callees: number[][] = topology.ids.map(() => []);
  const incoming = new Int32Array(n);
  for (const [s, t] of topology.directed) {
    callees[s].push(t);
    incoming[t]++;
  }
  callees.forEach((list) => list.sort((a, b) => a - b));
  const entries: number[] = [];
  for (let i = 0; i < n; i++) {
    if (incoming[i] === 0) {
      entries.push(i);
    }
  }
  const closers = findCycleClosers(n, callees, entries);
  const seen = new Set<number>();
  const calls: Array<[number, number]> = [];
  const forward: number[][] = topology.ids.map(() => []);
  const indegree = new Int32Array(n);
  for (const [s, t] of topology.directed) {
    const [a, b] = closers.has(s * n + t) ? [t, s] : [s, t];
    if (!seen.has(a * n + b)) {
      seen.add(a * n + b);
      calls.push([a, b]);
      forward[a].push(b);
      indegree[b]++;
    }
  }
  // Longest path over the acyclic calls (Kahn's order).
  const depth = new Int32Array(n);
  const queue: number[] = [];
  for (let i = 0; i < n; i++) {
    if (indegree[i] === 0) {
      queue.push(i);
    }
  }
  for (let head = 0; head < queue.length; head++) {
    const u = queue[head];
    for (const v of forward[u]) {
      depth[v] = Math.max(depth[v], depth[u] + 1);
      if (--indegree[v] === 0) {
        queue.push(v);
      }
    }
  }
  promoteTowardsCallees(depth, forward, queue);
  return { depth, calls };
}
