/**
 * Baseline of one metric of one edge or node: a robust EWMA of level and scale.
 * - Warm-up: the first `warmupWindows` values start the level at their median and the scale at their
 *   mean absolute deviation from it × 1.25 (the mean absolute deviation of a normal is 0.8 σ). Not the
 *   MAD: real p95s are often bimodal (a rare slow request type sits right at the 95th percentile, so
 *   the p95 jumps in a third of the windows), and the MAD would call that recurring spread outliers.
 * - Then per window: the residual from the level is clipped to ±2 scales (Huber) for the level, which
 *   moves by `alpha` × clipped residual, so one outlier window barely moves it; the scale follows an
 *   EWMA of |residual| × 1.25 clipped more loosely (±4 scales), so it learns recurring spread without
 *   being blown up by one incident window.
 * - A window that was flagged updates with `alpha × flaggedAlphaFactor`, so an ongoing incident does not
 *   become the new normal within a few windows, while a lasting change is still learned eventually.
 */

export interface BaselineOptions {
  alpha: number;
  warmupWindows: number;
  flaggedAlphaFactor: number;
}

export interface Baseline {
  level: number;
  /** Robust standard deviation estimate. */
  scale: number;
  /** Values seen (warm-up included). */
  count: number;
  warmup: number[];
}

const LEVEL_CLIP = 2;
const SCALE_CLIP = 4;
const MEAN_ABS_TO_SIGMA = 1.25;

export function createBaseline(): Baseline {
  return { level: 0, scale: 0, count: 0, warmup: [] };
}

export function isWarm(baseline: Baseline, options: BaselineOptions): boolean {
  return baseline.count >= options.warmupWindows;
}

/** Folds one window's value in (mutates). `floorScale` is the smallest scale the metric's noise allows. */
export function updateBaseline(baseline: Baseline, value: number, floorScale: number, flagged: boolean, options: BaselineOptions): void {
  baseline.count++;
  if (baseline.count <= options.warmupWindows) {
    baseline.warmup.push(value);
    baseline.level = median(baseline.warmup);
    baseline.scale = (MEAN_ABS_TO_SIGMA * baseline.warmup.reduce((sum, v) => sum + Math.abs(v - baseline.level), 0)) / baseline.warmup.length;
    if (baseline.count === options.warmupWindows) {
      baseline.warmup = [];
    }
    return;
  }
  const alpha = flagged ? options.alpha * options.flaggedAlphaFactor : options.alpha;
  const scale = Math.max(baseline.scale, floorScale);
  const residual = value - baseline.level;
  baseline.level += alpha * clip(residual, LEVEL_CLIP * scale);
  baseline.scale = (1 - alpha) * baseline.scale + alpha * MEAN_ABS_TO_SIGMA * Math.abs(clip(residual, SCALE_CLIP * scale));
}

function clip(value: number, limit: number): number {
  return Math.max(-limit, Math.min(limit, value));
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
