import { quadtree, Quadtree, QuadtreeLeaf } from 'd3-quadtree';
import { pointOnEdge } from './edgeGeometry';
import { MAX_NODE_RADIUS } from './buildScene';
import { Scene, SceneEdge, SceneNode } from './sceneTypes';

export interface HitIndex {
  tree: Quadtree<SceneNode>;
}

/** A quadtree of node centres; rebuild after layout or drag. */
export function createHitIndex(scene: Scene): HitIndex {
  return {
    tree: quadtree<SceneNode>()
      .x((n) => n.x)
      .y((n) => n.y)
      .addAll(scene.nodes),
  };
}

/**
 * The node under the world point (within its radius plus slack). Of several, the one whose rim is farthest
 * outside the point: a pointer inside a big node beside a small one hits the big node, though the small
 * node's centre may be nearer.
 */
export function findNodeAt(index: HitIndex, x: number, y: number, slack = 0): SceneNode | undefined {
  const reach = MAX_NODE_RADIUS + slack;
  let best: SceneNode | undefined;
  let bestDepth = -slack;
  index.tree.visit((quad, x0, y0, x1, y1) => {
    if (!('length' in quad)) {
      for (let leaf: QuadtreeLeaf<SceneNode> | undefined = quad; leaf; leaf = leaf.next) {
        const node = leaf.data;
        // How far inside the node's rim the point is (negative: outside).
        const depth = node.radius - Math.hypot(node.x - x, node.y - y);
        if (depth >= bestDepth) {
          bestDepth = depth;
          best = node;
        }
      }
    }
    return x0 > x + reach || x1 < x - reach || y0 > y + reach || y1 < y - reach;
  });
  return best;
}

const SAMPLES = 12;
const sample = { x: 0, y: 0 };

function distanceToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSq = dx * dx + dy * dy;
  const t = lengthSq > 0 ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / lengthSq)) : 0;
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function distanceToEdge(edge: SceneEdge, x: number, y: number): number {
  if (edge.bend === 0) {
    return distanceToSegment(x, y, edge.x1, edge.y1, edge.x2, edge.y2);
  }
  let best = Infinity;
  let px = edge.x1;
  let py = edge.y1;
  for (let i = 1; i <= SAMPLES; i++) {
    pointOnEdge(edge, i / SAMPLES, sample);
    best = Math.min(best, distanceToSegment(x, y, px, py, sample.x, sample.y));
    px = sample.x;
    py = sample.y;
  }
  return best;
}

/** The edge nearest to the world point within tolerance (world units), if any. */
export function findEdgeAt(scene: Scene, x: number, y: number, tolerance: number): SceneEdge | undefined {
  let best: SceneEdge | undefined;
  let bestDistance = tolerance;
  for (const edge of scene.edges) {
    if (
      x < edge.minX - tolerance ||
      x > edge.maxX + tolerance ||
      y < edge.minY - tolerance ||
      y > edge.maxY + tolerance
    ) {
      continue;
    }
    const d = distanceToEdge(edge, x, y) - edge.width / 2;
    if (d <= bestDistance) {
      bestDistance = d;
      best = edge;
    }
  }
  return best;
}
