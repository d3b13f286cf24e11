/**
 * When requests arrive: a Poisson process whose rate follows the time of day (UTC). Arrivals are
 * drawn per whole second from a generator seeded by (seed, second), which is what makes any slicing
 * of a time window produce the same requests.
 */
import { createRng, mixSeed, sampleExponential } from './random';

const DAY_MS = 86_400_000;
/** Salt that separates the arrival stream of a second from the request streams of that second. */
const ARRIVAL_STREAM = 0x5eed;

/**
 * Traffic relative to the daily mean (mean 1): quiet around 05:00, busy late afternoon and evening,
 * ranging from about 0.4 to 1.6.
 */
export function diurnalFactor(timeMs: number): number {
  const hour = (((timeMs % DAY_MS) + DAY_MS) % DAY_MS) / 3_600_000;
  return 1 + 0.6 * Math.cos((2 * Math.PI * (hour - 17)) / 24) + 0.15 * Math.cos((4 * Math.PI * (hour - 20)) / 24);
}

/** Request rate (requests/s) at a moment. */
export function rateAt(timeMs: number, ratePerSecond: number, diurnal: boolean): number {
  return diurnal ? ratePerSecond * diurnalFactor(timeMs) : ratePerSecond;
}

/**
 * How much slower handlers work at a moment: 1 up to the mean rate, then up to about +20% at the
 * daily peak, so latency follows traffic as it does in real shops.
 */
export function loadFactorAt(timeMs: number, diurnal: boolean): number {
  return diurnal ? 1 + 0.33 * Math.max(0, diurnalFactor(timeMs) - 1) : 1;
}

/** Offsets (ms, ascending, in [0, 1000)) of the requests that start in the given second. */
export function arrivalOffsets(seed: number, second: number, ratePerSecond: number): number[] {
  const offsets: number[] = [];
  if (!(ratePerSecond > 0)) {
    return offsets;
  }
  const rng = createRng(mixSeed(seed, second, ARRIVAL_STREAM));
  const meanGapMs = 1000 / ratePerSecond;
  for (let t = sampleExponential(rng, meanGapMs); t < 1000; t += sampleExponential(rng, meanGapMs)) {
    offsets.push(t);
  }
  return offsets;
}

/** Seed of the request with the given index within its second. */
export function requestSeed(seed: number, second: number, index: number): number {
  return mixSeed(seed, second, index);
}
