import { PlacedBadge } from './placeBadges';
import { ViewTransform } from './sceneTypes';

/**
 * How a cached layer drawn at one view shows at another (pan: a shift; zoom: a scale and a shift), in CSS px:
 * a point at `p` in the layer shows at `scale × p + (x, y)` on screen.
 */
export interface LayerPlacement {
  scale: number;
  x: number;
  y: number;
}

/** The layer's drawn area: the view it was drawn at and how far (CSS px) it reaches past each side of the panel. */
export interface CachedView {
  view: ViewTransform;
  margin: number;
}

/** Scale ratios outside these look too blurred (zoomed in) or show too much unscaled detail (zoomed out). */
const MIN_LAYER_SCALE = 0.5;
const MAX_LAYER_SCALE = 2;
/** Blank strip (CSS px) a moved layer may leave at the panel's edge before it is redrawn. */
export const MAX_REVEALED_PX = 24;

/** Where a layer drawn at `cached` (its origin `margin` px up and left of the panel's) shows at `current`. */
export function placeLayer(cached: CachedView, current: ViewTransform): LayerPlacement {
  const scale = current.k / cached.view.k;
  return {
    scale,
    x: current.x - scale * (cached.view.x + cached.margin),
    y: current.y - scale * (cached.view.y + cached.margin),
  };
}

/**
 * How far (CSS px on screen) the panel at `current` reaches past what the layer drawn at `cached` covers, on the
 * worst side: 0 when the moved layer fills the panel.
 */
export function revealedPx(cached: CachedView, current: ViewTransform, width: number, height: number): number {
  const { scale, x, y } = placeLayer(cached, current);
  const covered = { width: width + 2 * cached.margin, height: height + 2 * cached.margin };
  // The layer's covered rectangle on screen: [x, x + scale × covered.width] × [y, y + scale × covered.height].
  return Math.max(0, x, y, width - (x + scale * covered.width), height - (y + scale * covered.height));
}

/** Whether a layer drawn at `cached` can stand in for one drawn at `current` while the view moves. */
export function canReuseLayer(cached: CachedView, current: ViewTransform, width: number, height: number): boolean {
  const scale = current.k / cached.view.k;
  return (
    scale >= MIN_LAYER_SCALE &&
    scale <= MAX_LAYER_SCALE &&
    revealedPx(cached, current, width, height) <= MAX_REVEALED_PX
  );
}

/** A part of a layer (source, device px) and where it lands on the panel's canvas (destination, device px). */
export interface LayerCopy {
  sx: number;
  sy: number;
  sw: number;
  sh: number;
  dx: number;
  dy: number;
  dw: number;
  dh: number;
}

/**
 * The part of a `layerWidth` × `layerHeight` layer, shown scaled `scale` with its origin at (x, y), that falls on a
 * `width` × `height` canvas (all in device px), or undefined when none does. Copying only that part keeps a
 * layer with a margin as cheap to copy as one the panel's size.
 */
export function visibleLayerCopy(
  scale: number,
  x: number,
  y: number,
  layer: { width: number; height: number },
  canvas: { width: number; height: number }
): LayerCopy | undefined {
  const sx = Math.max(0, -x / scale);
  const sy = Math.max(0, -y / scale);
  const ex = Math.min(layer.width, (canvas.width - x) / scale);
  const ey = Math.min(layer.height, (canvas.height - y) / scale);
  if (ex <= sx || ey <= sy) {
    return undefined;
  }
  return {
    sx,
    sy,
    sw: ex - sx,
    sh: ey - sy,
    dx: x + scale * sx,
    dy: y + scale * sy,
    dw: scale * (ex - sx),
    dh: scale * (ey - sy),
  };
}

/** Badges placed in the layer's screen space, moved with it (same size: they are text). */
export function moveBadges(badges: readonly PlacedBadge[], placement: LayerPlacement): PlacedBadge[] {
  const { scale, x, y } = placement;
  return badges.map((badge) => ({ ...badge, x: scale * badge.x + x, y: scale * badge.y + y }));
}

export function isSameView(a: ViewTransform, b: ViewTransform): boolean {
  return a === b || (a.x === b.x && a.y === b.y && a.k === b.k);
}
