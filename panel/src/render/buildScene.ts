import type { Graph, GraphNode, NodeKind } from '../../../servicegraph/src/types';
import type { PositionMap } from '../layout/layoutTypes';
import { placeEdge } from './edgeGeometry';
import { buildGroupHulls } from './groupHulls';
import { classifyStatsHealth, HealthRules } from './health';
import { Scene, SceneEdge, SceneHull, SceneNode } from './sceneTypes';

export interface SceneOptions {
  health: HealthRules;
  hiddenKinds: readonly NodeKind[];
  /** Group of each node for hulls (by node id); absent = no hulls. */
  groups?: ReadonlyMap<string, string>;
  /** Hull colours, one per group in name order (so the same groups keep their colours); cycled when short. */
  groupColors?: readonly string[];
  pins: PositionMap;
  /** Edge rules when edges have thresholds of their own (a per-frame override); default `health`. */
  edgeHealth?: HealthRules;
  /** Node radius by what the panel sizes nodes by; default by request rate. */
  nodeRadius?: (node: GraphNode) => number;
}

export const MIN_NODE_RADIUS = 8;
export const MAX_NODE_RADIUS = 26;
const MIN_EDGE_WIDTH = 1;
const MAX_EDGE_WIDTH = 7;
const MAX_PARTICLES_PER_EDGE = 6;
/** Speed (world units/s) × p95 ms: a 25 ms edge runs at the cap, a 1 s edge crawls at 6 units/s. */
const SPEED_LATENCY_PRODUCT = 6000;

/** Node radius by traffic (square root: area ∝ rate), shared with the layout so collision matches drawing. */
export function radiusForRate(rate: number, maxRate: number): number {
  if (!(maxRate > 0) || !(rate > 0)) {
    return MIN_NODE_RADIUS;
  }
  return MIN_NODE_RADIUS + (MAX_NODE_RADIUS - MIN_NODE_RADIUS) * Math.sqrt(Math.min(1, rate / maxRate));
}

export function particleSpeedForLatency(p95Ms: number): number {
  return Math.min(240, Math.max(6, SPEED_LATENCY_PRODUCT / Math.max(1, p95Ms)));
}

/** Nodes that are drawn: the hidden kinds filtered out. */
export function visibleGraph(graph: Graph, hiddenKinds: readonly NodeKind[]): Graph {
  if (hiddenKinds.length === 0) {
    return graph;
  }
  const nodes = graph.nodes.filter((n) => !hiddenKinds.includes(n.kind));
  const ids = new Set(nodes.map((n) => n.id));
  return { nodes, edges: graph.edges.filter((e) => ids.has(e.source) && ids.has(e.target)) };
}

function buildHulls(nodes: SceneNode[], colors: readonly string[]): SceneHull[] {
  const hulls = buildGroupHulls(nodes.flatMap((node) => (node.group ? [{ ...node, group: node.group }] : [])));
  return Array.from(hulls.keys())
    .sort()
    .map((group, i) => ({
      group,
      color: colors.length > 0 ? colors[i % colors.length] : undefined,
      points: hulls.get(group) ?? [],
    }));
}

/** Graph + positions -> drawable scene. Pure: a new scene for every data or layout change. */
export function buildScene(graph: Graph, positions: PositionMap, options: SceneOptions): Scene {
  const { nodes: graphNodes, edges: graphEdges } = visibleGraph(graph, options.hiddenKinds);
  const maxNodeRate = Math.max(0, ...graphNodes.map((n) => n.rate));
  const nodes: SceneNode[] = [];
  const nodeById = new Map<string, SceneNode>();
  for (const stats of graphNodes) {
    const position = positions[stats.id];
    if (!position) {
      continue;
    }
    const node: SceneNode = {
      id: stats.id,
      title: stats.title || stats.id,
      kind: stats.kind,
      group: options.groups?.get(stats.id),
      x: position.x,
      y: position.y,
      radius: options.nodeRadius?.(stats) ?? radiusForRate(stats.rate, maxNodeRate),
      health: classifyStatsHealth(stats, options.health),
      errorShare: Math.min(1, Math.max(0, stats.errorRate || 0)),
      pinned: options.pins[stats.id] !== undefined,
      stats,
    };
    nodes.push(node);
    nodeById.set(node.id, node);
  }
  const maxEdgeRate = Math.max(0, ...graphEdges.map((e) => e.rate));
  const pairs = new Set(graphEdges.map((e) => `${e.source}\u0000${e.target}`));
  const edges: SceneEdge[] = [];
  for (const stats of graphEdges) {
    const source = nodeById.get(stats.source);
    const target = nodeById.get(stats.target);
    if (!source || !target || source === target) {
      continue;
    }
    const share = maxEdgeRate > 0 ? Math.sqrt(Math.max(0, stats.rate) / maxEdgeRate) : 0;
    const edge: SceneEdge = {
      id: stats.id,
      source,
      target,
      width: MIN_EDGE_WIDTH + (MAX_EDGE_WIDTH - MIN_EDGE_WIDTH) * share,
      health: classifyStatsHealth(stats, options.edgeHealth ?? options.health),
      bend: pairs.has(`${stats.target}\u0000${stats.source}`) ? 1 : 0,
      x1: 0,
      y1: 0,
      cx: 0,
      cy: 0,
      x2: 0,
      y2: 0,
      length: 1,
      minX: 0,
      minY: 0,
      maxX: 0,
      maxY: 0,
      particleCount: stats.rate > 0 ? Math.max(1, Math.round(MAX_PARTICLES_PER_EDGE * share)) : 0,
      particleSpeed: particleSpeedForLatency(stats.p95Ms),
      stats,
    };
    placeEdge(edge);
    edges.push(edge);
  }
  const labelOrder = nodes.map((_, i) => i).sort((a, b) => nodes[b].stats.rate - nodes[a].stats.rate || a - b);
  const edgeLabelOrder = edges
    .map((_, i) => i)
    .sort((a, b) => {
      const x = edges[a];
      const y = edges[b];
      return y.health - x.health || y.stats.errorRate - x.stats.errorRate || y.stats.rate - x.stats.rate || a - b;
    });
  return {
    nodes,
    edges,
    nodeById,
    labelOrder,
    edgeLabelOrder,
    hulls: options.groups ? buildHulls(nodes, options.groupColors ?? []) : [],
  };
}
