import type { Graph, GraphEdge, GraphNode, NodeKind } from '../types';
import type { EdgeStats, EdgeWindow } from './edgeWindow';
import { createLatencySketch, mergeSketchInto, quantile, type LatencySketch } from './latencySketch';
import { inferNodeKinds } from './nodeKinds';
import { ownValue } from './ownValue';

export interface GraphRange {
  /** The window the statistics cover, ms since the Unix epoch; rates are requests / (endMs - startMs). */
  startMs: number;
  endMs: number;
  /** Group (service.namespace, domain, ...) per node id. */
  groups?: Record<string, string>;
  /** Kinds that override the inferred ones (e.g. from configuration). */
  nodeKinds?: Record<string, NodeKind>;
}

/** The graph of a window: edges sorted by id, nodes by id, statistics per edge and per serving node. */
export function windowToGraph(window: EdgeWindow, range: GraphRange): Graph {
  const seconds = (range.endMs - range.startMs) / 1000;
  const stats = [...window.edges.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const edges = stats.map(([id, edge]) => toGraphEdge(id, edge, seconds));

  const kinds = inferNodeKinds(
    stats.map(([, edge]) => edge),
    range.nodeKinds
  );
  const served = new Map<string, { requests: number; failed: number; latency: LatencySketch }>();
  for (const name of kinds.keys()) {
    served.set(name, { requests: 0, failed: 0, latency: createLatencySketch() });
  }
  for (const [, edge] of stats) {
    const target = served.get(edge.serverService);
    if (target) {
      target.requests += edge.requests;
      target.failed += edge.failed;
      mergeSketchInto(target.latency, edge.latency);
    }
  }

  const nodes: GraphNode[] = [...served.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, node]) => {
      const group = ownValue(range.groups, id);
      return {
        id,
        title: id,
        kind: kinds.get(id) ?? 'service',
        ...(group !== undefined ? { group } : {}),
        requests: node.requests,
        failed: node.failed,
        rate: ratePerSecond(node.requests, seconds),
        errorRate: node.requests > 0 ? node.failed / node.requests : 0,
        p50Ms: quantile(node.latency, 0.5),
        p95Ms: quantile(node.latency, 0.95),
        p99Ms: quantile(node.latency, 0.99),
      };
    });
  return { nodes, edges };
}

function toGraphEdge(id: string, edge: EdgeStats, seconds: number): GraphEdge {
  return {
    id,
    source: edge.clientService,
    target: edge.serverService,
    connectionType: edge.connectionType,
    requests: edge.requests,
    failed: edge.failed,
    rate: ratePerSecond(edge.requests, seconds),
    errorRate: edge.requests > 0 ? edge.failed / edge.requests : 0,
    p50Ms: quantile(edge.latency, 0.5),
    p95Ms: quantile(edge.latency, 0.95),
    p99Ms: quantile(edge.latency, 0.99),
    ...(edge.exemplar ? { exemplarTraceId: edge.exemplar.traceId } : {}),
    ...(edge.lag && edge.lag.count > 0 ? { lagP95Ms: quantile(edge.lag, 0.95) } : {}),
  };
}

/** Requests per second; 0 for an empty or inverted range instead of Infinity/NaN. */
function ratePerSecond(requests: number, seconds: number): number {
  return seconds > 0 ? requests / seconds : 0;
}
