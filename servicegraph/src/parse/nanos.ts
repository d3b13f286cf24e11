/**
 * OTLP nanosecond timestamps (decimal strings or numbers) → milliseconds. 19-digit nanosecond values are
 * beyond 2^53, so decimal strings are split into whole milliseconds and the nanoseconds within them; the
 * fast scanner reads the same two parts in place, and both sides use these formulas so they agree exactly.
 */
import { describeValue, ParseError, UNNAMED_INPUT } from './parseError';

const DIGITS = /^\d{7,22}$/;

/** Whole ms and ns-within-the-ms → fractional ms. */
export function partsToMs(wholeMs: number, nanos: number): number {
  return wholeMs + nanos / 1e6;
}

/** end - start from parts, exact to the nanosecond. */
export function partsDifferenceMs(endMs: number, endNanos: number, startMs: number, startNanos: number): number {
  return endMs - startMs + (endNanos - startNanos) / 1e6;
}

/** A JSON number, or a decimal string in JSON number syntax (protobuf JSON writes uint64 as a string). */
const NUMERIC = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;

/** Nanoseconds → ms; absent (undefined, null, '') is 0, anything non-numeric is NaN. */
export function readNanosMs(value: unknown): number {
  if (value === undefined || value === null || value === '') {
    return 0;
  }
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value / 1e6 : NaN;
  }
  if (typeof value !== 'string' || !NUMERIC.test(value)) {
    return NaN;
  }
  const n = DIGITS.test(value) ? partsToMs(Number(value.slice(0, -6)), Number(value.slice(-6))) : Number(value) / 1e6;
  return Number.isFinite(n) ? n : NaN;
}

/** Like readNanosMs, but a non-numeric time is a ParseError naming the field (a silent 0 gave absurd latencies). */
export function nanosToMs(value: unknown, file: string = UNNAMED_INPUT, field = 'time'): number {
  const ms = readNanosMs(value);
  if (Number.isNaN(ms)) {
    throw new ParseError(file, `${field}: expected nanoseconds since the epoch, got ${describeValue(value)}`);
  }
  return ms;
}

/** end - start; both must already have passed nanosToMs (exact to the nanosecond for 19-digit strings). */
export function nanosDifferenceMs(end: unknown, start: unknown): number {
  if (typeof end === 'string' && typeof start === 'string' && DIGITS.test(end) && DIGITS.test(start)) {
    return partsDifferenceMs(
      Number(end.slice(0, -6)),
      Number(end.slice(-6)),
      Number(start.slice(0, -6)),
      Number(start.slice(-6))
    );
  }
  return readNanosMs(end) - readNanosMs(start);
}
