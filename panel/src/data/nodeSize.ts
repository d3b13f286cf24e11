import type { Graph, GraphNode } from '../../../servicegraph/src/types';
import { MAX_NODE_RADIUS, MIN_NODE_RADIUS, radiusForRate } from '../render/buildScene';
import type { SizeBy } from '../types';

/** One size for all when nodes are not sized: halfway, so labels and rings stay readable. */
export const UNSIZED_NODE_RADIUS = (MIN_NODE_RADIUS + MAX_NODE_RADIUS) / 2;

const SIZE_VALUES: Record<Exclude<SizeBy, 'none'>, (node: GraphNode) => number> = {
  rate: (node) => node.rate,
  requests: (node) => node.requests,
  p95: (node) => node.p95Ms,
};

/** Node radius by the Node size option: area proportional to the value, relative to the largest shown. */
export function createNodeRadius(graph: Graph, sizeBy: SizeBy): (node: GraphNode) => number {
  if (sizeBy === 'none') {
    return () => UNSIZED_NODE_RADIUS;
  }
  const valueOf = SIZE_VALUES[sizeBy] ?? SIZE_VALUES.rate;
  const max = graph.nodes.reduce((m, node) => Math.max(m, valueOf(node) || 0), 0);
  return (node) => radiusForRate(valueOf(node), max);
}
