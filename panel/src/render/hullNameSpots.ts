/** A polygon in screen space (CSS px), as [x, y] points in order. */
export type ScreenPolygon = Array<[number, number]>;

/** Most rows and columns tried per hull: a hull zoomed far past the panel would otherwise mean thousands of spots. */
const MAX_ROWS = 60;
const MAX_COLUMNS = 41;

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

/** Distance from (x, y) to the polygon: 0 inside it, else to its nearest side. */
export function distanceToPolygon(polygon: ScreenPolygon, x: number, y: number): number {
  if (isInsidePolygon(polygon, x, y)) {
    return 0;
  }
  let best = Infinity;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [ax, ay] = polygon[j];
    const [bx, by] = polygon[i];
    const dx = bx - ax;
    const dy = by - ay;
    const t =
      dx === 0 && dy === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    best = Math.min(best, Math.hypot(x - (ax + t * dx), y - (ay + t * dy)));
  }
  return best;
}

/** Where the horizontal line at y crosses a convex polygon: [left, right], or undefined when it misses it. */
function chordAt(polygon: ScreenPolygon, y: number): [number, number] | undefined {
  let left = Infinity;
  let right = -Infinity;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i];
    const [xj, yj] = polygon[j];
    if ((yi <= y && y <= yj) || (yj <= y && y <= yi)) {
      const a = yi === yj ? Math.min(xi, xj) : xi + ((xj - xi) * (y - yi)) / (yj - yi);
      const b = yi === yj ? Math.max(xi, xj) : a;
      left = Math.min(left, a);
      right = Math.max(right, b);
    }
  }
  return left <= right ? [left, right] : undefined;
}

/** The x range where a box of height h centred at cy overlaps the polygon (its top, middle or bottom line does). */
function bandAt(polygon: ScreenPolygon, cy: number, h: number): [number, number] | undefined {
  let range: [number, number] | undefined;
  for (const y of [cy - h / 2, cy, cy + h / 2]) {
    const chord = chordAt(polygon, y);
    if (chord) {
      range = range ? [Math.min(range[0], chord[0]), Math.max(range[1], chord[1])] : chord;
    }
  }
  return range;
}

export interface NameBox {
  w: number;
  h: number;
  /** Panel size and the margin a name keeps from its edges (CSS px). */
  width: number;
  height: number;
  margin: number;
}

/** Whether a name centred at (cx, cy) reads as the hull's: in no other hull, and no nearer to one than to its own. */
function isOwnedBy(hull: ScreenPolygon, others: readonly ScreenPolygon[], cx: number, cy: number): boolean {
  const own = distanceToPolygon(hull, cx, cy);
  return others.every((other) => !isInsidePolygon(other, cx, cy) && distanceToPolygon(other, cx, cy) > own);
}

/**
 * Spots (top-left corners) for a group's name, best first, all on its own hull: resting on the hull's top
 * outline (where a reader looks for a group's title), then row by row down through the hull to its bottom
 * outline, each row from its middle outwards; every spot overlaps the hull. A spot in another hull or nearer to one is skipped, so a name
 * never reads as the neighbour's. Spots stay inside the panel: a hull running off it shows its name in its
 * visible part. Lazy, so the caller stops at the first free one.
 */
export function* hullNameSpots(
  hull: ScreenPolygon,
  others: readonly ScreenPolygon[],
  box: NameBox
): Generator<[number, number]> {
  const { w, h, width, height, margin } = box;
  if (hull.length === 0) {
    return;
  }
  const top = Math.min(...hull.map((p) => p[1]));
  const bottom = Math.max(...hull.map((p) => p[1]));
  const step = h / 2;
  const minY = margin + h / 2;
  const maxY = height - margin - h / 2;
  // Rows of centres from the one whose box rests on the top outline; a hull above the panel starts at its top.
  const start = top - h / 2 + 3;
  const first = start + Math.max(0, Math.ceil((minY - start) / step)) * step;
  const last = Math.min(bottom + h / 2 - 3, maxY);
  const rows: number[] = [];
  for (let cy = first; rows.length < MAX_ROWS && cy <= last; cy += step) {
    rows.push(cy);
  }
  // The row resting on the bottom outline too: under a hull's lowest node there is often room left.
  if (rows.length > 0 && rows[rows.length - 1] < last) {
    rows.push(last);
  }
  for (const cy of rows) {
    const band = bandAt(hull, cy, h);
    if (!band) {
      continue;
    }
    const left = Math.max(band[0], margin + w / 2);
    const right = Math.min(band[1], width - margin - w / 2);
    if (left > right) {
      continue;
    }
    const mid = (left + right) / 2;
    const dx = Math.max(w / 4, 10);
    for (let i = 0; i < MAX_COLUMNS; i++) {
      // 0, +1, -1, +2, -2, ... steps from the middle of the row.
      const cx = mid + (i % 2 === 1 ? 1 : -1) * Math.ceil(i / 2) * dx;
      if (Math.ceil(i / 2) * dx > (right - left) / 2 + dx) {
        break;
      }
      if (cx >= left && cx <= right && isOwnedBy(hull, others, cx, cy)) {
        yield [cx - w / 2, cy - h / 2];
      }
    }
  }
}
