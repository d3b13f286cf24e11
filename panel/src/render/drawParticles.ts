import { isEdgeVisible } from './cull';
import { DrawContext } from './drawContext';
import { FrameState, healthColor, isEdgeDimmed } from './frameState';
import { pointOnEdge } from './edgeGeometry';
import { Scene } from './sceneTypes';

const HEALTH_LEVELS = [-2, -1, 0, 1, 2];
const PARTICLE_PX = 3.2;
const MAX_PARTICLES_PER_FRAME = 2500;
const point = { x: 0, y: 0 };

/**
 * Every how-many-th particle of an edge is drawn: the zoom's level of detail, and a frame budget beyond which
 * thousands of busy edges cost the same as hundreds.
 */
export function particleStride(scene: Scene, frame: FrameState): number {
  let total = 0;
  for (const edge of scene.edges) {
    total += isEdgeVisible(edge, frame.visible) ? edge.particleCount : 0;
  }
  return Math.max(frame.lod.particleStride, Math.ceil(total / MAX_PARTICLES_PER_FRAME));
}

/**
 * Flow particles: count per edge by request rate, speed by 1 / p95 latency, so a slow edge visibly crawls.
 * Batched by health colour; dimmed edges carry none; at low zoom only every n-th particle is drawn.
 */
export function drawParticles(ctx: DrawContext, scene: Scene, frame: FrameState): void {
  if (!frame.animate) {
    return;
  }
  const size = PARTICLE_PX / frame.view.k;
  const half = size / 2;
  const stride = particleStride(scene, frame);
  // fillRect per particle: measured faster than one path of rects in software canvas.
  for (const level of HEALTH_LEVELS) {
    ctx.fillStyle = healthColor(frame.theme, level);
    for (const edge of scene.edges) {
      if (edge.health !== level || edge.particleCount === 0 || !isEdgeVisible(edge, frame.visible)) {
        continue;
      }
      if (isEdgeDimmed(frame, edge.id)) {
        continue;
      }
      const travelled = (frame.timeSec * edge.particleSpeed) / edge.length;
      for (let i = 0; i < edge.particleCount; i += stride) {
        const t = travelled + i / edge.particleCount;
        pointOnEdge(edge, t - Math.floor(t), point);
        ctx.fillRect(point.x - half, point.y - half, size, size);
      }
    }
  }
}
