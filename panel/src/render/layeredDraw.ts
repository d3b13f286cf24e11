import { drawAboveParticles, drawBelowParticles, drawParticleLayer, drawScene } from './drawScene';
import { drawInsight } from './drawInsight';
import { FrameState } from './frameState';
import { LabelPlacer } from './labelPlacer';
import { PlacedBadge } from './placeBadges';
import { Scene } from './sceneTypes';

/** A canvas to cache a layer in (an HTMLCanvasElement in the panel; anything with a 2D context). */
export interface LayerCanvas {
  width: number;
  height: number;
  getContext(contextId: '2d'): CanvasRenderingContext2D | null;
}

export interface LayeredDraw {
  /** Something drawn changed (inputs, a node dragged in place): the next frame redraws every layer. */
  invalidate(): void;
  /** One frame into `ctx` (sized in device pixels, as `frame` says). */
  draw(ctx: CanvasRenderingContext2D, scene: Scene, frame: FrameState): void;
}

/**
 * Between two input changes only the particles (and the pulse of anomaly rings) move, yet rasterising the
 * edges and nodes is most of a frame's cost in a software canvas — and grows as the map is zoomed in. So the
 * still parts are drawn once into two cached layers (under and over the particles) and each animation frame
 * is two image copies, the particles and the insight marks. Without a layer context, every frame is drawn in full.
 */
export function createLayeredDraw(createCanvas: () => LayerCanvas, placer: LabelPlacer): LayeredDraw {
  let below: LayerCanvas | undefined;
  let above: LayerCanvas | undefined;
  let badges: PlacedBadge[] = [];
  let fresh = false;

  const sized = (layer: LayerCanvas | undefined, width: number, height: number): LayerCanvas => {
    const canvas = layer ?? createCanvas();
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
      fresh = false;
    }
    return canvas;
  };

  return {
    invalidate() {
      fresh = false;
    },
    draw(ctx, scene, frame) {
      const { width, height } = ctx.canvas;
      // A collapsed panel: nothing to draw, and a 0-pixel layer cannot be copied.
      if (width === 0 || height === 0) {
        return;
      }
      below = sized(below, width, height);
      above = sized(above, width, height);
      const belowCtx = below.getContext('2d');
      const aboveCtx = above.getContext('2d');
      if (!belowCtx || !aboveCtx) {
        drawScene(ctx, scene, frame, placer);
        return;
      }
      if (!fresh) {
        drawBelowParticles(belowCtx, scene, frame);
        aboveCtx.setTransform(1, 0, 0, 1, 0, 0);
        aboveCtx.clearRect(0, 0, width, height);
        badges = drawAboveParticles(aboveCtx, scene, frame, placer);
        fresh = true;
      }
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, width, height);
      ctx.drawImage(below as CanvasImageSource, 0, 0);
      drawParticleLayer(ctx, scene, frame);
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.drawImage(above as CanvasImageSource, 0, 0);
      drawInsight(ctx, scene, frame, badges);
    },
  };
}
