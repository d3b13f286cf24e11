import type { GraphEdge, GraphNode } from '../../../servicegraph/src/types';

/** What a node sends: the sum of its outgoing edges over the window. */
export interface SentTraffic {
  requests: number;
  failed: number;
  /** Requests per second. */
  rate: number;
  /** failed / requests, 0..1. */
  errorRate: number;
  /** How many services it calls. */
  callees: number;
}

/**
 * Node stats are what a node serves (its incoming edges), so a root client such as the virtual `user` reads 0
 * requests. What it sends is the sum of its outgoing edges; undefined when it sends nothing.
 */
export function summarizeSentTraffic(edges: GraphEdge[], nodeId: string): SentTraffic | undefined {
  const sent: SentTraffic = { requests: 0, failed: 0, rate: 0, errorRate: 0, callees: 0 };
  const callees = new Set<string>();
  for (const edge of edges) {
    if (edge.source === nodeId && edge.target !== nodeId) {
      sent.requests += edge.requests || 0;
      sent.failed += edge.failed || 0;
      sent.rate += edge.rate || 0;
      callees.add(edge.target);
    }
  }
  if (!(sent.requests > 0) && !(sent.rate > 0)) {
    return undefined;
  }
  sent.callees = callees.size;
  sent.errorRate = sent.requests > 0 ? sent.failed / sent.requests : 0;
  return sent;
}

/** A node that served no request in the window (a root client, or a service that only calls out). */
export function servesNothing(node: GraphNode): boolean {
  return !(node.requests > 0) && !(node.rate > 0);
}
