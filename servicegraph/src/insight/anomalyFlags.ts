/** Puts anomaly flags onto a graph for frames and the panel: one `anomaly` text per flagged node and edge. */
import type { Graph } from '../types';
import type { AnomalyFlag } from './anomalyDetector';

/** A copy of the graph with `anomaly` set on flagged elements (several reasons joined by "; "); others unchanged. */
export function applyAnomalies(graph: Graph, flags: readonly AnomalyFlag[]): Graph {
  const edgeReasons = reasonsOf(flags, 'edge');
  const nodeReasons = reasonsOf(flags, 'node');
  return {
    nodes: graph.nodes.map((node) => (nodeReasons.has(node.id) ? { ...node, anomaly: nodeReasons.get(node.id)!.join('; ') } : node)),
    edges: graph.edges.map((edge) => (edgeReasons.has(edge.id) ? { ...edge, anomaly: edgeReasons.get(edge.id)!.join('; ') } : edge)),
  };
}

function reasonsOf(flags: readonly AnomalyFlag[], element: AnomalyFlag['element']): Map<string, string[]> {
  const reasons = new Map<string, string[]>();
  for (const flag of flags) {
    if (flag.element === element) {
      reasons.set(flag.id, [...(reasons.get(flag.id) ?? []), flag.reason]);
    }
  }
  return reasons;
}
