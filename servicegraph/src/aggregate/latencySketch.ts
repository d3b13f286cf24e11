/**
 * Mergeable latency distribution for p50/p95/p99.
 *
 * Why DDSketch with a sparse {bucket -> count} serialised form: @datadog/sketches-js is a maintained
 * implementation with a proven relative-accuracy guarantee (1 % here), and its logarithmic mapping is a
 * plain formula (`ceil(ln(ms) / ln(gamma))`), so the stored form is just bucket indexes and counts. SQL
 * re-aggregates any time range by summing counts per bucket index, and can compute quantiles itself
 * with `bucketValueMs` — something the library's protobuf form (and t-digest centroids) cannot offer.
 */
import { DDSketch } from '@datadog/sketches-js';

/** A latency distribution; mutate only through the functions of this module. */
export type LatencySketch = DDSketch;

/** The JSON-able form stored in PostgreSQL: parallel arrays, `b` ascending bucket indexes, `c` their counts. */
export interface SerializedSketch {
  b: number[];
  c: number[];
}

/** Quantiles are within 1 % (relative) of the exact value at the same rank. */
export const LATENCY_SKETCH_RELATIVE_ACCURACY = 0.01;

/**
 * Durations below 1 µs (Jaeger's resolution) are recorded as 1 µs, so every value has a bucket and the
 * stored form needs no separate zero count.
 */
export const MIN_LATENCY_MS = 0.001;

const mapping = new DDSketch({ relativeAccuracy: LATENCY_SKETCH_RELATIVE_ACCURACY }).mapping;

/** Bucket growth factor: bucket i holds latencies in (gamma^(i-1), gamma^i] ms. */
export const LATENCY_SKETCH_GAMMA = mapping.gamma;

export class SketchFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SketchFormatError';
  }
}

export function createLatencySketch(): LatencySketch {
  return new DDSketch({ relativeAccuracy: LATENCY_SKETCH_RELATIVE_ACCURACY });
}

export function isLatencySketch(value: unknown): value is LatencySketch {
  return value instanceof DDSketch;
}

/** The bucket a latency falls into; SQL equivalent: `ceil(ln(greatest(ms, 0.001)) / ln(gamma))`. */
export function bucketIndexForMs(ms: number): number {
  return mapping.key(clampLatency(ms));
}

/** Inclusive upper boundary of bucket `index`, in ms. */
export function bucketUpperMs(index: number): number {
  return Math.pow(LATENCY_SKETCH_GAMMA, index);
}

/**
 * The value a quantile falling into bucket `index` reports (within 1 % of every value in the bucket);
 * SQL equivalent: `power(gamma, index) * 2 / (1 + gamma)`.
 */
export function bucketValueMs(index: number): number {
  return mapping.value(index);
}

/** Records one latency (mutates the sketch). Non-finite values are ignored: they carry no latency. */
export function recordLatency(sketch: LatencySketch, ms: number): void {
  if (!Number.isFinite(ms)) {
    return;
  }
  sketch.accept(clampLatency(ms));
}

/** Adds the counts of `source` into `target` (mutates `target`). */
export function mergeSketchInto(target: LatencySketch, source: LatencySketch): void {
  // Bin by bin through `add`: the library's DenseStore.merge loses the range when a store's max key is 0.
  forEachBucket(source, (index, count) => target.store.add(index, count));
  target.count += source.count;
  target.sum += source.sum;
  target.min = Math.min(target.min, source.min);
  target.max = Math.max(target.max, source.max);
}

/** A new sketch holding both distributions; the inputs are left unchanged. */
export function mergeSketches(a: LatencySketch, b: LatencySketch): LatencySketch {
  const merged = createLatencySketch();
  mergeSketchInto(merged, a);
  mergeSketchInto(merged, b);
  return merged;
}

/**
 * The latency at quantile q (0..1) in ms; 0 for an empty sketch so graph statistics stay numeric.
 * Nearest-rank definition (the ceil(q * n)-th smallest value), so the p99 of [30, 60] is 60 ms: the
 * library's own rank, q * (n - 1) rounded down, would report 30 ms, which reads wrong on small windows.
 */
export function quantile(sketch: LatencySketch, q: number): number {
  if (sketch.count === 0) {
    return 0;
  }
  const clamped = Math.min(1, Math.max(0, q));
  const rank = Math.max(0, Math.ceil(clamped * sketch.count) - 1);
  return mapping.value(sketch.store.keyAtRank(rank));
}

export function serializeSketch(sketch: LatencySketch): SerializedSketch {
  const b: number[] = [];
  const c: number[] = [];
  forEachBucket(sketch, (index, count) => {
    b.push(index);
    c.push(count);
  });
  return { b, c };
}

/** Rebuilds a sketch from `serializeSketch` output (or SQL-merged buckets); throws SketchFormatError. */
export function deserializeSketch(value: unknown): LatencySketch {
  const form = parseSerialized(value);
  const sketch = createLatencySketch();
  for (let i = 0; i < form.b.length; i++) {
    if (form.c[i] > 0) {
      sketch.store.add(form.b[i], form.c[i]);
      sketch.count += form.c[i];
      // Summary statistics are approximated from the buckets: the stored form keeps counts only.
      const representative = bucketValueMs(form.b[i]);
      sketch.sum += representative * form.c[i];
      sketch.min = Math.min(sketch.min, representative);
      sketch.max = Math.max(sketch.max, representative);
    }
  }
  return sketch;
}

function parseSerialized(value: unknown): SerializedSketch {
  const parsed = typeof value === 'string' ? parseJson(value) : value;
  if (typeof parsed !== 'object' || parsed === null) {
    throw new SketchFormatError('latency sketch: expected an object {"b": [...], "c": [...]}');
  }
  const { b, c } = parsed as Record<string, unknown>;
  if (!isIntegerArray(b)) {
    throw new SketchFormatError('latency sketch: field "b" must be an array of integer bucket indexes');
  }
  if (!isNumberArray(c) || c.some((count) => count < 0)) {
    throw new SketchFormatError('latency sketch: field "c" must be an array of non-negative counts');
  }
  if (b.length !== c.length) {
    throw new SketchFormatError(`latency sketch: "b" has ${b.length} entries but "c" has ${c.length}`);
  }
  return { b, c };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new SketchFormatError('latency sketch: not valid JSON');
  }
}

function isNumberArray(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'number' && Number.isFinite(item));
}

function isIntegerArray(value: unknown): value is number[] {
  return isNumberArray(value) && value.every((item) => Number.isInteger(item));
}

function forEachBucket(sketch: LatencySketch, visit: (index: number, count: number) => void): void {
  const { bins, offset } = sketch.store;
  for (let i = 0; i < bins.length; i++) {
    if (bins[i] > 0) {
      visit(i + offset, bins[i]);
    }
  }
}

function clampLatency(ms: number): number {
  return ms < MIN_LATENCY_MS ? MIN_LATENCY_MS : ms;
}
