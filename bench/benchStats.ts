/** Timing helpers shared by the Node benchmarks. */
import { setFlagsFromString } from 'v8';
import { runInNewContext } from 'vm';

// A full collection before each timed step, so no step pays for the garbage of the one before it
// (JSON.parse of 60 MB leaves hundreds of MB behind).
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

export function timeMs(work: () => unknown): number {
  collectGarbage();
  const start = performance.now();
  work();
  return performance.now() - start;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
