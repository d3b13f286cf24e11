/**
 * The route of one request (issue 8): the hops of a trace in time order with their latency and status,
 * and how much of the trace's critical path each edge carries. The datasource adds it as a `route` frame
 * next to the Node Graph frames and highlights the critical edges, so the panel can overlay the path.
 */
import { DataFrame, FieldType } from '@grafana/data';

import { Span, buildTraceTree, edgeId, edgesOfNodes, spansToObservations, walkCriticalPath } from './servicegraph';

export const ROUTE_FRAME_NAME = 'route';

export interface RouteHop {
  step: number;
  traceId: string;
  edgeId: string;
  source: string;
  target: string;
  connectionType: string;
  startMs: number;
  latencyMs: number;
  failed: boolean;
}

export interface TraceRoute {
  hops: RouteHop[];
  /** Critical-path milliseconds per edge id (edges off the critical path are absent). */
  criticalMsByEdge: Map<string, number>;
}

export function spansToRoute(spans: readonly Span[]): TraceRoute {
  const hops = spansToObservations(spans)
    .sort((a, b) => a.timeMs - b.timeMs)
    .map((o, i) => ({
      step: i + 1,
      traceId: o.traceId,
      edgeId: edgeId(o),
      source: o.clientService,
      target: o.serverService,
      connectionType: o.connectionType,
      startMs: o.timeMs,
      latencyMs: o.latencyMs,
      failed: o.failed,
    }));
  const criticalMsByEdge = new Map<string, number>();
  for (const traceSpans of groupByTrace(spans)) {
    const tree = buildTraceTree(traceSpans);
    if (!tree) {
      continue;
    }
    const edges = edgesOfNodes(tree.nodes);
    walkCriticalPath(tree, (node, startMs, endMs) => {
      const edge = edges.get(node);
      if (edge) {
        const id = edgeId(edge.key);
        criticalMsByEdge.set(id, (criticalMsByEdge.get(id) ?? 0) + (endMs - startMs));
      }
    });
  }
  return { hops, criticalMsByEdge };
}

export function routeToFrame(route: TraceRoute, refId: string): DataFrame {
  const column = <T>(name: string, type: FieldType, pick: (hop: RouteHop) => T, unit?: string) => ({
    name,
    type,
    config: unit ? { unit } : {},
    values: route.hops.map(pick),
  });
  return {
    name: ROUTE_FRAME_NAME,
    refId,
    length: route.hops.length,
    meta: { preferredVisualisationType: 'table' },
    fields: [
      column('step', FieldType.number, (h) => h.step),
      column('trace_id', FieldType.string, (h) => h.traceId),
      column('edge_id', FieldType.string, (h) => h.edgeId),
      // Not `source`/`target`: frame readers take any frame with a `source` field for an edges frame.
      column('client_service', FieldType.string, (h) => h.source),
      column('server_service', FieldType.string, (h) => h.target),
      column('connection_type', FieldType.string, (h) => h.connectionType),
      column('start', FieldType.time, (h) => h.startMs),
      column('latency_ms', FieldType.number, (h) => h.latencyMs, 'ms'),
      column('failed', FieldType.boolean, (h) => h.failed),
      column('critical_ms', FieldType.number, (h) => route.criticalMsByEdge.get(h.edgeId) ?? 0, 'ms'),
    ],
  };
}

function groupByTrace(spans: readonly Span[]): Span[][] {
  const byTrace = new Map<string, Span[]>();
  for (const span of spans) {
    const list = byTrace.get(span.traceId) ?? [];
    list.push(span);
    byTrace.set(span.traceId, list);
  }
  return [...byTrace.values()];
}
