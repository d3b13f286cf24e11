import { drawAboveParticles, drawBelowParticles, drawParticleLayer, drawScene } from './drawScene';
import { drawInsight } from './drawInsight';
import { FrameState } from './frameState';
import { LabelPlacer } from './labelPlacer';
import { CachedView, canReuseLayer, isSameView, moveBadges, placeLayer } from './layerPlacement';
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

  const sized = (layer: LayerCanvas | undefined, width: number, height: number): LayerCanvas => {
    const canvas = layer ?? createCanvas();
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
      cached = undefined;
    }
    return canvas;
  };

  const redraw = (
    belowCtx: CanvasRenderingContext2D,
    aboveCtx: CanvasRenderingContext2D,
    scene: Scene,
    frame: FrameState,
    margin: number
  ) => {
    const layerFrame = widenFrame(frame, margin);
    for (const layerCtx of [belowCtx, aboveCtx]) {
      layerCtx.setTransform(1, 0, 0, 1, 0, 0);
      layerCtx.clearRect(0, 0, layerCtx.canvas.width, layerCtx.canvas.height);
    }
    drawBelowParticles(belowCtx, scene, layerFrame);
    badges = drawAboveParticles(aboveCtx, scene, layerFrame, placer);
    cached = { view: frame.view, margin };
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
      const margin = Math.ceil(MOVE_MARGIN_PX * frame.dpr);
      below = sized(below, width + 2 * margin, height + 2 * margin);
      above = sized(above, width + 2 * margin, height + 2 * margin);
      const belowCtx = below.getContext('2d');
      const aboveCtx = above.getContext('2d');
      if (!belowCtx || !aboveCtx) {
        drawScene(ctx, scene, frame, placer);
        return undefined;
      }
      const settleInMs = Math.max(0, movedAtMs + VIEW_SETTLE_MS - nowMs);
      const moving = settleInMs > 0;
      const { width: cssWidth, height: cssHeight } = frame;
      if (
        !cached ||
        (!moving && (cached.margin > 0 || !isSameView(cached.view, frame.view))) ||
        (moving && !canReuseLayer(cached, frame.view, cssWidth, cssHeight))
      ) {
        redraw(belowCtx, aboveCtx, scene, frame, moving ? MOVE_MARGIN_PX : 0);
      }
      const shown = cached ?? { view: frame.view, margin: 0 };
      const placement = placeLayer(shown, frame.view);
      const { dpr } = frame;
      // A pure shift lands on whole device pixels: a copy between pixels would blur the still parts.
      const shift = placement.scale === 1 ? Math.round : (value: number) => value;
      const copyLayer = (layer: LayerCanvas) => {
        ctx.setTransform(placement.scale, 0, 0, placement.scale, shift(dpr * placement.x), shift(dpr * placement.y));
        ctx.drawImage(layer as CanvasImageSource, 0, 0);
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
