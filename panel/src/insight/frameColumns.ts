import type { DataFrame } from '@grafana/data';

/** Column access by field name for the insight frames (route, timeline, alerts); absent fields read as undefined. */
export interface Columns {
  length: number;
  string(name: string, row: number): string | undefined;
  number(name: string, row: number): number | undefined;
  boolean(name: string, row: number): boolean;
  has(name: string): boolean;
}

export function readColumns(frame: DataFrame): Columns {
  const fields = new Map(frame.fields.map((f) => [f.name, f]));
  const value = (name: string, row: number): unknown => {
    const field = fields.get(name);
    return field ? field.values[row] : undefined;
  };
  return {
    length: frame.length ?? Math.max(0, ...frame.fields.map((f) => f.values.length)),
    has: (name) => fields.has(name),
    string(name, row) {
      const v = value(name, row);
      return v === null || v === undefined || v === '' ? undefined : String(v);
    },
    number(name, row) {
      const v = value(name, row);
      const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
      return Number.isFinite(n) ? n : undefined;
    },
    boolean(name, row) {
      const v = value(name, row);
      return v === true || v === 'true' || v === 1;
    },
  };
}
