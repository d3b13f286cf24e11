import { drawAboveParticles, drawBelowParticles, drawParticleLayer, drawScene } from './drawScene';
import { drawInsight } from './drawInsight';
import { FrameState } from './frameState';
import { LabelPlacer } from './labelPlacer';
import { CachedView, canReuseLayer, isSameView, moveBadges, placeLayer, visibleLayerCopy } from './layerPlacement';
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
  /**
   * One frame into `ctx` (sized in device pixels, as `frame` says) at `nowMs` (a monotonic clock). Returns in
   * how many ms the still layers, shown moved while the view moves, are due to be redrawn at the view
   * (`undefined` when they already show it): a caller without an animation loop draws a frame then.
   */
  draw(ctx: CanvasRenderingContext2D, scene: Scene, frame: FrameState, nowMs: number): number | undefined;
}

/** A view unchanged this long (ms) has stopped moving: the still layers are redrawn at it, labels placed anew. */
export const VIEW_SETTLE_MS = 140;
/** While the view moves, layers are drawn this far (CSS px) past each side of the panel, so a pan shows drawn map. */
export const MOVE_MARGIN_PX = 160;

/** `frame` widened by `margin` CSS px on each side: the same map, drawn into a bigger layer. */
function widenFrame(frame: FrameState, margin: number): FrameState {
  if (margin === 0) {
    return frame;
  }
  const { view, visible } = frame;
  const world = margin / view.k;
  return {
    ...frame,
    view: { ...view, x: view.x + margin, y: view.y + margin },
    width: frame.width + 2 * margin,
    height: frame.height + 2 * margin,
    visible: {
      minX: visible.minX - world,
      minY: visible.minY - world,
      maxX: visible.maxX + world,
      maxY: visible.maxY + world,
    },
  };
}

/**
 * Between two input changes only the particles (and the pulse of anomaly rings) move, yet rasterising the
 * edges and nodes is most of a frame's cost in a software canvas — and grows as the map is zoomed in. So the
 * still parts are drawn once into two cached layers (under and over the particles) and each animation frame
 * is two image copies, the particles and the insight marks. Without a layer context, every frame is drawn in full.
 *
 * A pan or zoom does not redraw them either while the view keeps moving: the layers are copied shifted and
 * scaled to the new view (labels a moment stale), and redrawn once the view rests VIEW_SETTLE_MS, or sooner when
 * the moved copy would be too blurred or leave a blank strip. Redraws during a move cover MOVE_MARGIN_PX
 * more on each side so the next few frames of the pan find the map drawn; a resting view is drawn exactly as
 * a still map always is.
 */
export function createLayeredDraw(createCanvas: () => LayerCanvas, placer: LabelPlacer): LayeredDraw {
  let below: LayerCanvas | undefined;
  let above: LayerCanvas | undefined;
  let badges: PlacedBadge[] = [];
  let cached: CachedView | undefined;
  let lastView = { x: NaN, y: NaN, k: NaN };
  let movedAtMs = -Infinity;
  let drawnFor = { width: 0, height: 0 };

  /** The layers sized for a `width` × `height` (device px) canvas plus `pad` on each side, with their contexts. */
  const sizedLayers = (width: number, height: number, pad: number) => {
    below = below ?? createCanvas();
    above = above ?? createCanvas();
    for (const layer of [below, above]) {
      if (layer.width !== width + 2 * pad || layer.height !== height + 2 * pad) {
        layer.width = width + 2 * pad;
        layer.height = height + 2 * pad;
      }
    }
    const belowCtx = below.getContext('2d');
    const aboveCtx = above.getContext('2d');
    return belowCtx && aboveCtx ? { belowCtx, aboveCtx } : undefined;
  };

  /** Draws the still parts at the frame's view, `margin` CSS px past each side of the panel (0 for a still map). */
  const redraw = (ctx: CanvasRenderingContext2D, scene: Scene, frame: FrameState, margin: number): boolean => {
    const { width, height } = ctx.canvas;
    // Layers a margin wider only while the view moves: copying from a bigger canvas costs every frame.
    const contexts = sizedLayers(width, height, Math.ceil(margin * frame.dpr));
    if (!contexts) {
      return false;
    }
    const { belowCtx, aboveCtx } = contexts;
    const layerFrame = widenFrame(frame, margin);
    for (const layerCtx of [belowCtx, aboveCtx]) {
      layerCtx.setTransform(1, 0, 0, 1, 0, 0);
      layerCtx.clearRect(0, 0, layerCtx.canvas.width, layerCtx.canvas.height);
    }
    drawBelowParticles(belowCtx, scene, layerFrame);
    badges = drawAboveParticles(aboveCtx, scene, layerFrame, placer);
    cached = { view: frame.view, margin };
    drawnFor = { width, height };
    return true;
  };

  return {
    invalidate() {
      cached = undefined;
    },
    draw(ctx, scene, frame, nowMs) {
      const { width, height } = ctx.canvas;
      // A collapsed panel: nothing to draw, and a 0-pixel layer cannot be copied.
      if (width === 0 || height === 0) {
        return undefined;
      }
      if (!isSameView(frame.view, lastView)) {
        // The first view is where the map starts, not a move.
        movedAtMs = Number.isNaN(lastView.k) ? -Infinity : nowMs;
        lastView = frame.view;
      }
      const settleInMs = Math.max(0, movedAtMs + VIEW_SETTLE_MS - nowMs);
      const moving = settleInMs > 0;
      if (
        !cached ||
        drawnFor.width !== width ||
        drawnFor.height !== height ||
        (!moving && (cached.margin > 0 || !isSameView(cached.view, frame.view))) ||
        (moving && !canReuseLayer(cached, frame.view, frame.width, frame.height))
      ) {
        if (!redraw(ctx, scene, frame, moving ? MOVE_MARGIN_PX : 0)) {
          drawScene(ctx, scene, frame, placer);
          return undefined;
        }
      }
      const shown = cached;
      if (!below || !above || !shown) {
        return undefined;
      }
      const placement = placeLayer(shown, frame.view);
      const { dpr } = frame;
      // A pure shift lands on whole device pixels: a copy between pixels would blur the still parts.
      const shift = placement.scale === 1 ? Math.round : (value: number) => value;
      const copy = visibleLayerCopy(placement.scale, shift(dpr * placement.x), shift(dpr * placement.y), below, {
        width,
        height,
      });
      const copyLayer = (layer: LayerCanvas) => {
        if (copy) {
          const { sx, sy, sw, sh, dx, dy, dw, dh } = copy;
          ctx.setTransform(1, 0, 0, 1, 0, 0);
          ctx.drawImage(layer as CanvasImageSource, sx, sy, sw, sh, dx, dy, dw, dh);
        }
      };
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, width, height);
      copyLayer(below);
      drawParticleLayer(ctx, scene, frame);
      copyLayer(above);
      const exact = shown.margin === 0 && isSameView(shown.view, frame.view);
      drawInsight(ctx, scene, frame, exact ? badges : moveBadges(badges, placement));
      return exact ? undefined : settleInMs;
    },
  };
}
