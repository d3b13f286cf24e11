import { DrawContext } from './drawContext';
import { drawEdges } from './drawEdges';
import { drawHullNames, drawHulls } from './drawHulls';
import { drawInsight } from './drawInsight';
import { drawFirstTitles, drawLabels, reserveNodes } from './drawLabels';
import { drawNodes } from './drawNodes';
import { drawParticles } from './drawParticles';
import { FrameState } from './frameState';
import { LabelPlacer } from './labelPlacer';
import { PlacedBadge, placeInsightBadges } from './placeBadges';
import { Scene } from './sceneTypes';

function setWorldTransform(ctx: DrawContext, frame: FrameState): void {
  const { dpr, view } = frame;
  ctx.setTransform(dpr * view.k, 0, 0, dpr * view.k, dpr * view.x, dpr * view.y);
  ctx.lineCap = 'round';
}

function clear(ctx: DrawContext, frame: FrameState): void {
  ctx.setTransform(frame.dpr, 0, 0, frame.dpr, 0, 0);
  ctx.clearRect(0, 0, frame.width, frame.height);
}

/** What lies under the particles and does not move with them: hulls and edges (after clearing). */
export function drawBelowParticles(ctx: DrawContext, scene: Scene, frame: FrameState): void {
  clear(ctx, frame);
  setWorldTransform(ctx, frame);
  drawHulls(ctx, scene, frame);
  drawEdges(ctx, scene, frame);
}

/** The moving part of a frame: flow particles along the edges. */
export function drawParticleLayer(ctx: DrawContext, scene: Scene, frame: FrameState): void {
  setWorldTransform(ctx, frame);
  drawParticles(ctx, scene, frame);
}

/**
 * What lies over the particles and does not move: nodes in world space; then in screen space, sharing one
 * placer so nothing covers a node or another text: the selected, hovered and unhealthy services' names (what
 * the reader looks for), insight badges around them, group names, then the other names and edge labels where
 * room is left. Returns the badges, drawn last with the insight marks.
 */
export function drawAboveParticles(
  ctx: DrawContext,
  scene: Scene,
  frame: FrameState,
  placer: LabelPlacer
): PlacedBadge[] {
  setWorldTransform(ctx, frame);
  drawNodes(ctx, scene, frame);
  placer.reset();
  reserveNodes(placer, scene, frame);
  const titles = drawFirstTitles(ctx, scene, frame, placer);
  const badges = placeInsightBadges(ctx, scene, frame, placer);
  drawHullNames(ctx, scene, frame, placer);
  drawLabels(ctx, scene, frame, placer, titles);
  return badges;
}

/** One full frame: hulls and edges, particles, nodes and labels, then the insight marks and badges on top. */
export function drawScene(ctx: DrawContext, scene: Scene, frame: FrameState, placer: LabelPlacer): void {
  drawBelowParticles(ctx, scene, frame);
  drawParticleLayer(ctx, scene, frame);
  const badges = drawAboveParticles(ctx, scene, frame, placer);
  drawInsight(ctx, scene, frame, badges);
}
