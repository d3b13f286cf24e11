/** Passes of neighbour swaps: later ones rarely remove a crossing. */
const UNTANGLE_PASSES = 3;
/**
 * Call pairs looked at, at most: bounds the time on large or deep maps (the demo shop needs a tenth of it), and
 * counting work instead of time keeps the result the same on every machine.
 */
const UNTANGLE_WORK = 3_000_000;

/** A straight line from (x1, y1) to (x2, y2). */
export type Segment = [number, number, number, number];

/** Which side of the line p -> q the point r lies on: -1, 0 or 1. */
function side(px: number, py: number, qx: number, qy: number, rx: number, ry: number): number {
  return Math.sign((qx - px) * (ry - py) - (qy - py) * (rx - px));
}

/** Whether two segments cross at a point inside both (touching ends do not count). */
export function segmentsCross([ax, ay, bx, by]: Segment, [cx, cy, dx, dy]: Segment): boolean {
  return (
    side(ax, ay, bx, by, cx, cy) * side(ax, ay, bx, by, dx, dy) < 0 &&
    side(cx, cy, dx, dy, ax, ay) * side(cx, cy, dx, dy, bx, by) < 0
  );
}

/**
 * Straight calls cross where the column order did not foresee it (a long call is drawn as one line, not through
 * the virtual nodes): swap neighbours in a column, keeping their rows, while that removes drawn crossings.
 */
export function untangleColumns(
  order: number[][],
  slot: Float64Array,
  depth: Int32Array,
  calls: Array<[number, number]>
): void {
  const count = calls.length;
  const from = Int32Array.from(calls, ([s]) => s);
  const to = Int32Array.from(calls, ([, t]) => t);
  const incident: number[][] = Array.from(slot, () => []);
  calls.forEach(([s, t], e) => {
    incident[s].push(e);
    incident[t].push(e);
  });
  const mark = new Int32Array(count);
  let stamp = 0;
  let work = 0;
  const a: Segment = [0, 0, 0, 0];
  const b: Segment = [0, 0, 0, 0];
  /** Drawn crossings of the calls of u and v with any call (each pair once). */
  const crossingsOf = (u: number, v: number): number => {
    stamp++;
    const own: number[] = [];
    for (const e of [...incident[u], ...incident[v]]) {
      if (mark[e] !== stamp) {
        mark[e] = stamp;
        own.push(e);
      }
    }
    let crossings = 0;
    work += own.length * count;
    for (const e of own) {
      const es = from[e];
      const et = to[e];
      a[0] = depth[es];
      a[1] = slot[es];
      a[2] = depth[et];
      a[3] = slot[et];
      for (let f = 0; f < count; f++) {
        const fs = from[f];
        const ft = to[f];
        // Calls span columns left to right: no overlap in columns, no crossing.
        if (depth[ft] <= a[0] || depth[fs] >= a[2] || (mark[f] === stamp && f <= e)) {
          continue;
        }
        if (fs === es || fs === et || ft === es || ft === et) {
          continue;
        }
        b[0] = depth[fs];
        b[1] = slot[fs];
        b[2] = depth[ft];
        b[3] = slot[ft];
        if (segmentsCross(a, b)) {
          crossings++;
        }
      }
    }
    return crossings;
  };
  for (let pass = 0; pass < UNTANGLE_PASSES; pass++) {
    let improved = false;
    for (const layer of order) {
      for (let i = 0; i + 1 < layer.length && work < UNTANGLE_WORK; i++) {
        const u = layer[i];
        const v = layer[i + 1];
        const before = crossingsOf(u, v);
        [slot[u], slot[v]] = [slot[v], slot[u]];
        if (crossingsOf(u, v) < before) {
          layer[i] = v;
          layer[i + 1] = u;
          improved = true;
        } else {
          [slot[u], slot[v]] = [slot[v], slot[u]];
        }
      }
    }
    if (!improved) {
      return;
    }
  }
}
