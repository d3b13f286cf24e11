import { formatSteps, type InsightOverlay, type RouteEdge } from '../insight/insightOverlay';
import { DrawContext } from './drawContext';
import { pointOnEdge } from './edgeGeometry';
import { FrameState } from './frameState';
import { formatMs } from './formatStats';
import { Scene, SceneEdge, ViewTransform } from './sceneTypes';

const point = { x: 0, y: 0 };
const BADGE_FONT_PX = 11;

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

function edgePoint(view: ViewTransform, edge: SceneEdge, t: number): [number, number] {
  pointOnEdge(edge, t, point);
  return toScreen(view, point.x, point.y);
}

/** A filled pill with text, centred on (x, y). */
function drawPill(ctx: DrawContext, text: string, x: number, y: number, fill: string, color: string): void {
  const w = ctx.measureText(text).width + 8;
  const h = BADGE_FONT_PX + 5;
  ctx.fillStyle = fill;
  ctx.fillRect(x - w / 2, y - h / 2, w, h);
  ctx.fillStyle = color;
  ctx.fillText(text, x, y);
}

/** The route: every edge it passes stroked on top (critical thicker and brighter, failed in red), numbered. */
function drawRoute(ctx: DrawContext, edges: RouteEdge[], frame: FrameState): void {
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
  for (const entry of edges) {
    const [x, y] = edgePoint(view, entry.edge, 0.5);
    const label = `${formatSteps(entry.hops)} · ${formatMs(entry.latencyMs)}${entry.failed ? ' ✕' : ''}`;
    drawPill(ctx, label, x, y, entry.failed ? theme.error : entry.critical ? theme.selection : theme.text, theme.nodeFill);
  }
}

/** The top bottleneck: a wide translucent outline along the edge (under the route) and a badge (over it). */
function drawBottleneck(ctx: DrawContext, scene: Scene, edgeId: string, frame: FrameState, part: 'outline' | 'badge'): void {
  const edge = scene.edges.find((e) => e.id === edgeId);
  if (!edge) {
    return;
  }
  if (part === 'outline') {
    ctx.strokeStyle = frame.theme.health[1];
    ctx.globalAlpha = 0.35;
    ctx.lineWidth = 14;
    strokeEdge(ctx, edge, frame.view);
    ctx.globalAlpha = 1;
    return;
  }
  const [x, y] = edgePoint(frame.view, edge, 0.3);
  drawPill(ctx, 'bottleneck', x, y - 12, frame.theme.health[1], frame.theme.nodeFill);
}

/** Anomalies: a ring that pulses while the map animates, and ⚠ on flagged edges. */
function drawAnomalies(ctx: DrawContext, scene: Scene, overlay: InsightOverlay, frame: FrameState): void {
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
    const r = node.radius * view.k + 6 + 4 * pulse;
    ctx.globalAlpha = 0.4 + 0.6 * pulse;
    ctx.beginPath();
    ctx.moveTo(x + r, y);
    ctx.arc(x, y, r, 0, Math.PI * 2);
    ctx.stroke();
    ctx.globalAlpha = 1;
    drawPill(ctx, '!', x - r * 0.75, y - r * 0.75, theme.health[1], theme.nodeFill);
  }
  for (const edge of scene.edges) {
    if (overlay.anomalousEdgeIds.has(edge.id)) {
      const [x, y] = edgePoint(view, edge, 0.65);
      drawPill(ctx, '!', x, y, theme.health[1], theme.nodeFill);
    }
  }
}

/** Firing alerts: a red count badge at the node's top right, or on the edge. */
function drawAlerts(ctx: DrawContext, scene: Scene, overlay: InsightOverlay, frame: FrameState): void {
  const { view, theme } = frame;
  for (const [id, count] of overlay.alertCounts.nodes) {
    const node = scene.nodeById.get(id);
    if (node) {
      const [x, y] = toScreen(view, node.x, node.y);
      const d = node.radius * view.k * 0.8 + 6;
      drawPill(ctx, `alert ${count}`, x + d, y - d, theme.error, '#fff');
    }
  }
  for (const edge of scene.edges) {
    const count = overlay.alertCounts.edges.get(edge.id);
    if (count) {
      const [x, y] = edgePoint(view, edge, 0.4);
      drawPill(ctx, `alert ${count}`, x, y + 12, theme.error, '#fff');
    }
  }
}

/** Insight on top of the map, in screen space (after labels): route, bottleneck, anomalies, alerts. */
export function drawInsight(ctx: DrawContext, scene: Scene, frame: FrameState): void {
  const overlay = frame.insight;
  if (!overlay) {
    return;
  }
  ctx.setTransform(frame.dpr, 0, 0, frame.dpr, 0, 0);
  ctx.font = `${BADGE_FONT_PX}px ${frame.theme.fontFamily}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.lineCap = 'round';
  const bottleneck = overlay.topBottleneckEdgeId;
  if (bottleneck) {
    drawBottleneck(ctx, scene, bottleneck, frame, 'outline');
  }
  if (overlay.route) {
    drawRoute(ctx, overlay.route.edges, frame);
  }
  if (bottleneck) {
    drawBottleneck(ctx, scene, bottleneck, frame, 'badge');
  }
  drawAnomalies(ctx, scene, overlay, frame);
  drawAlerts(ctx, scene, overlay, frame);
}
