import { isEdgeVisible } from './cull';
import { DrawContext } from './drawContext';
import { DIMMED_ALPHA, FrameState, healthColor, isEdgeDimmed } from './frameState';
import { Scene, SceneEdge } from './sceneTypes';

const WIDTH_BUCKETS = 4;
const HEALTH_LEVELS = [-2, -1, 0, 1, 2];
/** Edges stay translucent so the particles on them (full colour) read as flow. */
const EDGE_ALPHA = 0.55;
/** Up to this many visible edges each gets its own stroke: a few ms, and wide lines look right. */
const PRECISE_EDGE_LIMIT = 400;

/** World width of a bucket's edges (rates map to 1..7 world units in buildScene). */
function bucketWidth(bucket: number): number {
  return 1.75 + 1.5 * bucket;
}

/**
 * On-screen width (px) of a bucket's edges: the world width at this zoom, capped so zooming in does not turn
 * edges into bars that cover the map (and, drawn as hairline copies, cost a line per pixel of width).
 */
export function edgeScreenWidth(bucket: number, k: number): number {
  return Math.min(bucketWidth(bucket) * k, 1.5 + 1.5 * bucket);
}

/** World size of a bucket's arrow heads, capped on screen like the lines. */
function arrowSize(bucket: number, k: number): number {
  return Math.min(2 + bucketWidth(bucket), (3.5 + 1.5 * bucket) / k);
}

export function edgeWidthBucket(edge: SceneEdge): number {
  return Math.min(WIDTH_BUCKETS - 1, Math.floor((edge.width - 1) / 1.5));
}

/**
 * A wide line as `copies` parallel 1-px lines. Software canvas (Skia without GPU) strokes 1-px lines on a
 * fast hairline path but turns wider strokes into polygons and fills them, which was 10–50× slower here.
 */
function addEdgeLines(ctx: DrawContext, edge: SceneEdge, copies: number, k: number): void {
  const dx = edge.x2 - edge.x1;
  const dy = edge.y2 - edge.y1;
  const length = Math.hypot(dx, dy) || 1;
  for (let j = 0; j < copies; j++) {
    const offset = (j - (copies - 1) / 2) / k;
    const nx = (-dy / length) * offset;
    const ny = (dx / length) * offset;
    ctx.moveTo(edge.x1 + nx, edge.y1 + ny);
    if (edge.bend !== 0) {
      ctx.quadraticCurveTo(edge.cx + nx, edge.cy + ny, edge.x2 + nx, edge.y2 + ny);
    } else {
      ctx.lineTo(edge.x2 + nx, edge.y2 + ny);
    }
  }
}

/** A filled arrow head (`filled`) or its two wings as open strokes, which join a batch of hairlines for free. */
function addArrow(ctx: DrawContext, edge: SceneEdge, size: number, filled = true): void {
  const dx = edge.x2 - edge.cx;
  const dy = edge.y2 - edge.cy;
  const len = Math.hypot(dx, dy) || 1;
  const ux = dx / len;
  const uy = dy / len;
  const leftX = edge.x2 - ux * size * 2 - uy * size;
  const leftY = edge.y2 - uy * size * 2 + ux * size;
  const rightX = edge.x2 - ux * size * 2 + uy * size;
  const rightY = edge.y2 - uy * size * 2 - ux * size;
  if (filled) {
    ctx.moveTo(edge.x2, edge.y2);
    ctx.lineTo(leftX, leftY);
    ctx.lineTo(rightX, rightY);
    ctx.closePath();
  } else {
    ctx.moveTo(leftX, leftY);
    ctx.lineTo(edge.x2, edge.y2);
    ctx.lineTo(rightX, rightY);
  }
}

/** Whether a visible edge is drawn in the (health level, width bucket, dimmed) group; a plain function, no allocation. */
function isInGroup(edge: SceneEdge, frame: FrameState, level: number, bucket: number, dimmed: boolean): boolean {
  return (
    edge.health === level &&
    edgeWidthBucket(edge) === bucket &&
    isEdgeDimmed(frame, edge.id) === dimmed &&
    isEdgeVisible(edge, frame.visible)
  );
}

