/**
 * OTLP nanosecond timestamps (decimal strings or numbers) → milliseconds. 19-digit nanosecond values are
 * beyond 2^53, so decimal strings are split into whole milliseconds and the nanoseconds within them; the
 * fast scanner reads the same two parts in place, and both sides use these formulas so they agree exactly.
 */

const DIGITS = /^\d{7,22}$/;

/** Whole ms and ns-within-the-ms → fractional ms. */
export function partsToMs(wholeMs: number, nanos: number): number {
  return wholeMs + nanos / 1e6;
}

/** end - start from parts, exact to the nanosecond. */
export function partsDifferenceMs(endMs: number, endNanos: number, startMs: number, startNanos: number): number {
  return endMs - startMs + (endNanos - startNanos) / 1e6;
}

export function nanosToMs(value: unknown): number {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value / 1e6 : 0;
  }
  if (typeof value !== 'string' || value === '') {
    return 0;
  }
  const n = DIGITS.test(value) ? partsToMs(Number(value.slice(0, -6)), Number(value.slice(-6))) : Number(value) / 1e6;
  return Number.isFinite(n) ? n : 0;
}

export function nanosDifferenceMs(end: unknown, start: unknown): number {
  if (typeof end === 'string' && typeof start === 'string' && DIGITS.test(end) && DIGITS.test(start)) {
    return partsDifferenceMs(
      Number(end.slice(0, -6)),
      Number(end.slice(-6)),
      Number(start.slice(0, -6)),
      Number(start.slice(-6))
    );
  }
  return nanosToMs(end) - nanosToMs(start);
}
