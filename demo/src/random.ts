/**
 * Seeded randomness. Every request gets its own generator derived from (seed, second, index), so the
 * spans of a request never depend on which other requests were generated or how time was sliced.
 */

/** A source of uniform numbers in [0, 1). */
export type Rng = () => number;

/** Mixes integers into one 32-bit seed (murmur3 finaliser per part), so nearby inputs give unrelated seeds. */
export function mixSeed(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    // Split into two 32-bit halves so values above 2^32 (seconds since 1970 stay below, ms do not) still mix.
    const hi = Math.floor(part / 0x100000000) >>> 0;
    h = fmix32(h ^ fmix32(part >>> 0));
    h = fmix32(h ^ fmix32(hi + 0x85ebca6b));
  }
  return h >>> 0;
}

function fmix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** mulberry32: tiny, fast and good enough for a simulation (https://gist.github.com/tommyettinger/46a874533244883189143505d203312c). */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal draw (Box–Muller, one value per call so the number of draws stays fixed). */
export function sampleNormal(rng: Rng): number {
  const u = 1 - rng();
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Log-normal draw with the given median; sigma is the standard deviation of the underlying normal. */
export function sampleLogNormal(rng: Rng, medianMs: number, sigma: number): number {
  return medianMs * Math.exp(sigma * sampleNormal(rng));
}

/** Exponential draw with the given mean (gaps of a Poisson process). */
export function sampleExponential(rng: Rng, mean: number): number {
  return -Math.log(1 - rng()) * mean;
}

/** Uniform integer in [min, max]. */
export function sampleInt(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

/** Lowercase hex of `bytes` random bytes (bytes a multiple of 4), never all zero as OTLP forbids zero ids. */
export function randomHex(rng: Rng, bytes: number): string {
  let out = '';
  let nonZero = false;
  for (let i = 0; i < bytes; i += 4) {
    const word = (rng() * 4294967296) >>> 0;
    nonZero ||= word !== 0;
    out += word.toString(16).padStart(8, '0');
  }
  return nonZero ? out : out.slice(0, -1) + '1';
}
