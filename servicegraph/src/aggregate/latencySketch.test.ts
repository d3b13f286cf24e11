import fc from 'fast-check';

import {
  bucketIndexForMs,
  bucketUpperMs,
  bucketValueMs,
  createLatencySketch,
  deserializeSketch,
  LATENCY_SKETCH_GAMMA,
  mergeSketches,
  quantile,
  recordLatency,
  serializeSketch,
  SketchFormatError,
  type LatencySketch,
} from './latencySketch';

/** Exact nearest-rank quantile: the ceil(q * n)-th smallest sample. */
function exactQuantile(sorted: number[], q: number): number {
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)];
}

function sketchOf(values: number[]): LatencySketch {
  const sketch = createLatencySketch();
  values.forEach((value) => recordLatency(sketch, value));
  return sketch;
}

/** Deterministic pseudo-random generator so failures reproduce. */
function lcg(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 4294967296;
    return state / 4294967296;
  };
}

const latencies = fc.array(fc.double({ min: 0.001, max: 600_000, noNaN: true }), { minLength: 1, maxLength: 300 });

describe('latency sketch', () => {
  it('is within 1 % of exact p50/p95/p99 on log-normal latencies', () => {
    const random = lcg(42);
    const values = Array.from({ length: 20_000 }, () => {
      const gaussian = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
      return Math.exp(3 + 1.2 * gaussian);
    });
    const sketch = sketchOf(values);
    const sorted = [...values].sort((a, b) => a - b);
    for (const q of [0.5, 0.95, 0.99]) {
      const exact = exactQuantile(sorted, q);
      expect(Math.abs(quantile(sketch, q) - exact) / exact).toBeLessThanOrEqual(0.0101);
    }
  });

  it('keeps the relative error bound for any sample (property)', () => {
    fc.assert(
      fc.property(latencies, fc.constantFrom(0.5, 0.95, 0.99), (values, q) => {
        const exact = exactQuantile(
          [...values].sort((a, b) => a - b),
          q
        );
        const estimate = quantile(sketchOf(values), q);
        return Math.abs(estimate - exact) / exact <= 0.0101;
      })
    );
  });

  it('merging equals recording everything into one sketch, and leaves the inputs unchanged', () => {
    fc.assert(
      fc.property(latencies, latencies, (left, right) => {
        const a = sketchOf(left);
        const b = sketchOf(right);
        const before = serializeSketch(a);
        const merged = mergeSketches(a, b);
        expect(serializeSketch(merged)).toEqual(serializeSketch(sketchOf([...left, ...right])));
        expect(serializeSketch(a)).toEqual(before);
        expect(merged.count).toBe(left.length + right.length);
      })
    );
  });

  it('merges sketches whose top bucket is index 0 (around 1 ms) without losing counts', () => {
    const merged = mergeSketches(sketchOf([0.5, 0.6]), sketchOf([1.0, 0.3]));
    expect(merged.count).toBe(4);
    expect(quantile(merged, 1)).toBeCloseTo(1, 1);
    const again = mergeSketches(merged, sketchOf([0.9]));
    expect(serializeSketch(again).c.reduce((sum, count) => sum + count, 0)).toBe(5);
  });

  it('round-trips through the serialised form and JSON text', () => {
    const sketch = sketchOf([0, 0.2, 1, 1, 12.5, 250, 99_000]);
    const form = serializeSketch(sketch);
    expect(form.b).toEqual([...form.b].sort((a, b) => a - b));
    const restored = deserializeSketch(JSON.stringify(form));
    expect(serializeSketch(restored)).toEqual(form);
    for (const q of [0, 0.5, 0.95, 0.99, 1]) {
      expect(quantile(restored, q)).toBe(quantile(sketch, q));
    }
  });

  it('summing counts per bucket index (what SQL does) equals merging', () => {
    const a = serializeSketch(sketchOf([3, 4, 5, 900]));
    const b = serializeSketch(sketchOf([4, 4.01, 70]));
    const summed = new Map<number, number>();
    [a, b].forEach((form) => form.b.forEach((index, i) => summed.set(index, (summed.get(index) ?? 0) + form.c[i])));
    const indexes = [...summed.keys()].sort((x, y) => x - y);
    const sqlMerged = { b: indexes, c: indexes.map((index) => summed.get(index) ?? 0) };
    expect(serializeSketch(mergeSketches(deserializeSketch(a), deserializeSketch(b)))).toEqual(sqlMerged);
  });

  it('bucket functions describe the buckets the sketch uses', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 3_600_000, noNaN: true }), (ms) => {
        const index = bucketIndexForMs(ms);
        expect(ms).toBeLessThanOrEqual(bucketUpperMs(index) * (1 + 1e-12));
        expect(ms).toBeGreaterThan(bucketUpperMs(index - 1) * (1 - 1e-12));
        expect(Math.abs(bucketValueMs(index) - ms) / ms).toBeLessThanOrEqual(0.0101);
        expect(serializeSketch(sketchOf([ms])).b).toEqual([index]);
      })
    );
    expect(LATENCY_SKETCH_GAMMA).toBeCloseTo(1.01 / 0.99, 12);
  });

  it('uses nearest-rank quantiles, so a high quantile of a small sample is its largest value', () => {
    const sketch = sketchOf([30, 60]);
    expect(quantile(sketch, 0.5) / 30).toBeCloseTo(1, 1);
    expect(quantile(sketch, 0.99) / 60).toBeCloseTo(1, 1);
    expect(quantile(sketch, 0) / 30).toBeCloseTo(1, 1);
  });

  it('reports 0 for an empty sketch and ignores non-finite latencies', () => {
    const sketch = createLatencySketch();
    recordLatency(sketch, Number.NaN);
    expect(quantile(sketch, 0.99)).toBe(0);
    expect(serializeSketch(sketch)).toEqual({ b: [], c: [] });
  });

  it('rejects malformed serialised sketches with a specific error', () => {
    expect(() => deserializeSketch('{"b":[1]')).toThrow(new SketchFormatError('latency sketch: not valid JSON'));
    expect(() => deserializeSketch({ b: [1.5], c: [1] })).toThrow(/"b" must be an array of integer/);
    expect(() => deserializeSketch({ b: [1], c: [-1] })).toThrow(/"c" must be an array of non-negative/);
    expect(() => deserializeSketch({ b: [1, 2], c: [1] })).toThrow('latency sketch: "b" has 2 entries but "c" has 1');
    expect(() => deserializeSketch(null)).toThrow(SketchFormatError);
  });
});
