import { DrawContext } from './drawContext';
import { drawEdges } from './drawEdges';
import { drawHullNames, drawHulls } from './drawHulls';
import { drawInsight } from './drawInsight';
import { drawLabels, reserveNodes } from './drawLabels';
import { drawNodes } from './drawNodes';
import { drawParticles } from './drawParticles';
import { FrameState } from './frameState';
import { LabelPlacer } from './labelPlacer';
import { placeInsightBadges } from './placeBadges';
import { Scene } from './sceneTypes';

/**
 * One full frame: hulls, edges, particles, nodes in world space; then in screen space, sharing one placer so
 * nothing covers a node or another text: insight badges (placed first, they matter most), service and edge
 * labels, group names where room is left, and the insight marks with the badges drawn last, on top.
 */
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
  placer.reset();
  reserveNodes(placer, scene, frame);
  const badges = placeInsightBadges(ctx, scene, frame, placer);
  drawLabels(ctx, scene, frame, placer);
  drawHullNames(ctx, scene, frame, placer);
  drawInsight(ctx, scene, frame, badges);
}
