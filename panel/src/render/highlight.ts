import { Highlight, Scene } from './sceneTypes';

/** A node and its neighbourhood: the node, its edges and the nodes at their other ends. */
export function highlightNode(scene: Scene, nodeId: string): Highlight {
  const nodes = new Set<string>([nodeId]);
  const edges = new Set<string>();
  for (const edge of scene.edges) {
    if (edge.source.id === nodeId || edge.target.id === nodeId) {
      edges.add(edge.id);
      nodes.add(edge.source.id);
      nodes.add(edge.target.id);
    }
  }
  return { nodes, edges };
}

/** An edge and its two nodes. */
export function highlightEdge(scene: Scene, edgeId: string): Highlight {
  const edge = scene.edges.find((e) => e.id === edgeId);
  return edge
    ? { nodes: new Set([edge.source.id, edge.target.id]), edges: new Set([edge.id]) }
    : { nodes: new Set(), edges: new Set() };
}
