import { ViewTransform, WorldRect } from './sceneTypes';

export const MIN_ZOOM = 0.02;
export const MAX_ZOOM = 8;

export function clampZoom(k: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, k));
}

export function screenToWorld(view: ViewTransform, sx: number, sy: number): { x: number; y: number } {
  return { x: (sx - view.x) / view.k, y: (sy - view.y) / view.k };
}

export function visibleWorldRect(view: ViewTransform, width: number, height: number, margin = 0): WorldRect {
  return {
    minX: (-view.x - margin) / view.k,
    minY: (-view.y - margin) / view.k,
    maxX: (width - view.x + margin) / view.k,
    maxY: (height - view.y + margin) / view.k,
  };
}

/** Zooms by factor keeping the world point under (sx, sy) fixed on screen. */
export function zoomAt(view: ViewTransform, sx: number, sy: number, factor: number): ViewTransform {
  const k = clampZoom(view.k * factor);
  const ratio = k / view.k;
  return { k, x: sx - (sx - view.x) * ratio, y: sy - (sy - view.y) * ratio };
}

/** Space to keep free on each side of the fitted map, in CSS pixels. */
export interface FitInsets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** The least share of each side the fit keeps for the map, however large the insets. */
const MIN_FREE_SHARE = 0.4;

/** Insets scaled down so at least MIN_FREE_SHARE of width and height stays free (overlays on a tiny panel). */
export function shrinkInsets(inset: FitInsets, width: number, height: number): FitInsets {
  const scale = (size: number, a: number, b: number) => Math.min(1, (size * (1 - MIN_FREE_SHARE)) / Math.max(1, a + b));
  const sx = scale(width, inset.left, inset.right);
  const sy = scale(height, inset.top, inset.bottom);
  return { top: inset.top * sy, right: inset.right * sx, bottom: inset.bottom * sy, left: inset.left * sx };
}

/** The transform that shows all points (with their radius) inside width × height, keeping `padding` free. */
export function fitView(
  points: ReadonlyArray<{ x: number; y: number; radius: number }>,
  width: number,
  height: number,
  padding: number | FitInsets = 36,
  maxZoom = 2
): ViewTransform {
  const inset = shrinkInsets(
    typeof padding === 'number' ? { top: padding, right: padding, bottom: padding, left: padding } : padding,
    width,
    height
  );
  if (points.length === 0 || width <= 0 || height <= 0) {
    return { x: width / 2, y: height / 2, k: 1 };
  }
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of points) {
    minX = Math.min(minX, p.x - p.radius);
    minY = Math.min(minY, p.y - p.radius);
    maxX = Math.max(maxX, p.x + p.radius);
    maxY = Math.max(maxY, p.y + p.radius);
  }
  const k = clampZoom(
    Math.min(
      maxZoom,
      (width - inset.left - inset.right) / Math.max(1, maxX - minX),
      (height - inset.top - inset.bottom) / Math.max(1, maxY - minY)
    )
  );
  const centreX = inset.left + (width - inset.left - inset.right) / 2;
  const centreY = inset.top + (height - inset.top - inset.bottom) / 2;
  return { k, x: centreX - ((minX + maxX) / 2) * k, y: centreY - ((minY + maxY) / 2) * k };
}
