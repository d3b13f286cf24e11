import type { GraphNode } from '../../../servicegraph/src/types';

/** Nodes matching a search text: exact title first, then prefix, then substring; case-insensitive. */
export function searchNodes(nodes: readonly GraphNode[], text: string, limit = 8): GraphNode[] {
  const query = text.trim().toLowerCase();
  if (!query) {
    return [];
  }
  const rank = (node: GraphNode): number => {
    const title = node.title.toLowerCase();
    if (title === query || node.id.toLowerCase() === query) {
      return 0;
    }
    if (title.startsWith(query)) {
      return 1;
    }
    return title.includes(query) || node.id.toLowerCase().includes(query) ? 2 : 3;
  };
  return nodes
    .map((node) => ({ node, rank: rank(node) }))
    .filter((r) => r.rank < 3)
    .sort((a, b) => a.rank - b.rank || a.node.title.localeCompare(b.node.title))
    .slice(0, limit)
    .map((r) => r.node);
}
