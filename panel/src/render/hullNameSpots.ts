/** A polygon in screen space (CSS px), as [x, y] points in order. */
export type ScreenPolygon = Array<[number, number]>;

/** Most rows and columns tried per hull: a hull zoomed far past the panel would otherwise mean thousands of spots. */
const MAX_ROWS = 60;
const MAX_COLUMNS = 9;

/** Ray casting: whether (x, y) lies inside the polygon. */
export function isInsidePolygon(polygon: ScreenPolygon, x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i];
    const [xj, yj] = polygon[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) {
      inside = !inside;
    }
  }
  return inside;
}

/** Where the horizontal line at y crosses a convex polygon: [left, right], or undefined when it misses it. */
function chordAt(polygon: ScreenPolygon, y: number): [number, number] | undefined {
  let left = Infinity;
  let right = -Infinity;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i];
    const [xj, yj] = polygon[j];
    if ((yi <= y && y <= yj) || (yj <= y && y <= yi)) {
      const x = yi === yj ? Math.min(xi, xj) : xi + ((xj - xi) * (y - yi)) / (yj - yi);
      const x2 = yi === yj ? Math.max(xi, xj) : x;
      left = Math.min(left, x);
      right = Math.max(right, x2);
    }
  }
  return left <= right ? [left, right] : undefined;
}

export interface NameBox {
  w: number;
  h: number;
  /** Panel size and the margin a name keeps from its edges (CSS px). */
  width: number;
  height: number;
  margin: number;
}

/**
 * Spots (top-left corners) for a group's name, best first, all on its own hull: centred on the hull's top edge
 * (half over the outline, where a reader looks for a group's title), then row by row down through the hull,
 * each row from its middle outwards. A spot whose centre lies in another hull is skipped, so a name never reads
 * as the neighbour's. Spots stay inside the panel: a hull running off it shows its name in its visible part.
 */
export function hullNameSpots(
  hull: ScreenPolygon,
  others: readonly ScreenPolygon[],
  box: NameBox
): Array<[number, number]> {
  const { w, h, width, height, margin } = box;
  if (hull.length === 0) {
    return [];
  }
  const top = Math.min(...hull.map((p) => p[1]));
  const bottom = Math.max(...hull.map((p) => p[1]));
  const step = h / 2;
  const minY = margin + h / 2;
  const maxY = height - margin - h / 2;
  // Rows of centres from just inside the top outline; a hull above the panel starts at the panel's top.
  const first = top + 2 + Math.max(0, Math.ceil((minY - top - 2) / step)) * step;
  const spots: Array<[number, number]> = [];
  for (let row = 0, cy = first; row < MAX_ROWS && cy <= Math.min(bottom - 2, maxY); row++, cy += step) {
    const chord = chordAt(hull, cy);
    if (!chord) {
      continue;
    }
    const left = Math.max(chord[0], margin + w / 2);
    const right = Math.min(chord[1], width - margin - w / 2);
    if (left > right) {
      continue;
    }
    const mid = (left + right) / 2;
    const dx = Math.max(w / 3, 12);
    for (let i = 0; i < MAX_COLUMNS; i++) {
      // 0, +1, -1, +2, -2, ... steps from the middle of the row.
      const cx = mid + (i % 2 === 1 ? 1 : -1) * Math.ceil(i / 2) * dx;
      if (cx < left || cx > right) {
        continue;
      }
      if (!others.some((other) => isInsidePolygon(other, cx, cy))) {
        spots.push([cx - w / 2, cy - h / 2]);
      }
    }
  }
  return spots;
}
