/** Durations and shares in the words the panel shows ("110 ms", "2.3 s", "71 %"). */

/** "0.4 ms", "110 ms", "2.3 s", "45 s", "2.5 min". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) {
    return String(ms);
  }
  if (ms < 1) {
    return `${roundTo(ms, 2)} ms`;
  }
  if (ms < 1000) {
    return `${ms < 10 ? roundTo(ms, 1) : Math.round(ms)} ms`;
  }
  if (ms < 60_000) {
    return `${ms < 10_000 ? roundTo(ms / 1000, 1) : Math.round(ms / 1000)} s`;
  }
  return `${roundTo(ms / 60_000, 1)} min`;
}

/** A share 0..1 as whole percent: "71 %"; below 1 % one decimal. */
export function formatShare(share: number): string {
  const percent = share * 100;
  return `${percent > 0 && percent < 1 ? roundTo(percent, 1) : Math.round(percent)} %`;
}

/** A ratio as the panel says it: "21×", "1.6×". */
export function formatRatio(ratio: number): string {
  return `${ratio >= 10 ? Math.round(ratio) : roundTo(ratio, 1)}×`;
}

function roundTo(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
