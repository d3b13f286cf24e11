import { EMPTY, Observable, concatMap, defer, from, map } from 'rxjs';

import { JaegerClient } from './jaegerClient';
import { TraceSearch } from './jaegerUrls';

/** Slices never span more than this, so one Jaeger search stays small. */
export const MAX_SLICE_MS = 60 * 60_000;
/** ...and a range is never cut into more than this many requests. */
export const MAX_SLICES = 24;

/** [fromMs, toMs) intervals covering the range, newest first (Jaeger and users care about recent data). */
export function planTimeSlices(fromMs: number, toMs: number): Array<{ fromMs: number; toMs: number }> {
  const span = Math.max(0, toMs - fromMs);
  const count = Math.min(MAX_SLICES, Math.max(1, Math.ceil(span / MAX_SLICE_MS)));
  const step = span / count;
  return Array.from({ length: count }, (_, i) => ({
    fromMs: toMs - (i + 1) * step,
    toMs: toMs - i * step,
  }));
}

/** Progress of a paged search: every emission carries all traces so far. */
export interface PagedTraces {
  traces: unknown[];
  slicesDone: number;
  slicesTotal: number;
  /** True when the limit stopped the search before the whole range was read. */
  truncated: boolean;
  warnings: string[];
  done: boolean;
}

/**
 * Searches a large range slice by slice (newest first), at most `limit` traces in total, and emits
 * after each slice so the panel can show partial results. Traces found in two slices count once.
 */
export function fetchTracesPaged(
  client: JaegerClient,
  search: Omit<TraceSearch, 'startMs' | 'endMs' | 'limit'>,
  fromMs: number,
  toMs: number,
  limit: number
): Observable<PagedTraces> {
  return defer(() => {
    const slices = planTimeSlices(fromMs, toMs);
    const seen = new Set<string>();
    const traces: unknown[] = [];
    const warnings: string[] = [];
    let truncated = false;
    return from(slices).pipe(
      concatMap((slice, index) => {
        const remaining = limit - traces.length;
        if (remaining <= 0) {
          truncated = true;
          return EMPTY;
        }
        return client.searchTraces({ ...search, startMs: slice.fromMs, endMs: slice.toMs, limit: remaining }).pipe(
          map((envelope): PagedTraces => {
            for (const trace of envelope.data) {
              const id = traceIdOf(trace);
              if (id === undefined || !seen.has(id)) {
                if (id !== undefined) {
                  seen.add(id);
                }
                traces.push(trace);
              }
            }
            warnings.push(...envelope.warnings);
            // A full page means Jaeger may hold more traces in this slice than it returned.
            if (envelope.data.length >= remaining) {
              truncated = true;
            }
            const done = index === slices.length - 1 || traces.length >= limit;
            return {
              traces: [...traces],
              slicesDone: index + 1,
              slicesTotal: slices.length,
              truncated,
              warnings: [...warnings],
              done,
            };
          })
        );
      })
    );
  });
}

function traceIdOf(trace: unknown): string | undefined {
  return typeof trace === 'object' && trace !== null && typeof (trace as { traceID?: unknown }).traceID === 'string'
    ? (trace as { traceID: string }).traceID
    : undefined;
}
