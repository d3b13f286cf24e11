/**
 * The stored form of a latency sketch: parallel arrays of ascending bucket indexes and counts, optionally
 * coarsened by `scale` (k stored = floor(k / scale)) for rollup tables; see collector/migrations/0001_edges.sql.
 */
import {
  deserializeSketch,
  serializeSketch,
  type LatencySketch,
} from '../../../servicegraph/src/aggregate/latencySketch';

export interface SketchArrays {
  idx: number[];
  cnt: number[];
}

/** Index coarsening per table resolution; must match kompas.sketch_scale(). */
export const SKETCH_SCALE = { '10s': 1, '1m': 1, '1h': 4, '6h': 4 } as const;

export function toSketchArrays(sketch: LatencySketch, scale = 1): SketchArrays {
  const { b, c } = serializeSketch(sketch);
  if (scale === 1) {
    return { idx: b, cnt: c };
  }
  const idx: number[] = [];
  const cnt: number[] = [];
  b.forEach((index, i) => {
    const k = Math.floor(index / scale);
    if (idx.length > 0 && idx[idx.length - 1] === k) {
      cnt[cnt.length - 1] += c[i];
    } else {
      idx.push(k);
      cnt.push(c[i]);
    }
  });
  return { idx, cnt };
}

/** A stored index at `scale` back on the 1 % scale (the middle of the indexes it covers), as kompas.sketch_unscale. */
export function unscaleIndex(index: number, scale: number): number {
  return index * scale + Math.floor(scale / 2);
}

/** Rebuilds a sketch from arrays on the 1 % scale; throws SketchFormatError naming the problem. */
export function fromSketchArrays(arrays: SketchArrays): LatencySketch {
  return deserializeSketch({ b: arrays.idx.map(Number), c: arrays.cnt.map(Number) });
}
