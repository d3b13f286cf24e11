/**
 * Which edge a span's critical-path time belongs to, with the servicegraph pairing's edge identity (the
 * same rules and functions as derivation, so bottleneck edges match the map's edges):
 * - a SERVER/CONSUMER (or kind-less) span answering a call → that call's edge (client → server);
 * - a CLIENT/PRODUCER span → the edge of the call it makes (its time not covered by the server is network
 *   and queueing on that edge); unanswered, the database or virtual-node edge it forms;
 * - the root → `user` → its service (the connector's rule for root SERVER spans, applied to any root);
 * - anything else (INTERNAL spans, same-service kind-less children, unnamed unanswered clients) → the
 *   edge of its parent: work done inside a service counts for the call that service is answering.
 */
import type { EdgeKey, EdgeObservation } from '../types';
import { isKindedPair, pairObservation } from '../derive/pairing';
import { rootSpanObservation, unpairedClientObservation, USER_CLIENT } from '../derive/virtualNodes';
import type { TraceNode } from './traceTree';

/** The edge a span's time is attributed to, and the call latency when the span is the one that measures it. */
export interface SpanEdge {
  key: EdgeKey;
  /** Latency of the call as derivation reports it (server duration, else client duration). */
  latencyMs?: number;
  /** Whether that call failed (client or server error), set with latencyMs. */
  failed?: boolean;
}

/** Edges of every node of a tree (nodes in parent-before-child order, as TraceTree.nodes). */
export function edgesOfNodes(nodes: readonly TraceNode[]): Map<TraceNode, SpanEdge> {
  const edges = new Map<TraceNode, SpanEdge>();
  for (const node of nodes) {
    const own = ownEdge(node);
    const inherited = node.parent === undefined ? undefined : edges.get(node.parent);
    edges.set(node, own ?? (inherited !== undefined ? { key: inherited.key } : { key: userEdge(node), latencyMs: node.span.durationMs, failed: node.span.error }));
  }
  return edges;
}

/** The edge a span forms itself, as servicegraph derivation would report it; undefined when none. */
export function ownEdge(node: TraceNode): SpanEdge | undefined {
  const span = node.span;
  if (node.parent === undefined) {
    return fromObservation(rootSpanObservation(span));
  }
  if (span.kind === 'client' || span.kind === 'producer') {
    const answer = node.children.find((child) => isKindedPair(span, child.span));
    if (answer !== undefined) {
      const pair = fromObservation(pairObservation(span, answer.span));
      // The answering server measures the call; counting it here too would double it.
      return pair === undefined ? undefined : { key: pair.key };
    }
    return fromObservation(unpairedClientObservation(span, {}));
  }
  return fromObservation(pairObservation(node.parent.span, span));
}

function userEdge(node: TraceNode): EdgeKey {
  return { clientService: USER_CLIENT, serverService: node.span.service, connectionType: 'virtual_node' };
}

function fromObservation(observation: EdgeObservation | undefined): SpanEdge | undefined {
  if (observation === undefined) {
    return undefined;
  }
  const { clientService, serverService, connectionType, latencyMs, failed } = observation;
  return { key: { clientService, serverService, connectionType }, latencyMs, failed };
}
