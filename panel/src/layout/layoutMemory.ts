import type { GraphEdge, GraphNode } from '../../../servicegraph/src/types';
import { radiusForRate } from '../render/buildScene';
import { LayoutInputEdge, LayoutMode, LayoutRequest, LayoutResult, PositionMap, PreviousLayout } from './layoutTypes';
import { edgeKey } from './topology';

/**
 * Nodes and edges that left the graph are remembered up to this many (or as many as the graph has now, if
 * more), oldest forgotten first: enough for a short window's comings and goings, bounded for long sessions.
 */
const MIN_DEPARTED_REMEMBERED = 1000;

/** What the layout needs of a graph: ids and traffic (node size). */
export interface LayoutGraph {
  nodes: ReadonlyArray<Pick<GraphNode, 'id' | 'rate'>>;
  edges: ReadonlyArray<Pick<GraphEdge, 'source' | 'target'>>;
}

/** The groups the panel draws as hulls (readNodeGroups) and the option field they come from. */
export interface NodeGrouping {
  field: string;
  groups?: ReadonlyMap<string, string>;
}

/**
 * The layout request for a graph, warm-started from what the panel remembers. Nodes are grouped as the hulls
 * are (the panel's grouping field), so the layout clusters what the hulls enclose.
 */
export function toLayoutRequest(
  graph: LayoutGraph,
  mode: LayoutMode,
  pins: PositionMap,
  previous?: PreviousLayout,
  grouping?: NodeGrouping
): LayoutRequest {
  const maxRate = Math.max(0, ...graph.nodes.map((n) => n.rate));
  const groups = grouping?.groups;
  return {
    nodes: graph.nodes.map((n) => ({ id: n.id, group: groups?.get(n.id), radius: radiusForRate(n.rate, maxRate) })),
    edges: graph.edges.map((e) => ({ source: e.source, target: e.target })),
    mode,
    pins,
    previous,
    grouping: grouping?.field ?? '',
  };
}

/**
 * The base of the next warm start after a layout result: the new positions and edges, plus the remembered ones
 * of nodes and edges that are not in this graph (so a service that drops out for a tick comes back to its
 * place instead of being placed afresh, and a returning call is not mistaken for a new one).
 */
export function rememberLayoutResult(
  previous: PreviousLayout | undefined,
  request: LayoutRequest,
  result: LayoutResult
): PreviousLayout {
  const positions: PositionMap = {};
  const current = Object.keys(result.positions);
  const departedIds = Object.keys(previous?.positions ?? {}).filter((id) => !(id in result.positions));
  for (const id of departedIds.slice(-Math.max(MIN_DEPARTED_REMEMBERED, current.length))) {
    positions[id] = (previous as PreviousLayout).positions[id];
  }
  Object.assign(positions, result.positions);

  const currentKeys = new Set(request.edges.map(edgeKey));
  const departedEdges: LayoutInputEdge[] = [];
  for (const edge of previous?.edges ?? []) {
    const key = edgeKey(edge);
    if (!currentKeys.has(key)) {
      currentKeys.add(key);
      departedEdges.push(edge);
    }
  }
  const edges = [...departedEdges.slice(-Math.max(MIN_DEPARTED_REMEMBERED, request.edges.length)), ...request.edges];
  const columnGap = result.columnGap ?? previous?.columnGap;
  return columnGap === undefined
    ? { positions, edges, grouping: request.grouping }
    : { positions, edges, grouping: request.grouping, columnGap };
}

/** Whether `next` only adds nodes and edges to `previous` (what a stream's backfill does), removing none. */
export function isGrowthOf(
  previous: Pick<LayoutRequest, 'nodes' | 'edges'>,
  next: Pick<LayoutRequest, 'nodes' | 'edges'>
): boolean {
  const nodes = new Set(next.nodes.map((n) => n.id));
  const edges = new Set(next.edges.map(edgeKey));
  return previous.nodes.every((n) => nodes.has(n.id)) && previous.edges.every((e) => edges.has(edgeKey(e)));
}

/** Steps of the panel's aspect the layered layout follows: finer steps would lay the map out again on every drag. */
const ASPECT_STEP = 0.25;
const MIN_ASPECT = 0.5;
const MAX_ASPECT = 4;

/** The panel's width / height in steps of 0.25 (0.5 to 4); undefined for a panel not measured yet. */
export function quantiseViewAspect(width: number, height: number): number | undefined {
  if (!(width > 0) || !(height > 0)) {
    return undefined;
  }
  const aspect = Math.round(width / height / ASPECT_STEP) * ASPECT_STEP;
  return Math.min(MAX_ASPECT, Math.max(MIN_ASPECT, aspect));
}

/**
 * Whether `next` must be laid out from scratch rather than warm from the remembered map: a pin was removed
 * (reset or unpinned), so the freed nodes go back where the seeded layout puts them, the same map a fresh
 * load draws; or the layered diagram is to fit another panel shape.
 */
export function needsFreshLayout(
  last: Pick<LayoutRequest, 'pins' | 'viewAspect' | 'mode'> | undefined,
  next: Pick<LayoutRequest, 'pins' | 'viewAspect' | 'mode'>
): boolean {
  if (!last || last.mode !== next.mode) {
    return false;
  }
  const pins = next.pins ?? {};
  const unpinned = Object.keys(last.pins ?? {}).some((id) => !(id in pins));
  return unpinned || (next.mode === 'layered' && last.viewAspect !== next.viewAspect);
}
