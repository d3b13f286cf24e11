import { DrawContext } from './drawContext';
import { drawEdges } from './drawEdges';
import { drawHulls } from './drawHulls';
import { drawInsight } from './drawInsight';
import { drawLabels } from './drawLabels';
import { drawNodes } from './drawNodes';
import { drawParticles } from './drawParticles';
import { FrameState } from './frameState';
import { LabelPlacer } from './labelPlacer';
import { Scene } from './sceneTypes';

/** One full frame: hulls, edges, particles, nodes in world space, then labels and insight marks in screen space. */
export function drawScene(ctx: DrawContext, scene: Scene, frame: FrameState, placer: LabelPlacer): void {
  const { dpr, view } = frame;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, frame.width, frame.height);
  ctx.setTransform(dpr * view.k, 0, 0, dpr * view.k, dpr * view.x, dpr * view.y);
  ctx.lineCap = 'round';
  drawHulls(ctx, scene, frame);
  drawEdges(ctx, scene, frame);
  drawParticles(ctx, scene, frame);
  drawNodes(ctx, scene, frame);
  drawLabels(ctx, scene, frame, placer);
  drawInsight(ctx, scene, frame);
}
