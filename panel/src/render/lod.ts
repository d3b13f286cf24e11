import type { LabelDensity } from '../types';

/** What to draw at a zoom level: detail is cut as the map gets smaller so frame time stays flat. */
export interface LevelOfDetail {
  /** Full shapes (kind, ring, error arc) or plain dots. */
  shapes: boolean;
  arrows: boolean;
  /** Minimum on-screen node radius (px) for a node label; Infinity = none. */
  nodeLabelMinRadius: number;
  /** Stats on every edge that has room; otherwise only on the `worstEdgeLabels` worst edges. */
  edgeLabels: boolean;
  worstEdgeLabels: number;
  /** Upper bound of labels placed per frame. */
  maxLabels: number;
  /** Draw every n-th particle. */
  particleStride: number;
}

const WORST_EDGE_LABELS: Record<LabelDensity, number> = { none: 0, low: 3, normal: 6, high: 12 };
const LABEL_BUDGET: Record<LabelDensity, number> = { none: 0, low: 40, normal: 120, high: 400 };
// Small services still get a title where there is room (the placer decides); only dots smaller than this go without.
const LABEL_MIN_RADIUS: Record<LabelDensity, number> = { none: Infinity, low: 7, normal: 4.5, high: 3 };

/** Up to this many nodes, full shapes, arrows and every title that has room cost little at any zoom. */
const SMALL_MAP_NODES = 300;
/** A typical node's world radius. */
const NODE_RADIUS = 12;

/** k is the zoom (screen px per world unit); nodeCount the nodes in the scene. */
export function levelOfDetail(k: number, density: LabelDensity, nodeCount = Infinity): LevelOfDetail {
  const screenRadius = NODE_RADIUS * k;
  // Dots instead of shapes keep thousands of nodes fast; a small map zoomed out to fit stays a map of shapes.
  const detailed = screenRadius >= 5 || (nodeCount <= SMALL_MAP_NODES && screenRadius >= 2);
  return {
    shapes: detailed,
    arrows: detailed,
    nodeLabelMinRadius: nodeCount <= SMALL_MAP_NODES && density !== 'none' ? 2 : LABEL_MIN_RADIUS[density],
    edgeLabels: density !== 'none' && k >= (density === 'high' ? 0.8 : density === 'normal' ? 1.1 : 1.6),
    worstEdgeLabels: WORST_EDGE_LABELS[density],
    maxLabels: LABEL_BUDGET[density],
    particleStride: k >= 0.6 ? 1 : k >= 0.3 ? 2 : 3,
  };
}