function drawBucket(
  ctx: DrawContext,
  scene: Scene,
  frame: FrameState,
  level: number,
  bucket: number,
  dimmed: boolean,
  precise: boolean
): void {
  const { k } = frame.view;
  const screenWidth = edgeScreenWidth(bucket, k);
  const color = healthColor(frame.theme, level);
  ctx.strokeStyle = color;
  if (precise) {
    // Few edges: one real stroke each (smooth wide lines) and filled arrow heads.
    ctx.lineWidth = screenWidth / k;
    let count = 0;
    for (const edge of scene.edges) {
      if (isInGroup(edge, frame, level, bucket, dimmed)) {
        ctx.beginPath();
        addEdgeLines(ctx, edge, 1, k);
        ctx.stroke();
        count++;
      }
    }
    if (count === 0 || !frame.lod.arrows) {
      return;
    }
    ctx.beginPath();
    for (const edge of scene.edges) {
      if (isInGroup(edge, frame, level, bucket, dimmed)) {
        addArrow(ctx, edge, arrowSize(bucket, k));
      }
    }
    ctx.fillStyle = color;
    ctx.fill();
    return;
  }
  // Many edges: one path of hairlines, the busiest buckets doubled, arrow heads as open wings in the same path
  // (thousands of filled triangles cost more than all the lines).
  ctx.lineWidth = 1 / k;
  const copies = screenWidth >= 2.5 ? 2 : 1;
  let count = 0;
  ctx.beginPath();
  for (const edge of scene.edges) {
    if (isInGroup(edge, frame, level, bucket, dimmed)) {
      addEdgeLines(ctx, edge, copies, k);
      if (frame.lod.arrows) {
        addArrow(ctx, edge, arrowSize(bucket, k), false);
      }
      count++;
    }
  }
  if (count > 0) {
    ctx.stroke();
  }
}

/**
 * Edges grouped by (dimmed, health colour, width bucket): with many visible edges, one path of hairlines per
 * group, a few dozen draw calls for thousands of edges.
 */
export function drawEdges(ctx: DrawContext, scene: Scene, frame: FrameState): void {
  let visible = 0;
  for (const edge of scene.edges) {
    visible += isEdgeVisible(edge, frame.visible) ? 1 : 0;
  }
  const precise = visible <= PRECISE_EDGE_LIMIT;
  for (const dimmed of [true, false]) {
    if (dimmed && !frame.highlight) {
      continue;
    }
    ctx.globalAlpha = dimmed ? DIMMED_ALPHA : EDGE_ALPHA;
    for (const level of HEALTH_LEVELS) {
      for (let bucket = 0; bucket < WIDTH_BUCKETS; bucket++) {
        drawBucket(ctx, scene, frame, level, bucket, dimmed, precise);
      }
    }
  }
  ctx.globalAlpha = 1;
  drawHoveredEdge(ctx, scene, frame);
}

/** The edge under the pointer, on top in the selection colour, so the tooltip's edge is the one you can see. */
function drawHoveredEdge(ctx: DrawContext, scene: Scene, frame: FrameState): void {
  const edge = frame.hoveredEdgeId === undefined ? undefined : scene.edges.find((e) => e.id === frame.hoveredEdgeId);
  if (!edge) {
    return;
  }
  const { k } = frame.view;
  const bucket = edgeWidthBucket(edge);
  ctx.strokeStyle = frame.theme.selection;
  ctx.fillStyle = frame.theme.selection;
  ctx.lineWidth = (edgeScreenWidth(bucket, k) + 2) / k;
  ctx.beginPath();
  addEdgeLines(ctx, edge, 1, k);
  ctx.stroke();
  ctx.beginPath();
  addArrow(ctx, edge, arrowSize(bucket, k) + 1 / k);
  ctx.fill();
}
