/** OTLP nanosecond timestamps (decimal strings or numbers) → milliseconds. */

/** Nanoseconds (string or number) → fractional ms. */
export function nanosToMs(value: unknown): number {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value / 1e6 : 0;
  }
  if (typeof value !== 'string' || value === '') {
    return 0;
  }
  // Split off the sub-millisecond digits: 19-digit values are beyond 2^53 and would round.
  const n = value.length > 15 ? Number(value.slice(0, -6)) + Number(value.slice(-6)) / 1e6 : Number(value) / 1e6;
  return Number.isFinite(n) ? n : 0;
}

/**
 * end - start in ms, exact to the nanosecond: 19-digit nanosecond strings exceed 2^53, so they are split
 * into seconds and nanoseconds before subtracting.
 */
export function nanosDifferenceMs(end: unknown, start: unknown): number {
  if (typeof end === 'string' && typeof start === 'string' && end.length > 15 && start.length > 15) {
    const seconds = Number(end.slice(0, -9)) - Number(start.slice(0, -9));
    const nanos = Number(end.slice(-9)) - Number(start.slice(-9));
    const ms = seconds * 1000 + nanos / 1e6;
    return Number.isFinite(ms) ? ms : 0;
  }
  return nanosToMs(end) - nanosToMs(start);
}

