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

/** The transform that shows all points (with their radius) inside width × height with padding. */
export function fitView(
  points: ReadonlyArray<{ x: number; y: number; radius: number }>,
  width: number,
  height: number,
  padding = 36,
  maxZoom = 2
): ViewTransform {
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
    Math.min(maxZoom, (width - 2 * padding) / Math.max(1, maxX - minX), (height - 2 * padding) / Math.max(1, maxY - minY))
  );
  return { k, x: width / 2 - ((minX + maxX) / 2) * k, y: height / 2 - ((minY + maxY) / 2) * k };
}
