import { isEdgeVisible, isNodeVisible } from './cull';
import { DrawContext } from './drawContext';
import { FrameState, isNodeDimmed } from './frameState';
import { pointOnEdge } from './edgeGeometry';
import { formatEdgeLabelForms } from './formatStats';
import { LabelPlacer } from './labelPlacer';
import { Scene, SceneEdge, SceneNode } from './sceneTypes';

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
function drawPlatedText(
  ctx: DrawContext,
  frame: FrameState,
  text: string,
  x: number,
  y: number,
  w: number,
  h: number
): void {
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
 * Where a node's title may go (centre x, top y), best first: below, above, beside, at a corner, then the same
 * rows shifted sideways and a row further out. More spots before giving up: a crowded map otherwise
 * loses names it has room for just beside the usual places.
 */
function titleSpots(sx: number, sy: number, r: number, w: number): Array<[number, number]> {
  const middle = sy - FONT_PX / 2 - 1;
  const d = r * Math.SQRT1_2 + 2;
  const below = sy + r + 4;
  const above = sy - r - 4 - FONT_PX;
  const row = FONT_PX + 3;
  return [
    [sx, below],
    [sx, above],
    [sx + r + 4 + w / 2, middle],
    [sx - r - 4 - w / 2, middle],
    [sx + d + w / 2, sy + d],
    [sx - d - w / 2, sy + d],
    [sx + d + w / 2, sy - d - FONT_PX - 2],
    [sx - d - w / 2, sy - d - FONT_PX - 2],
    [sx + w / 2 - 4, below],
    [sx - w / 2 + 4, below],
    [sx + w / 2 - 4, above],
    [sx - w / 2 + 4, above],
    [sx, below + row],
    [sx, above - row],
    [sx + r + 4 + w / 2, middle + row],
    [sx - r - 4 - w / 2, middle + row],
    [sx + r + 4 + w / 2, below],
    [sx - r - 4 - w / 2, below],
    [sx + r + 4 + w / 2, above],
    [sx - r - 4 - w / 2, above],
    [sx + w / 2 - 4, below + row],
    [sx - w / 2 + 4, below + row],
    [sx + w / 2 - 4, above - row],
    [sx - w / 2 + 4, above - row],
  ];
}

/**
 * Places a node's title at the first free spot; returns whether it was drawn. A `forced` title (the selected or
 * hovered node: the one the user is looking at) is drawn below the node even when no spot is free.
 */
function placeNodeLabel(
  ctx: DrawContext,
  frame: FrameState,
  placer: LabelPlacer,
  node: SceneNode,
  forced = false
): boolean {
  const { view } = frame;
  const r = node.radius * view.k;
  const text = shorten(node.title);
  const w = text.length * CHAR_PX + 4;
  const h = FONT_PX + 2;
  const spots = titleSpots(node.x * view.k + view.x, node.y * view.k + view.y, r, w);
  // Tested a pixel inside the plate on each side: its padding may touch a node's box (a circle's corner) or
  // another plate without any text overlapping, and such near misses otherwise cost crowded maps many names.
  let spot = spots.find(([x, y]) => placer.tryPlace(x - w / 2 + 1, y + 1, w - 2, h - 2));
  if (!spot && forced) {
    spot = spots[0];
    placer.reserve(spot[0] - w / 2, spot[1], w, h);
  }
  if (spot) {
    drawPlatedText(ctx, frame, text, spot[0], spot[1], w, h);
  }
  return spot !== undefined;
}

// Along the edge, middle first; then the same points nudged off the line.
const EDGE_LABEL_TS = [0.5, 0.35, 0.65];
const EDGE_LABEL_H = FONT_PX + 2;
const EDGE_LABEL_SHIFTS = [0, -EDGE_LABEL_H / 2 - 2, EDGE_LABEL_H / 2 + 2];
// A forced (selected) label may also sit a row or two off the line, clear of the titles at its ends.
const FORCED_EDGE_LABEL_SHIFTS = [
  ...EDGE_LABEL_SHIFTS,
  -EDGE_LABEL_H - 6,
  EDGE_LABEL_H + 6,
  -2 * EDGE_LABEL_H - 6,
  2 * EDGE_LABEL_H + 6,
];

function tryEdgeText(
  ctx: DrawContext,
  frame: FrameState,
  placer: LabelPlacer,
  edge: SceneEdge,
  text: string,
  forced = false
): boolean {
  const { view } = frame;
  // Measured: only a few dozen edge labels are tried per frame.
  const w = ctx.measureText(text).width + 6;
  // A label may overhang a short edge (nodes are reserved, so it never covers one), but not dwarf it.
  if (!forced && edge.length * view.k < w / 2 + 12) {
    return false;
  }
  const h = FONT_PX + 2;
  for (const shift of forced ? FORCED_EDGE_LABEL_SHIFTS : EDGE_LABEL_SHIFTS) {
    for (const t of EDGE_LABEL_TS) {
      pointOnEdge(edge, t, point);
      const sx = point.x * view.k + view.x;
      const top = point.y * view.k + view.y - FONT_PX / 2 - 1 + shift;
      if (placer.tryPlace(sx - w / 2, top, w, h)) {
        drawPlatedText(ctx, frame, text, sx, top, w, h);
        return true;
      }
    }
  }
  if (forced) {
    // The selected edge's numbers are what the user asked for: drawn above its middle even where crowded
    // (above: titles go below their nodes first).
    pointOnEdge(edge, 0.5, point);
    const top = point.y * view.k + view.y - FONT_PX / 2 - 1 - h - 6;
    placer.reserve(point.x * view.k + view.x - w / 2, top, w, h);
    drawPlatedText(ctx, frame, text, point.x * view.k + view.x, top, w, h);
  }
  return forced;
}

/** Places an edge's rate, error % and p95 along the edge, or a shorter form where that does not fit. */
function placeEdgeLabel(ctx: DrawContext, frame: FrameState, placer: LabelPlacer, edge: SceneEdge): boolean {
  // A selected edge (the only highlighted one, no node selected) gets its full numbers, even on a short edge.
  const selected = frame.highlight?.edges.size === 1 && frame.selectedNodeId === undefined;
  const forms = formatEdgeLabelForms(edge.stats, edge.health > 0);
  return forms.some((text, i) => tryEdgeText(ctx, frame, placer, edge, text, selected && i === 0));
}

function setLabelFont(ctx: DrawContext, frame: FrameState): void {
  ctx.setTransform(frame.dpr, 0, 0, frame.dpr, 0, 0);
  ctx.font = `${FONT_PX}px ${frame.theme.fontFamily}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
}

/** The selected (or focused: the dashboard focus selects its node) and hovered nodes. */
function isKeyNode(frame: FrameState, node: SceneNode): boolean {
  return node.id === frame.selectedNodeId || node.id === frame.hoveredNodeId;
}

/** Whether an ordinary title (not the selected or hovered one) may be tried at this zoom and highlight. */
function isTitleCandidate(frame: FrameState, node: SceneNode): boolean {
  return (
    node.radius * frame.view.k >= frame.lod.nodeLabelMinRadius &&
    isNodeVisible(node, frame.visible) &&
    !isNodeDimmed(frame, node.id)
  );
}

/**
 * The titles that matter most, placed before anything but the nodes (badges, group names and other titles go
 * around them): the selected and hovered nodes' always, then unhealthy nodes' (critical first, then busiest)
 * where there is room. Returns the number drawn; drawLabels places the rest.
 */
export function drawFirstTitles(ctx: DrawContext, scene: Scene, frame: FrameState, placer: LabelPlacer): number {
  const { lod } = frame;
  if (lod.maxLabels === 0) {
    return 0;
  }
  setLabelFont(ctx, frame);
  let placed = 0;
  const seen = new Set<SceneNode>();
  for (const id of [frame.selectedNodeId, frame.hoveredNodeId]) {
    const node = id === undefined ? undefined : scene.nodeById.get(id);
    if (node && !seen.has(node) && isNodeVisible(node, frame.visible)) {
      seen.add(node);
      placed += placeNodeLabel(ctx, frame, placer, node, true) ? 1 : 0;
    }
  }
  const unhealthy = scene.labelOrder
    .map((index) => scene.nodes[index])
    .filter((node) => node.health >= 1 && !isKeyNode(frame, node))
    // Stable sort: within a health level the busiest first, as labelOrder has them.
    .sort((a, b) => b.health - a.health);
  for (const node of unhealthy) {
    if (placed >= lod.maxLabels) {
      break;
    }
    if (isTitleCandidate(frame, node)) {
      placed += placeNodeLabel(ctx, frame, placer, node) ? 1 : 0;
    }
  }
  return placed;
}

/**
 * Labels in screen space, greedily placed so no two overlap and none covers a node or anything placed before
 * (the caller reserves nodes, places drawFirstTitles, badges and group names first and passes how many titles
 * drawFirstTitles drew). In order: the healthy titles busiest first, the highlighted node's edge stats (at any
 * zoom: selecting a node shows its numbers), then edge stats worst first — all of them zoomed in, the few worst
 * unhealthy ones at the normal zoom. The level of detail caps how many are tried, so dense maps stay fast and
 * readable. Returns the number drawn here.
 */
export function drawLabels(
  ctx: DrawContext,
  scene: Scene,
  frame: FrameState,
  placer: LabelPlacer,
  placedBefore = 0
): number {
  const { lod } = frame;
  if (lod.maxLabels === 0) {
    return 0;
  }
  setLabelFont(ctx, frame);
  let placed = placedBefore;
  for (const index of scene.labelOrder) {
    if (placed >= lod.maxLabels) {
      break;
    }
    const node = scene.nodes[index];
    if (node.health < 1 && !isKeyNode(frame, node) && isTitleCandidate(frame, node)) {
      placed += placeNodeLabel(ctx, frame, placer, node) ? 1 : 0;
    }
  }
  const highlighted = frame.highlight?.edges;
  if (highlighted) {
    for (const index of scene.edgeLabelOrder) {
      const edge = scene.edges[index];
      if (placed < lod.maxLabels && highlighted.has(edge.id) && isEdgeVisible(edge, frame.visible)) {
        placed += placeEdgeLabel(ctx, frame, placer, edge) ? 1 : 0;
      }
    }
  }
  // With a highlight, the rest of the map is dimmed: its numbers would be noise.
  let budget = highlighted ? 0 : lod.edgeLabels ? Infinity : lod.worstEdgeLabels;
  for (const index of scene.edgeLabelOrder) {
    if (budget <= 0 || placed >= lod.maxLabels) {
      break;
    }
    const edge = scene.edges[index];
    // Below the all-labels zoom only unhealthy edges get numbers (worst first): where errors and latency pile up.
    if (!lod.edgeLabels && edge.health < 1) {
      break;
    }
    if (isEdgeVisible(edge, frame.visible) && placeEdgeLabel(ctx, frame, placer, edge)) {
      placed++;
      budget--;
    }
  }
  return placed - placedBefore;
}
