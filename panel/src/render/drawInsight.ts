import type { InsightOverlay, RouteEdge } from '../insight/insightOverlay';
import { DrawContext } from './drawContext';
import { DIMMED_ALPHA, FrameState, isEdgeDimmed } from './frameState';
import { BADGE_FONT_PX, BadgeKind, PlacedBadge } from './placeBadges';
import { Scene, SceneEdge, SceneTheme, ViewTransform } from './sceneTypes';

function toScreen(view: ViewTransform, x: number, y: number): [number, number] {
  return [x * view.k + view.x, y * view.k + view.y];
}

function strokeEdge(ctx: DrawContext, edge: SceneEdge, view: ViewTransform): void {
  const [x1, y1] = toScreen(view, edge.x1, edge.y1);
  const [cx, cy] = toScreen(view, edge.cx, edge.cy);
  const [x2, y2] = toScreen(view, edge.x2, edge.y2);
  ctx.beginPath();
  ctx.moveTo(x1, y1);
  if (edge.bend !== 0) {
    ctx.quadraticCurveTo(cx, cy, x2, y2);
  } else {
    ctx.lineTo(x2, y2);
  }
  ctx.stroke();
}

/** The route: every edge it passes stroked on top (critical thicker and brighter, failed in red). */
function strokeRoute(ctx: DrawContext, edges: RouteEdge[], frame: FrameState): void {
  const { view, theme } = frame;
  for (const critical of [false, true]) {
    for (const entry of edges) {
      if (entry.critical !== critical) {
        continue;
      }
      ctx.strokeStyle = entry.failed ? theme.error : critical ? theme.selection : theme.text;
      ctx.lineWidth = critical ? 6 : 3;
      ctx.globalAlpha = critical ? 0.95 : 0.8;
      strokeEdge(ctx, entry.edge, view);
    }
  }
  ctx.globalAlpha = 1;
}

const BOTTLENECK_ALPHA = 0.35;

/**
 * The top bottleneck: a wide translucent outline along the edge, under the route; faded like any dimmed edge
 * when a selection leaves it out (a bright band there would pull the eye off the selection).
 */
function strokeBottleneck(ctx: DrawContext, scene: Scene, edgeId: string, frame: FrameState): void {
  const edge = scene.edges.find((e) => e.id === edgeId);
  if (edge) {
    ctx.strokeStyle = frame.theme.health[1];
    ctx.globalAlpha = BOTTLENECK_ALPHA * (isEdgeDimmed(frame, edge.id) ? DIMMED_ALPHA : 1);
    ctx.lineWidth = 14;
    strokeEdge(ctx, edge, frame.view);
    ctx.globalAlpha = 1;
  }
}

/** Anomalous nodes: a ring that pulses while the map animates. */
function strokeAnomalyRings(ctx: DrawContext, scene: Scene, overlay: InsightOverlay, frame: FrameState): void {
  const { view, theme } = frame;
  const pulse = frame.animate ? 0.5 + 0.5 * Math.sin(frame.timeSec * 4) : 1;
  ctx.strokeStyle = theme.health[1];
  ctx.lineWidth = 2.5;
  for (const id of overlay.anomalousNodeIds) {
    const node = scene.nodeById.get(id);
    if (!node) {
      continue;
    }
    const [x, y] = toScreen(view, node.x, node.y);
    const r = node.radius * view.k + 3 + 3 * pulse;
    ctx.globalAlpha = 0.4 + 0.6 * pulse;
    ctx.beginPath();
    ctx.moveTo(x + r, y);
    ctx.arc(x, y, r, 0, Math.PI * 2);
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
}

function badgeColours(kind: BadgeKind, theme: SceneTheme): [string, string] {
  switch (kind) {
    case 'alert':
    case 'routeFailed':
      return [theme.error, kind === 'alert' ? '#fff' : theme.nodeFill];
    case 'anomaly':
    case 'bottleneck':
      return [theme.health[1], theme.nodeFill];
    case 'routeCritical':
      return [theme.selection, theme.nodeFill];
    case 'route':
      return [theme.text, theme.nodeFill];
  }
}

/** Draw order of badge kinds: the most important last, on top. */
const BADGE_LAYER: BadgeKind[] = ['route', 'routeCritical', 'routeFailed', 'bottleneck', 'anomaly', 'alert'];

/**
 * Insight on top of the map, in screen space (after labels): bottleneck outline, route strokes, anomaly rings,
 * then the badges where placeInsightBadges found room for them.
 */
export function drawInsight(ctx: DrawContext, scene: Scene, frame: FrameState, badges: readonly PlacedBadge[]): void {
  const overlay = frame.insight;
  if (!overlay) {
    return;
  }
  ctx.setTransform(frame.dpr, 0, 0, frame.dpr, 0, 0);
  ctx.lineCap = 'round';
  if (overlay.topBottleneckEdgeId) {
    strokeBottleneck(ctx, scene, overlay.topBottleneckEdgeId, frame);
  }
  if (overlay.route) {
    strokeRoute(ctx, overlay.route.edges, frame);
  }
  strokeAnomalyRings(ctx, scene, overlay, frame);
  ctx.font = `${BADGE_FONT_PX}px ${frame.theme.fontFamily}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  for (const layer of BADGE_LAYER) {
    for (const badge of badges) {
      if (badge.kind === layer) {
        const [fill, colour] = badgeColours(badge.kind, frame.theme);
        ctx.globalAlpha = badge.dimmed ? DIMMED_ALPHA : 1;
        ctx.fillStyle = fill;
        ctx.fillRect(badge.x - badge.w / 2, badge.y - badge.h / 2, badge.w, badge.h);
        ctx.fillStyle = colour;
        ctx.fillText(badge.text, badge.x, badge.y + 0.5);
      }
    }
  }
  ctx.globalAlpha = 1;
}
