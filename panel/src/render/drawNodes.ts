import type { NodeKind } from '../../../servicegraph/src/types';
import { isNodeVisible } from './cull';
import { DrawContext } from './drawContext';
import { DIMMED_ALPHA, FrameState, healthColor, isNodeDimmed } from './frameState';
import { Scene } from './sceneTypes';

const HEALTH_LEVELS = [-2, -1, 0, 1, 2];
/** drawShapes level meaning every node (the inner fill is the same colour for all). */
const ALL_LEVELS = 9;
/** Below 0.5 % errors the arc would only be noise on a healthy map. */
const MIN_ERROR_ARC_SHARE = 0.005;

function addShape(ctx: DrawContext, kind: NodeKind, x: number, y: number, r: number): void {
  switch (kind) {
    case 'database': {
      // A cylinder: top ellipse, sides, bottom half-ellipse.
      const w = r * 0.85;
      const h = r * 0.8;
      const e = r * 0.3;
      ctx.moveTo(x + w, y - h);
      ctx.ellipse(x, y - h, w, e, 0, 0, Math.PI * 2);
      ctx.moveTo(x + w, y - h);
      ctx.lineTo(x + w, y + h);
      ctx.ellipse(x, y + h, w, e, 0, 0, Math.PI);
      ctx.lineTo(x - w, y - h);
      break;
    }
    case 'messaging': {
      // A hexagon reads as a queue/broker in most service-map legends.
      for (let i = 0; i <= 6; i++) {
        const a = (Math.PI / 3) * i;
        const px = x + r * Math.cos(a);
        const py = y + r * Math.sin(a);
        if (i === 0) {
          ctx.moveTo(px, py);
        } else {
          ctx.lineTo(px, py);
        }
      }
      ctx.closePath();
      break;
    }
    default:
      ctx.moveTo(x + r, y);
      ctx.arc(x, y, r, 0, Math.PI * 2);
  }
}

/** Far out: one filled square per node, batched by colour. Cheap to rasterise at thousands of nodes. */
function drawDots(ctx: DrawContext, scene: Scene, frame: FrameState): void {
  for (const dimmed of [true, false]) {
    ctx.globalAlpha = dimmed ? DIMMED_ALPHA : 1;
    for (const level of HEALTH_LEVELS) {
      ctx.beginPath();
      let count = 0;
      for (const node of scene.nodes) {
        if (node.health === level && isNodeDimmed(frame, node.id) === dimmed && isNodeVisible(node, frame.visible)) {
          ctx.rect(node.x - node.radius, node.y - node.radius, node.radius * 2, node.radius * 2);
          count++;
        }
      }
      if (count > 0) {
        ctx.fillStyle = healthColor(frame.theme, level);
        ctx.fill();
      }
    }
  }
  ctx.globalAlpha = 1;
}

function drawShapes(
  ctx: DrawContext,
  scene: Scene,
  frame: FrameState,
  dimmed: boolean,
  level: number,
  inset: number
): void {
  ctx.beginPath();
  let count = 0;
  for (const node of scene.nodes) {
    if (
      (level === ALL_LEVELS || node.health === level) &&
      isNodeDimmed(frame, node.id) === dimmed &&
      isNodeVisible(node, frame.visible)
    ) {
      addShape(ctx, node.kind, node.x, node.y, Math.max(1, node.radius - inset));
      count++;
    }
  }
  if (count > 0) {
    ctx.fillStyle = level === ALL_LEVELS ? frame.theme.nodeFill : healthColor(frame.theme, level);
    ctx.fill();
  }
}

/**
 * Nodes: shape by kind (service circle, database cylinder, messaging hexagon, virtual with a dashed outline),
 * ring colour by health, an arc for the error share, a dot for pinned nodes. Rings are two fills (the shape in
 * the health colour, then a smaller one in the background colour): fills are far cheaper than strokes in
 * software canvas.
 */
