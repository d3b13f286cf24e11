import { SceneEdge } from './sceneTypes';

/** Control-point offset of a two-way pair, as a share of the edge length. */
const BEND = 0.18;

/**
 * Recomputes an edge's drawn geometry from its nodes: endpoints on the node rims, the control point of
 * the curve (two-way pairs bend to opposite sides) and bounds for culling. Mutates the edge: called
 * after layout and while dragging, so draw loops never compute geometry.
 */
export function placeEdge(edge: SceneEdge): void {
  const { source, target } = edge;
  const dx = target.x - source.x;
  const dy = target.y - source.y;
  const distance = Math.hypot(dx, dy) || 1;
  const mx = (source.x + target.x) / 2;
  const my = (source.y + target.y) / 2;
  // Normal to the left of source -> target; the reverse edge bends to its own left, i.e. the other side.
  const cx = mx - (dy / distance) * distance * BEND * edge.bend;
  const cy = my + (dx / distance) * distance * BEND * edge.bend;
  const sx = cx - source.x;
  const sy = cy - source.y;
  const sl = Math.hypot(sx, sy) || 1;
  const tx = cx - target.x;
  const ty = cy - target.y;
  const tl = Math.hypot(tx, ty) || 1;
  edge.x1 = source.x + (sx / sl) * source.radius;
  edge.y1 = source.y + (sy / sl) * source.radius;
  edge.x2 = target.x + (tx / tl) * (target.radius + 2);
  edge.y2 = target.y + (ty / tl) * (target.radius + 2);
  edge.cx = cx;
  edge.cy = cy;
  edge.length = Math.max(1, Math.hypot(edge.x2 - edge.x1, edge.y2 - edge.y1));
  edge.minX = Math.min(edge.x1, edge.x2, cx);
  edge.maxX = Math.max(edge.x1, edge.x2, cx);
  edge.minY = Math.min(edge.y1, edge.y2, cy);
  edge.maxY = Math.max(edge.y1, edge.y2, cy);
}

/** A point at parameter t (0..1) along the edge's quadratic curve, written into out. */
export function pointOnEdge(edge: SceneEdge, t: number, out: { x: number; y: number }): void {
  const u = 1 - t;
  out.x = u * u * edge.x1 + 2 * u * t * edge.cx + t * t * edge.x2;
  out.y = u * u * edge.y1 + 2 * u * t * edge.cy + t * t * edge.y2;
}
