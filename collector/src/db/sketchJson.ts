/**
 * The stored form of a latency sketch: a JSON object {"<bucket index>": count}. An object (rather than
 * servicegraph's parallel arrays) lets PostgreSQL merge sketches with jsonb_each + sum, see kompas.sketch_merge.
 */
import {
  deserializeSketch,
  serializeSketch,
  type LatencySketch,
} from '../../../servicegraph/src/aggregate/latencySketch';

export type SketchJson = Record<string, number>;

export function toSketchJson(sketch: LatencySketch): SketchJson {
  const { b, c } = serializeSketch(sketch);
  const out: SketchJson = {};
  b.forEach((index, i) => {
    out[String(index)] = c[i];
  });
  return out;
}

/** Parses the stored form; throws SketchFormatError naming the problem. */
export function fromSketchJson(json: SketchJson): LatencySketch {
  const entries = Object.entries(json).map(([k, v]) => [Number(k), v] as const);
  entries.sort((x, y) => x[0] - y[0]);
  return deserializeSketch({ b: entries.map((e) => e[0]), c: entries.map((e) => e[1]) });
}
