import type { DataFrame, Field, FieldConfig, FieldType } from '@grafana/data';

import type { Graph, GraphEdge, GraphNode, NodeKind } from '../types';
import {
  EDGES_FRAME_NAME,
  FIELD_TYPE,
  FIXED_COLOR_MODE,
  KOMPAS_FIELD,
  NODE_GRAPH_FIELD,
  NODE_GRAPH_VISUALISATION,
  NODES_FRAME_NAME,
} from './fieldNames';

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

/** Icons replace the stats inside a stock Node Graph circle, so only nodes without own stats get one. */
const ICONS: Partial<Record<NodeKind, string>> = { virtual: 'cloud', messaging: 'envelope' };

/** The Node Graph `nodes` and `edges` frames for a graph, with Kompas's numeric fields added. */
export function toNodeGraphFrames(graph: Graph, options: NodeGraphFramesOptions = {}): DataFrame[] {
  const health = healthColor(options.errorRateWarning ?? 0.01, options.errorRateCritical ?? 0.05);
  return [nodesFrame(graph.nodes, health, options.refId), edgesFrame(graph.edges, health, options)];
}

function nodesFrame(nodes: GraphNode[], health: (stats: Stats) => string, refId?: string) {
  const fields: Field[] = [
    field(
      NODE_GRAPH_FIELD.id,
      FIELD_TYPE.string,
      nodes.map((n) => n.id)
    ),
    field(
      NODE_GRAPH_FIELD.title,
      FIELD_TYPE.string,
      nodes.map((n) => n.title),
      { displayName: 'Service' }
    ),
    field(NODE_GRAPH_FIELD.subTitle, FIELD_TYPE.string, nodes.map(subtitleOf), { displayName: 'Group' }),
    ...statFields(nodes),
    field(
      `${NODE_GRAPH_FIELD.arc}success`,
      FIELD_TYPE.number,
      nodes.map((n) => (hasTraffic(n) ? 1 - n.errorRate : 0)),
      {
        displayName: 'Success',
        color: { mode: FIXED_COLOR_MODE, fixedColor: 'green' },
      }
    ),
    field(
      `${NODE_GRAPH_FIELD.arc}errors`,
      FIELD_TYPE.number,
      nodes.map((n) => (hasTraffic(n) ? n.errorRate : 0)),
      {
        displayName: 'Errors',
        color: { mode: FIXED_COLOR_MODE, fixedColor: 'red' },
      }
    ),
    ...detailFields(nodes),
    field(
      `${NODE_GRAPH_FIELD.detail}kind`,
      FIELD_TYPE.string,
      nodes.map((n) => n.kind),
      { displayName: 'Kind' }
    ),
    field(
      NODE_GRAPH_FIELD.color,
      FIELD_TYPE.string,
      nodes.map((n) => health(n))
    ),
    field(NODE_GRAPH_FIELD.icon, FIELD_TYPE.string, nodes.map(iconOf)),
    ...kompasStatFields(nodes),
    field(
      KOMPAS_FIELD.group,
      FIELD_TYPE.string,
      nodes.map((n) => n.group ?? '')
    ),
    field(
      KOMPAS_FIELD.kind,
      FIELD_TYPE.string,
      nodes.map((n) => n.kind)
    ),
  ];
  return frame(NODES_FRAME_NAME, fields, nodes.length, refId);
}

function edgesFrame(edges: GraphEdge[], health: (stats: Stats) => string, options: NodeGraphFramesOptions) {
  const highlighted = new Set(options.highlightedEdgeIds ?? []);
  const fields: Field[] = [
    field(
      NODE_GRAPH_FIELD.id,
      FIELD_TYPE.string,
      edges.map((e) => e.id)
    ),
    field(
      NODE_GRAPH_FIELD.source,
      FIELD_TYPE.string,
      edges.map((e) => e.source)
    ),
    field(
      NODE_GRAPH_FIELD.target,
      FIELD_TYPE.string,
      edges.map((e) => e.target)
    ),
    ...statFields(edges),
    ...detailFields(edges),
    field(
      `${NODE_GRAPH_FIELD.detail}connection_type`,
      FIELD_TYPE.string,
      edges.map((e) => e.connectionType || 'request'),
      {
        displayName: 'Connection',
      }
    ),
    field(
      NODE_GRAPH_FIELD.thickness,
      FIELD_TYPE.number,
      edges.map((e) => thicknessOf(e.rate))
    ),
    field(
      NODE_GRAPH_FIELD.color,
      FIELD_TYPE.string,
      edges.map((e) => health(e))
    ),
    field(
      NODE_GRAPH_FIELD.highlighted,
      FIELD_TYPE.boolean,
      edges.map((e) => highlighted.has(e.id))
    ),
    // Asynchronous hops are dashed, as in most architecture diagrams.
    field(
      NODE_GRAPH_FIELD.strokeDasharray,
      FIELD_TYPE.string,
      edges.map((e) => (e.connectionType === 'messaging_system' ? '6 3' : ''))
    ),
    ...kompasStatFields(edges),
    field(
      KOMPAS_FIELD.connectionType,
      FIELD_TYPE.string,
      edges.map((e) => e.connectionType)
    ),
    field(
      KOMPAS_FIELD.exemplarTraceId,
      FIELD_TYPE.string,
      edges.map((e) => e.exemplarTraceId ?? '')
    ),
  ];
  return frame(EDGES_FRAME_NAME, fields, edges.length, options.refId);
}

