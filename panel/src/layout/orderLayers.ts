import { CallLayers } from './callDepth';

/** Down-and-up barycentre sweeps: a few suffice, later ones rarely remove a crossing. */
const SWEEP_ROUNDS = 6;
/** Passes of adjacent swaps after each sweep round. */
const TRANSPOSE_PASSES = 4;

/**
 * Virtual nodes allowed per real node. Deep graphs with many long calls (hundreds of columns) would need
 * hundreds of thousands; beyond this their long calls join their ends directly (coarser, but linear time).
 */
const VIRTUAL_PER_NODE = 8;

/**
 * The layered graph of the Sugiyama method: real nodes first (0..n-1), then one virtual node per column a long
 * call passes through, so every link joins neighbouring columns and crossings can be counted per column pair.
 */
interface LayeredGraph {
  layers: number[][];
  layerOf: number[];
  up: number[][];
  down: number[][];
}

function buildLayeredGraph(n: number, { depth, calls }: CallLayers): LayeredGraph {
  const up: number[][] = Array.from({ length: n }, () => []);
  const down: number[][] = Array.from({ length: n }, () => []);
  const layerOf: number[] = Array.from(depth);
  const link = (a: number, b: number) => {
    down[a].push(b);
    up[b].push(a);
  };
  const virtualNeeded = calls.reduce((sum, [s, t]) => sum + depth[t] - depth[s] - 1, 0);
  const withVirtual = virtualNeeded <= VIRTUAL_PER_NODE * Math.max(n, 100);
  for (const [s, t] of calls) {
    let from = s;
    for (let layer = depth[s] + 1; withVirtual && layer < depth[t]; layer++) {
      const dummy = up.length;
      up.push([]);
      down.push([]);
      layerOf.push(layer);
      link(from, dummy);
      from = dummy;
    }
    link(from, t);
  }
  const layerCount = n === 0 ? 0 : Math.max(...depth) + 1;
  const layers: number[][] = Array.from({ length: layerCount }, () => []);
  // Index order (ids sorted in a cold layout; virtual nodes in call order): the naive starting order.
  layerOf.forEach((layer, v) => layers[layer].push(v));
  return { layers, layerOf, up, down };
}

/** Crossings between two neighbouring columns: inversions of the lower ends, counted with a Fenwick tree. */
function countLayerCrossings(graph: LayeredGraph, l: number, pos: Int32Array): number {
  const lowerSize = graph.layers[l + 1].length;
  const ends: number[] = [];
  for (const u of graph.layers[l]) {
    // Long calls joined directly (no virtual nodes) are not counted.
    const lower = graph.down[u]
      .filter((w) => graph.layerOf[w] === l + 1)
      .map((w) => pos[w])
      .sort((a, b) => a - b);
    ends.push(...lower);
  }
  const tree = new Int32Array(lowerSize + 1);
  let crossings = 0;
  let seen = 0;
  for (const end of ends) {
    let notAfter = 0;
    for (let i = end + 1; i > 0; i -= i & -i) {
      notAfter += tree[i];
    }
    crossings += seen - notAfter;
    seen++;
    for (let i = end + 1; i <= lowerSize; i += i & -i) {
      tree[i]++;
    }
  }
  return crossings;
}

function countCrossings(graph: LayeredGraph, pos: Int32Array): number {
  let total = 0;
  for (let l = 0; l + 1 < graph.layers.length; l++) {
    total += countLayerCrossings(graph, l, pos);
  }
  return total;
}

/** Reorders one column by the mean position of each node's neighbours in the fixed column; ties by index. */
function sortByBarycentre(layer: number[], neighbours: number[][], pos: Int32Array): void {
  const key = new Map<number, number>();
  for (const v of layer) {
    const list = neighbours[v];
    key.set(v, list.length === 0 ? pos[v] : list.reduce((sum, u) => sum + pos[u], 0) / list.length);
  }
  layer.sort((a, b) => (key.get(a) ?? 0) - (key.get(b) ?? 0) || a - b);
  layer.forEach((v, i) => (pos[v] = i));
}

/** Crossings among the links of u and of v to one neighbouring column if u is drawn above v. */
function pairCrossings(u: number, v: number, neighbours: number[][], pos: Int32Array): number {
  let count = 0;
  for (const a of neighbours[u]) {
    for (const b of neighbours[v]) {
      if (pos[a] > pos[b]) {
        count++;
      }
    }
  }
  return count;
}

/** Swaps neighbours in a column while that removes crossings (the transpose step), a bounded number of passes. */
function transposeNeighbours(graph: LayeredGraph, pos: Int32Array): void {
  for (let pass = 0; pass < TRANSPOSE_PASSES; pass++) {
    let improved = false;
    for (const layer of graph.layers) {
      for (let i = 0; i + 1 < layer.length; i++) {
        const u = layer[i];
        const v = layer[i + 1];
        const kept = pairCrossings(u, v, graph.up, pos) + pairCrossings(u, v, graph.down, pos);
        const swapped = pairCrossings(v, u, graph.up, pos) + pairCrossings(v, u, graph.down, pos);
        if (swapped < kept) {
          layer[i] = v;
          layer[i + 1] = u;
          pos[v] = i;
          pos[u] = i + 1;
          improved = true;
        }
      }
    }
    if (!improved) {
      return;
    }
  }
}

/**
 * The order of the real nodes within each column: barycentre sweeps over the topology alone (no sizes, no
 * rates), keeping the order with the fewest crossings, so the same calls always give the same flow diagram.
 */
export function orderLayers(n: number, callLayers: CallLayers): number[][] {
  const graph = buildLayeredGraph(n, callLayers);
  const pos = new Int32Array(graph.up.length);
  graph.layers.forEach((layer) => layer.forEach((v, i) => (pos[v] = i)));
  let best = graph.layers.map((layer) => layer.slice());
  let bestCrossings = countCrossings(graph, pos);
  for (let round = 0; round < SWEEP_ROUNDS && bestCrossings > 0; round++) {
    for (let l = 1; l < graph.layers.length; l++) {
      sortByBarycentre(graph.layers[l], graph.up, pos);
    }
    for (let l = graph.layers.length - 2; l >= 0; l--) {
      sortByBarycentre(graph.layers[l], graph.down, pos);
    }
    transposeNeighbours(graph, pos);
    const crossings = countCrossings(graph, pos);
    if (crossings < bestCrossings) {
      bestCrossings = crossings;
      best = graph.layers.map((layer) => layer.slice());
    }
  }
  return best.map((layer) => layer.filter((v) => v < n));
}
