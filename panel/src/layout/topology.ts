import { LayoutInputEdge, LayoutInputNode } from './layoutTypes';

/** Index-based adjacency, resolved once so layout loops read arrays only. */
export interface Topology {
  ids: string[];
  indexById: Map<string, number>;
  /** Unique undirected pairs (i < j), self loops and unknown ids dropped. */
  links: Array<[number, number]>;
  /** Directed edges as given (source -> target), unknown ids dropped. */
  directed: Array<[number, number]>;
  neighbours: number[][];
}

/** Identity of the spring between two nodes: undirected, as the layout treats a call in either direction alike. */
export function edgeKey(edge: LayoutInputEdge): string {
  return edge.source < edge.target ? `${edge.source}\u0000${edge.target}` : `${edge.target}\u0000${edge.source}`;
}

export function buildTopology(nodes: readonly LayoutInputNode[], edges: readonly LayoutInputEdge[]): Topology {
  const ids = nodes.map((n) => n.id);
  const indexById = new Map<string, number>();
  ids.forEach((id, i) => indexById.set(id, i));
  const neighbours: number[][] = ids.map(() => []);
  const links: Array<[number, number]> = [];
  const directed: Array<[number, number]> = [];
  const seen = new Set<number>();
  const n = ids.length;
  for (const edge of edges) {
    const s = indexById.get(edge.source);
    const t = indexById.get(edge.target);
    if (s === undefined || t === undefined || s === t) {
      continue;
    }
    directed.push([s, t]);
    const a = Math.min(s, t);
    const b = Math.max(s, t);
    const key = a * n + b;
    if (seen.has(key)) {
      continue;
    }
    seen.add(key);
    links.push([a, b]);
    neighbours[a].push(b);
    neighbours[b].push(a);
  }
  return { ids, indexById, links, directed, neighbours };
}
