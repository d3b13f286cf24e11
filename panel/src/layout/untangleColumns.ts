/** Passes of neighbour swaps: later ones rarely remove a crossing. */
const UNTANGLE_PASSES = 3;

/** A straight line from (x1, y1) to (x2, y2). */
export type Segment = [number, number, number, number];

/** Whether two segments cross at a point inside both (touching ends do not count). */
export function segmentsCross([ax, ay, bx, by]: Segment, [cx, cy, dx, dy]: Segment): boolean {
  const side = (px: number, py: number, qx: number, qy: number, rx: number, ry: number) =>
    Math.sign((qx - px) * (ry - py) - (qy - py) * (rx - px));
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
  const incident: number[][] = Array.from(slot, () => []);
  calls.forEach(([s, t], e) => {
    incident[s].push(e);
    incident[t].push(e);
  });
  const segment = (e: number): Segment => {
    const [s, t] = calls[e];
    return [depth[s], slot[s], depth[t], slot[t]];
  };
  const crossingsOf = (u: number, v: number): number => {
    const own = new Set([...incident[u], ...incident[v]]);
    let count = 0;
    for (const e of own) {
      const a = segment(e);
      const [es, et] = calls[e];
      calls.forEach(([fs, ft], f) => {
        if (
          f !== e &&
          (!own.has(f) || f > e) &&
          fs !== es &&
          fs !== et &&
          ft !== es &&
          ft !== et &&
          segmentsCross(a, segment(f))
        ) {
          count++;
        }
      });
    }
    return count;
  };
  for (let pass = 0; pass < UNTANGLE_PASSES; pass++) {
    let improved = false;
    for (const layer of order) {
      for (let i = 0; i + 1 < layer.length; i++) {
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
