/**
 * The route of one request for the map overlay: every call of the trace as a hop on a map edge (same
 * edge ids as the graph), in start order, with its duration, status and its time on the critical path.
 * A hop is the span that measures a call (the server span of a pair, the client span of a database or
 * virtual-node call, the root for `user`); the client span of a pair and the INTERNAL spans below a hop
 * add their critical-path time to it.
 */
import type { ConnectionType, Span } from '../types';
import { edgeId } from '../aggregate/edgeWindow';
import { walkCriticalPath } from './criticalPath';
import { edgesOfNodes } from './spanEdge';
import { buildTraceTree, type TraceNode } from './traceTree';
import { isKindedPair } from '../derive/pairing';

export interface RouteHop {
  /** Edge id as in Graph, so the panel can draw the hop on the map's edge. */
  edgeId: string;
  source: string;
  target: string;
  connectionType: ConnectionType;
  /** The span measuring the call. */
  spanId: string;
  /** Start on the root's clock after skew correction, ms since the Unix epoch. */
  startMs: number;
  durationMs: number;
  failed: boolean;
  /** Critical-path time of this call (its span, its client's gaps and its internal work). */
  criticalPathMs: number;
  onCriticalPath: boolean;
}

/** Hops of one trace's spans in start order (ties: span id); [] for no spans. */
export function requestRoute(spans: readonly Span[]): RouteHop[] {
  const tree = buildTraceTree(spans);
  if (tree === undefined) {
    return [];
  }
  const edges = edgesOfNodes(tree.nodes);
  const hops = new Map<TraceNode, RouteHop>();
  const owner = new Map<TraceNode, TraceNode>();
  for (const node of tree.nodes) {
    const edge = edges.get(node)!;
    if (edge.latencyMs !== undefined) {
      hops.set(node, {
        edgeId: edgeId(edge.key),
        source: edge.key.clientService,
        target: edge.key.serverService,
        connectionType: edge.key.connectionType,
        spanId: node.span.spanId,
        startMs: tree.originMs + node.startMs,
        durationMs: node.endMs - node.startMs,
        failed: edge.failed === true,
        criticalPathMs: 0,
        onCriticalPath: false,
      });
      owner.set(node, node);
      continue;
    }
    const answer = node.children.find((child) => isKindedPair(node.span, child.span));
    owner.set(node, answer ?? owner.get(node.parent!) ?? tree.root);
  }
  walkCriticalPath(tree, (node, startMs, endMs) => {
    const hop = hops.get(owner.get(node)!) ?? hops.get(tree.root);
    if (hop !== undefined) {
      hop.criticalPathMs += endMs - startMs;
      hop.onCriticalPath = true;
    }
  });
  return [...hops.values()].sort((a, b) => a.startMs - b.startMs || (a.spanId < b.spanId ? -1 : 1));
}
