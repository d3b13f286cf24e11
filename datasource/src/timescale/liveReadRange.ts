/**
 * Where a live Timescale tick starts reading (pure, so the bench can use it without the plugin runtime).
 * The first tick reads the whole window; later ticks read
 * from REREAD_MS before the end of the last read, because the collector keeps adding to recent buckets
 * while late spans pair (pairing TTL, flush interval, exporter batching), and never from before the window.
 */

/** How far back each tick re-reads: buckets this young may still grow. */
export const REREAD_MS = 60_000;

export function liveReadFrom(windowStartMs: number, toMs: number, readUntilMs: number | undefined): number {
  if (readUntilMs === undefined) {
    return windowStartMs;
  }
  return Math.max(windowStartMs, Math.min(readUntilMs, toMs) - REREAD_MS);
}
