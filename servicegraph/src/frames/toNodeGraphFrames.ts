import type { DataFrame } from '@grafana/data';

import type { Graph, GraphEdge, GraphNode } from '../types';
import {
  EDGES_FRAME_NAME,
  FIELD_TYPE,
  FIXED_COLOR_MODE,
  KOMPAS_FIELD,
  NODE_GRAPH_FIELD,
  NODES_FRAME_NAME,
} from './fieldNames';
import { buildFrame, detailColumns, kompasStatColumns, statColumns, type Column } from './frameColumns';
import { hasTraffic, healthColor, iconOf, subtitleOf, thicknessOf, type Stats } from './frameStyle';

export interface NodeGraphFramesOptions {
  /** refId of the query the frames answer. */
  refId?: string;
  /** Edge ids to draw highlighted (e.g. the route of a focused service). */
  highlightedEdgeIds?: Iterable<string>;
  /** Error rate (0..1) from which nodes and edges turn orange; default 0.01. */
  errorRateWarning?: number;
  /** Error rate (0..1) from which nodes and edges turn red; default 0.05. */
  errorRateCritical?: number;
}

/** The Node Graph `nodes` and `edges` frames for a graph, with Kompas's numeric fields added. */
export function toNodeGraphFrames(graph: Graph, options: NodeGraphFramesOptions = {}): DataFrame[] {
  const health = healthColor(options.errorRateWarning ?? 0.01, options.errorRateCritical ?? 0.05);
  const highlighted = new Set(options.highlightedEdgeIds ?? []);
  return [
    buildFrame(NODES_FRAME_NAME, graph.nodes, nodeColumns(graph.nodes, health), options.refId),
    buildFrame(EDGES_FRAME_NAME, graph.edges, edgeColumns(graph.edges, health, highlighted), options.refId),
  ];
}

function nodeColumns(nodes: GraphNode[], health: (stats: Stats) => string): Array<Column<GraphNode>> {
  const string = (name: string, value: (node: GraphNode) => string, displayName?: string): Column<GraphNode> => ({
    name,
    type: FIELD_TYPE.string,
    value,
    config: displayName ? { displayName } : {},
  });
  const arc = (name: string, value: (node: GraphNode) => number, displayName: string, fixedColor: string) => ({
    name: `${NODE_GRAPH_FIELD.arc}${name}`,
    type: FIELD_TYPE.number,
    value,
    config: { displayName, color: { mode: FIXED_COLOR_MODE, fixedColor } },
  });
  return [
    string(NODE_GRAPH_FIELD.id, (n) => n.id),
    string(NODE_GRAPH_FIELD.title, (n) => n.title, 'Service'),
    string(NODE_GRAPH_FIELD.subTitle, subtitleOf, 'Group'),
    ...statColumns<GraphNode>(),
    arc('success', (n) => (hasTraffic(n) ? 1 - n.errorRate : 0), 'Success', 'green'),
    arc('errors', (n) => (hasTraffic(n) ? n.errorRate : 0), 'Errors', 'red'),
    ...detailColumns<GraphNode>(),
    string(`${NODE_GRAPH_FIELD.detail}kind`, (n) => n.kind, 'Kind'),
    string(NODE_GRAPH_FIELD.color, health),
    string(NODE_GRAPH_FIELD.icon, iconOf),
    ...kompasStatColumns(nodes),
    string(KOMPAS_FIELD.group, (n) => n.group ?? ''),
    string(KOMPAS_FIELD.kind, (n) => n.kind),
    string(KOMPAS_FIELD.anomaly, (n) => n.anomaly ?? ''),
  ];
}

function edgeColumns(
  edges: GraphEdge[],
  health: (stats: Stats) => string,
  highlighted: Set<string>
): Array<Column<GraphEdge>> {
  const string = (name: string, value: (edge: GraphEdge) => string, displayName?: string): Column<GraphEdge> => ({
    name,
    type: FIELD_TYPE.string,
    value,
    config: displayName ? { displayName } : {},
  });
  return [
    string(NODE_GRAPH_FIELD.id, (e) => e.id),
    string(NODE_GRAPH_FIELD.source, (e) => e.source),
    string(NODE_GRAPH_FIELD.target, (e) => e.target),
    ...statColumns<GraphEdge>(),
    ...detailColumns<GraphEdge>(),
    string(`${NODE_GRAPH_FIELD.detail}connection_type`, (e) => e.connectionType || 'request', 'Connection'),
    { name: NODE_GRAPH_FIELD.thickness, type: FIELD_TYPE.number, value: (e) => thicknessOf(e.rate) },
    string(NODE_GRAPH_FIELD.color, health),
    { name: NODE_GRAPH_FIELD.highlighted, type: FIELD_TYPE.boolean, value: (e) => highlighted.has(e.id) },
    // Asynchronous hops are dashed, as in most architecture diagrams.
    string(NODE_GRAPH_FIELD.strokeDasharray, (e) => (e.connectionType === 'messaging_system' ? '6 3' : '')),
    ...kompasStatColumns(edges),
    string(KOMPAS_FIELD.connectionType, (e) => e.connectionType),
    string(KOMPAS_FIELD.exemplarTraceId, (e) => e.exemplarTraceId ?? ''),
    string(KOMPAS_FIELD.anomaly, (e) => e.anomaly ?? ''),
    ...lagColumns(edges),
  ];
}

/** Consumer lag only when some edge measured one, as with `mean`: request-only graphs keep their frame as it was. */
function lagColumns(edges: GraphEdge[]): Array<Column<GraphEdge>> {
  if (!edges.some((e) => e.lagP95Ms !== undefined)) {
    return [];
  }
  return [
    {
      name: KOMPAS_FIELD.lagP95,
      type: FIELD_TYPE.number,
      value: (e) => e.lagP95Ms ?? Number.NaN,
      config: { unit: 'ms', displayName: 'Consumer lag p95' },
    },
  ];
}