export function drawNodes(ctx: DrawContext, scene: Scene, frame: FrameState): void {
  if (!frame.lod.shapes) {
    drawDots(ctx, scene, frame);
    return;
  }
  const { k } = frame.view;
  // 2.5 world units, but no thinner than 1.2 px zoomed out and no thicker than 3.5 px zoomed in.
  const ring = Math.max(1.2 / k, Math.min(2.5, 3.5 / k));
  for (const dimmed of [true, false]) {
    if (dimmed && !frame.highlight) {
      continue;
    }
    ctx.globalAlpha = dimmed ? DIMMED_ALPHA : 1;
    for (const level of HEALTH_LEVELS) {
      drawShapes(ctx, scene, frame, dimmed, level, 0);
    }
    // The inner fill stays opaque, so a dimmed ring does not tint the node's face.
    ctx.globalAlpha = 1;
    drawShapes(ctx, scene, frame, dimmed, ALL_LEVELS, ring);
    ctx.globalAlpha = dimmed ? DIMMED_ALPHA : 1;
    drawVirtualOutlines(ctx, scene, frame, dimmed, ring);
    drawErrorArcs(ctx, scene, frame, dimmed, ring);
  }
  ctx.globalAlpha = 1;
  drawMarkers(ctx, scene, frame);
}

/** Virtual (external) nodes: the ring is dashed, so cover it and stroke dashes instead. */
function drawVirtualOutlines(ctx: DrawContext, scene: Scene, frame: FrameState, dimmed: boolean, ring: number): void {
  const { k } = frame.view;
  for (const level of HEALTH_LEVELS) {
    ctx.beginPath();
    let count = 0;
    for (const node of scene.nodes) {
      if (
        node.kind === 'virtual' &&
        node.health === level &&
        isNodeDimmed(frame, node.id) === dimmed &&
        isNodeVisible(node, frame.visible)
      ) {
        ctx.moveTo(node.x + node.radius, node.y);
        ctx.arc(node.x, node.y, node.radius, 0, Math.PI * 2);
        count++;
      }
    }
    if (count === 0) {
      continue;
    }
    ctx.fillStyle = frame.theme.nodeFill;
    ctx.fill();
    ctx.setLineDash([4 / k, 3 / k]);
    ctx.strokeStyle = healthColor(frame.theme, level);
    ctx.lineWidth = ring * 0.8;
    ctx.stroke();
    ctx.setLineDash([]);
  }
}

/**
 * Error share: the failed part of the ring itself, clockwise from 12 o'clock, in the error colour (the rest of
 * the ring keeps the health colour), like Node Graph's success/error arc. Cylinders and hexagons have no round
 * ring, so theirs runs just outside the shape.
 */
function drawErrorArcs(ctx: DrawContext, scene: Scene, frame: FrameState, dimmed: boolean, ring: number): void {
  ctx.beginPath();
  let arcs = 0;
  const start = -Math.PI / 2;
  for (const node of scene.nodes) {
    if (
      node.errorShare >= MIN_ERROR_ARC_SHARE &&
      isNodeDimmed(frame, node.id) === dimmed &&
      isNodeVisible(node, frame.visible)
    ) {
      const round = node.kind === 'service' || node.kind === 'virtual';
      const r = round ? Math.max(0.5, node.radius - ring / 2) : node.radius + ring;
      ctx.moveTo(node.x + r * Math.cos(start), node.y + r * Math.sin(start));
      ctx.arc(node.x, node.y, r, start, start + Math.max(0.15, node.errorShare * Math.PI * 2));
      arcs++;
    }
  }
  if (arcs > 0) {
    ctx.lineCap = 'butt';
    ctx.strokeStyle = frame.theme.error;
    ctx.lineWidth = ring;
    ctx.stroke();
    ctx.lineCap = 'round';
  }
}

/** Selection/hover rings and the pin dots. */
function drawMarkers(ctx: DrawContext, scene: Scene, frame: FrameState): void {
  ctx.beginPath();
  let pins = 0;
  for (const node of scene.nodes) {
    if (node.pinned && isNodeVisible(node, frame.visible)) {
      const d = node.radius * 0.72;
      ctx.moveTo(node.x + d + 3, node.y - d);
      ctx.arc(node.x + d, node.y - d, 3, 0, Math.PI * 2);
      pins++;
    }
  }
  if (pins > 0) {
    ctx.fillStyle = frame.theme.text;
    ctx.fill();
  }
  for (const id of [frame.selectedNodeId, frame.hoveredNodeId]) {
    const node = id ? scene.nodeById.get(id) : undefined;
    if (node) {
      ctx.beginPath();
      ctx.moveTo(node.x + node.radius + 7, node.y);
      ctx.arc(node.x, node.y, node.radius + 7, 0, Math.PI * 2);
      ctx.strokeStyle = frame.theme.selection;
      ctx.lineWidth = 2 / frame.view.k;
      ctx.stroke();
    }
  }
}
