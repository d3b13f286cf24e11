import type { InsightOverlay } from '../insight/insightOverlay';
import type { LabelDensity } from '../types';
import { LevelOfDetail } from './lod';
import { Highlight, SceneTheme, ViewTransform, WorldRect } from './sceneTypes';

/** Everything one frame needs besides the scene. */
export interface FrameState {
  view: ViewTransform;
  /** CSS pixels. */
  width: number;
  height: number;
  dpr: number;
  /** Seconds; drives particle phase. */
  timeSec: number;
  animate: boolean;
  lod: LevelOfDetail;
  labelDensity: LabelDensity;
  theme: SceneTheme;
  visible: WorldRect;
  highlight?: Highlight;
  /** Extra emphasis (selection ring), by node id. */
  selectedNodeId?: string;
  hoveredNodeId?: string;
  /** The edge under the pointer, drawn on top in the selection colour. */
  hoveredEdgeId?: string;
  /** Route, bottleneck, anomaly and alert marks drawn on top. */
  insight?: InsightOverlay;
}

export const DIMMED_ALPHA = 0.15;

/** A node outside the highlight (when there is one) is drawn dimmed, and so is everything about it. */
export function isNodeDimmed(frame: FrameState, nodeId: string): boolean {
  return frame.highlight !== undefined && !frame.highlight.nodes.has(nodeId);
}

export function isEdgeDimmed(frame: FrameState, edgeId: string): boolean {
  return frame.highlight !== undefined && !frame.highlight.edges.has(edgeId);
}

export function healthColor(theme: SceneTheme, level: number): string {
  return level === -2 ? (theme.neutral ?? theme.idle) : level < 0 ? theme.idle : theme.health[level];
}