type Stats = GraphNode | GraphEdge;

function statFields(items: Stats[]): Field[] {
  return [
    field(
      NODE_GRAPH_FIELD.mainStat,
      FIELD_TYPE.number,
      items.map((s) => s.rate),
      {
        displayName: 'Requests per second',
        unit: 'reqps',
        decimals: 2,
      }
    ),
    field(
      NODE_GRAPH_FIELD.secondaryStat,
      FIELD_TYPE.number,
      items.map((s) => s.p95Ms),
      {
        displayName: 'p95 latency',
        unit: 'ms',
        decimals: 1,
      }
    ),
  ];
}

function detailFields(items: Stats[]): Field[] {
  const detail = (name: string, values: number[], config: FieldConfig) =>
    field(`${NODE_GRAPH_FIELD.detail}${name}`, FIELD_TYPE.number, values, config);
  return [
    detail(
      'requests',
      items.map((s) => s.requests),
      { displayName: 'Requests' }
    ),
    detail(
      'error_rate',
      items.map((s) => s.errorRate),
      { displayName: 'Error rate', unit: 'percentunit' }
    ),
    detail(
      'p50',
      items.map((s) => s.p50Ms),
      { displayName: 'p50 latency', unit: 'ms' }
    ),
    detail(
      'p99',
      items.map((s) => s.p99Ms),
      { displayName: 'p99 latency', unit: 'ms' }
    ),
  ];
}

function kompasStatFields(items: Stats[]): Field[] {
  const numeric = (name: string, values: number[], config: FieldConfig = {}) =>
    field(name, FIELD_TYPE.number, values, config);
  const fields = [
    numeric(
      KOMPAS_FIELD.requests,
      items.map((s) => s.requests)
    ),
    numeric(
      KOMPAS_FIELD.failed,
      items.map((s) => s.failed)
    ),
    numeric(
      KOMPAS_FIELD.rate,
      items.map((s) => s.rate),
      { unit: 'reqps' }
    ),
    numeric(
      KOMPAS_FIELD.errorRate,
      items.map((s) => s.errorRate),
      { unit: 'percentunit' }
    ),
    numeric(
      KOMPAS_FIELD.p50,
      items.map((s) => s.p50Ms),
      { unit: 'ms' }
    ),
    numeric(
      KOMPAS_FIELD.p95,
      items.map((s) => s.p95Ms),
      { unit: 'ms' }
    ),
    numeric(
      KOMPAS_FIELD.p99,
      items.map((s) => s.p99Ms),
      { unit: 'ms' }
    ),
  ];
  // Only foreign sources carry a mean; Kompas's own graphs keep the frame free of an all-empty column.
  if (items.some((s) => s.meanMs !== undefined)) {
    fields.push(
      numeric(
        KOMPAS_FIELD.mean,
        items.map((s) => s.meanMs ?? Number.NaN),
        { unit: 'ms' }
      )
    );
  }
  return fields;
}

function field<T>(name: string, type: FieldType, values: T[], config: FieldConfig = {}): Field<T> {
  return { name, type, values, config };
}

function frame(name: string, fields: Field[], length: number, refId?: string): DataFrame {
  return {
    name,
    ...(refId !== undefined ? { refId } : {}),
    fields,
    length,
    meta: { preferredVisualisationType: NODE_GRAPH_VISUALISATION },
  };
}

function subtitleOf(node: GraphNode): string {
  return node.group ?? (node.kind === 'service' ? '' : node.kind);
}

function iconOf(node: GraphNode): string {
  if (node.kind === 'virtual' && node.id === 'user') {
    return 'user';
  }
  return ICONS[node.kind] ?? '';
}

function hasTraffic({ requests, rate }: Pick<Stats, 'requests' | 'rate'>): boolean {
  return requests > 0 || rate > 0;
}

/** Edge width in px: logarithmic in the rate so a 1000 req/s edge does not hide a 1 req/s one. */
function thicknessOf(rate: number): number {
  return Math.min(8, 1 + 2 * Math.log10(1 + Math.max(0, rate)));
}

function healthColor(warning: number, critical: number) {
  return ({ requests, rate, errorRate }: Stats): string => {
    if (!hasTraffic({ requests, rate }) && errorRate === 0) {
      return 'gray';
    }
    if (errorRate >= critical) {
      return 'red';
    }
    return errorRate >= warning ? 'orange' : 'green';
  };
}
