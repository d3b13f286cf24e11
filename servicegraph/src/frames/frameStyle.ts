/** How nodes and edges look in the stock Node Graph: health colours, icons, subtitles, edge widths. */
import { USER_CLIENT } from '../derive/virtualNodes';
import type { GraphEdge, GraphNode, NodeKind } from '../types';

export type Stats = GraphNode | GraphEdge;

/** Icons replace the stats inside a stock Node Graph circle, so only nodes without own stats get one. */
const ICONS: Partial<Record<NodeKind, string>> = { virtual: 'cloud', messaging: 'envelope' };

export function hasTraffic({ requests, rate }: Pick<Stats, 'requests' | 'rate'>): boolean {
  return requests > 0 || rate > 0;
}

export function subtitleOf(node: GraphNode): string {
  return node.group ?? (node.kind === 'service' ? '' : node.kind);
}

export function iconOf(node: GraphNode): string {
  if (node.kind === 'virtual' && node.id === USER_CLIENT) {
    return 'user';
  }
  return ICONS[node.kind] ?? '';
}

/** Edge width in px: logarithmic in the rate so a 1000 req/s edge does not hide a 1 req/s one. */
export function thicknessOf(rate: number): number {
  return Math.min(8, 1 + 2 * Math.log10(1 + Math.max(0, rate)));
}

/** Green, orange or red by error rate; gray for a node or edge without traffic. */
export function healthColor(warning: number, critical: number): (stats: Stats) => string {
  return ({ requests, rate, errorRate }) => {
    if (!hasTraffic({ requests, rate }) && errorRate === 0) {
      return 'gray';
    }
    if (errorRate >= critical) {
      return 'red';
    }
    return errorRate >= warning ? 'orange' : 'green';
  };
}
