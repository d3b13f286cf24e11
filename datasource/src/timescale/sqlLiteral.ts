/**
 * SQL literals for values that come from users and template variables. Values become PostgreSQL escape
 * strings (E'...') with quotes doubled and backslashes escaped, which is safe whatever
 * standard_conforming_strings says. `$` is written as \x24 so no value can form a Grafana macro
 * (`$__timeFilter(...)`) or template variable that would be expanded inside the string after we built it.
 */

export class SqlValueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SqlValueError';
  }
}

export function quoteText(value: string, what = 'value'): string {
  if (value.includes('\u0000')) {
    throw new SqlValueError(`${what} contains a NUL character, which PostgreSQL text cannot hold`);
  }
  const escaped = value.replace(/\\/g, '\\\\').replace(/'/g, "''").replace(/\$/g, '\\x24');
  return `E'${escaped}'`;
}

/** ARRAY[...]::text[] of quoted values. */
export function quoteTextArray(values: readonly string[], what = 'value'): string {
  return `ARRAY[${values.map((v) => quoteText(v, what)).join(', ')}]::text[]`;
}

/** A timestamptz literal for an epoch-milliseconds number. */
export function quoteTimestamp(ms: number, what = 'time'): string {
  if (!Number.isFinite(ms)) {
    throw new SqlValueError(`${what} is not a finite time (${ms})`);
  }
  return `'${new Date(ms).toISOString()}'::timestamptz`;
}

/** A non-negative integer literal (limits). */
export function quoteCount(value: number, what = 'count'): string {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new SqlValueError(`${what} must be a whole number >= 0, got ${value}`);
  }
  return String(value);
}
