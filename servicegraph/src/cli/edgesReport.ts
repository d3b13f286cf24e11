/**
 * Spans and dependency links of all input files → the CLI's report: one graph with node kinds and, per
 * edge, requests, failed and latency percentiles. Aggregation is servicegraph's edge window (mergeable
 * latency sketch); Jaeger dependency links carry counts only, so their latencies are 0.
 */
import type { ConnectionType, NodeKind } from '../types';
import type { DependencyLink } from '../parse/jaegerDependencies';
import type { SpanColumns } from '../parse/scan/spanColumns';
import { columnsToObservations } from '../derive/spansToObservations';
import { addEdgeAggregate, addObservation, createEdgeWindow, type EdgeWindow } from '../aggregate/edgeWindow';
import { windowToGraph } from '../aggregate/windowToGraph';

export interface EdgesReport {
  nodes: Array<{ id: string; kind: NodeKind }>;
  edges: Array<{
    source: string;
    target: string;
    connectionType: ConnectionType;
    requests: number;
    failed: number;
    p50Ms: number;
    p95Ms: number;
  }>;
}

export function buildEdgesReport(spans: SpanColumns, dependencies: readonly DependencyLink[]): EdgesReport {
  const window = createEdgeWindow();
  for (const observation of columnsToObservations(spans)) {
    addObservation(window, observation);
  }
  addDependencies(window, dependencies);

  let startMs = Infinity;
  let endMs = -Infinity;
  for (const stats of window.edges.values()) {
    startMs = Math.min(startMs, stats.firstSeenMs);
    endMs = Math.max(endMs, stats.lastSeenMs);
  }
  const graph = windowToGraph(window, {
    startMs: Number.isFinite(startMs) ? startMs : 0,
    endMs: Number.isFinite(endMs) ? endMs : 0,
  });
  return {
    nodes: graph.nodes.map((node) => ({ id: node.id, kind: node.kind })),
    edges: graph.edges.map((edge) => ({
      source: edge.source,
      target: edge.target,
      connectionType: edge.connectionType,
      requests: edge.requests,
      failed: edge.failed,
      p50Ms: roundMs(edge.p50Ms),
      p95Ms: roundMs(edge.p95Ms),
    })),
  };
}

/** Dependency links are already counted edges; duplicates (several files) add up. */
function addDependencies(window: EdgeWindow, dependencies: readonly DependencyLink[]): void {
  for (const link of dependencies) {
    addEdgeAggregate(window, {
      clientService: link.parent,
      serverService: link.child,
      connectionType: '',
      requests: link.callCount,
    });
  }
}

/** Microsecond resolution is all the sources carry. */
function roundMs(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
