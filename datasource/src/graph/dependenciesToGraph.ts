import { JaegerDependencyLink } from '../jaeger/jaegerClient';
import { Graph, createEdgeWindow, createLatencySketch, edgeId, windowToGraph } from './servicegraph';

/**
 * Jaeger's /api/dependencies gives call counts only (no latency, no failures): each link becomes an
 * edge window entry with `callCount` requests and an empty latency sketch, so the servicegraph rules
 * (node kinds, rates over the range, stable ids) apply exactly as for trace-derived edges.
 */
export function dependenciesToGraph(links: JaegerDependencyLink[], startMs: number, endMs: number): Graph {
  const window = createEdgeWindow();
  for (const link of links) {
    const key = { clientService: link.parent, serverService: link.child, connectionType: '' as const };
    const id = edgeId(key);
    const existing = window.edges.get(id);
    const requests = Math.max(0, Math.floor(link.callCount)) + (existing?.requests ?? 0);
    window.edges.set(id, {
      ...key,
      requests,
      failed: 0,
      latency: existing?.latency ?? createLatencySketch(),
      firstSeenMs: startMs,
      lastSeenMs: endMs,
    });
  }
  return windowToGraph(window, { startMs, endMs });
}
