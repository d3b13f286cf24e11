import { isEdgeVisible, isNodeVisible } from './cull';
import { DrawContext } from './drawContext';
import { FrameState } from './frameState';
import { pointOnEdge } from './edgeGeometry';
import { formatEdgeLabel } from './formatStats';
import { LabelPlacer } from './labelPlacer';
import { Scene } from './sceneTypes';

const FONT_PX = 11;
const CHAR_PX = FONT_PX * 0.58;
const MAX_TITLE = 28;
const point = { x: 0, y: 0 };
const PLATE_ALPHA = 0.7;

function shorten(text: string): string {
  return text.length > MAX_TITLE ? `${text.slice(0, MAX_TITLE - 1)}…` : text;
}

/**
 * Text on a translucent plate in the background colour. A stroked halo (strokeText) would read the same but
 * stroking glyph outlines is the slowest thing a software canvas does; plates are plain rectangle fills.
 */
function drawPlatedText(ctx: DrawContext, frame: FrameState, text: string, x: number, y: number, w: number, h: number): void {
  ctx.globalAlpha = PLATE_ALPHA;
  ctx.fillStyle = frame.theme.textShadow;
  ctx.fillRect(x - w / 2, y, w, h);
  ctx.globalAlpha = 1;
  ctx.fillStyle = frame.theme.text;
  ctx.fillText(text, x, y + 1);
}

/** Nodes big enough to matter reserve their box, so no label, badge or group name covers them. */
export function reserveNodes(placer: LabelPlacer, scene: Scene, frame: FrameState): void {
  const { view } = frame;
  for (const node of scene.nodes) {
    const r = node.radius * view.k;
    if (r >= 4 && isNodeVisible(node, frame.visible)) {
      placer.reserve(node.x * view.k + view.x - r, node.y * view.k + view.y - r, 2 * r, 2 * r);
    }
  }
}

/**
 * Node titles (busiest first) and edge stats in screen space, greedily placed so no two overlap and none
 * covers a node or anything placed before (the caller reserves nodes, badges and group names first). The
 * level of detail caps how many are tried, so dense maps stay fast and readable. Returns the number drawn.
 */
export function drawLabels(ctx: DrawContext, scene: Scene, frame: FrameState, placer: LabelPlacer): number {
  const { view, lod, dpr, theme } = frame;
  if (lod.maxLabels === 0) {
    return 0;
  }
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.font = `${FONT_PX}px ${theme.fontFamily}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  let placed = 0;
  for (const index of scene.labelOrder) {
    if (placed >= lod.maxLabels) {
      break;
    }
    const node = scene.nodes[index];
    const r = node.radius * view.k;
    if (r < lod.nodeLabelMinRadius || !isNodeVisible(node, frame.visible)) {
      continue;
    }
    const dimmed = frame.highlight !== undefined && !frame.highlight.nodes.has(node.id);
    if (dimmed) {
      continue;
    }
    const text = shorten(node.title);
    const w = text.length * CHAR_PX + 4;
    const sx = node.x * view.k + view.x;
    const sy = node.y * view.k + view.y;
    const middle = sy - FONT_PX / 2 - 1;
    // Below, above, beside, then at the corners of the node: [centre x, top y] of the label.
    const d = r * Math.SQRT1_2 + 2;
    const spots: Array<[number, number]> = [
      [sx, sy + r + 4],
      [sx, sy - r - 4 - FONT_PX],
      [sx + r + 4 + w / 2, middle],
      [sx - r - 4 - w / 2, middle],
      [sx + d + w / 2, sy + d],
      [sx - d - w / 2, sy + d],
      [sx + d + w / 2, sy - d - FONT_PX - 2],
      [sx - d - w / 2, sy - d - FONT_PX - 2],
    ];
    const spot = spots.find(([x, y]) => placer.tryPlace(x - w / 2, y, w, FONT_PX + 2));
    if (spot) {
      drawPlatedText(ctx, frame, text, spot[0], spot[1], w, FONT_PX + 2);
      placed++;
    }
  }
  if (!lod.edgeLabels) {
    return placed;
  }

  for (const edge of scene.edges) {
    if (placed >= lod.maxLabels) {
      break;
    }
    if (!isEdgeVisible(edge, frame.visible) || (frame.highlight && !frame.highlight.edges.has(edge.id))) {
      continue;
    }
    const text = formatEdgeLabel(edge.stats.rate, edge.stats.errorRate, edge.stats.p95Ms);
    // Measured: edge labels only show zoomed in, where few edges are visible.
    const w = ctx.measureText(text).width + 6;
    if (edge.length * view.k < w + 12) {
      continue;
    }
    pointOnEdge(edge, 0.5, point);
    const sx = point.x * view.k + view.x;
    const sy = point.y * view.k + view.y;
    const top = sy - FONT_PX / 2 - 1;
    if (placer.tryPlace(sx - w / 2, top, w, FONT_PX + 2)) {
      drawPlatedText(ctx, frame, text, sx, top, w, FONT_PX + 2);
      placed++;
    }
  }
  return placed;
}
