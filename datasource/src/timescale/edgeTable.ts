/**
 * Reading a query result as a table: Grafana frames or plain rows, columns matched case-insensitively against
 * the accepted spellings (EDGE_COLUMNS), values checked with errors that name the row and the column.
 */

/** A table-like frame: Grafana's DataFrame satisfies this. */
export interface FrameLike {
  fields: ReadonlyArray<{ name: string; values: ArrayLike<unknown> }>;
}

export type EdgeRowsInput = ReadonlyArray<Record<string, unknown>> | FrameLike;

export class TimescaleResultError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TimescaleResultError';
  }
}

/** Accepted spellings per column, the first being the one buildEdgeSql uses. */
export const EDGE_COLUMNS = {
  source: ['source', 'client_service', 'client', 'parent', 'caller'],
  target: ['target', 'server_service', 'server', 'child', 'callee'],
  requests: ['requests', 'calls', 'call_count', 'callcount', 'count'],
  connectionType: ['connection_type', 'connectiontype'],
  failed: ['failed', 'errors', 'error_count'],
  latencyIdx: ['latency_idx'],
  latencyCnt: ['latency_cnt'],
  p50: ['p50_ms', 'p50'],
  p95: ['p95_ms', 'p95'],
  p99: ['p99_ms', 'p99'],
  latencySum: ['latency_sum_ms'],
  mean: ['mean_ms', 'avg_ms', 'mean'],
  sourceKind: ['source_kind'],
  sourceGroup: ['source_group'],
  targetKind: ['target_kind'],
  targetGroup: ['target_group'],
  exemplarTraceId: ['exemplar_trace_id'],
  exemplarLatency: ['exemplar_latency_ms'],
  lagIdx: ['lag_idx'],
  lagCnt: ['lag_cnt'],
  /** Only per-bucket series (edgeSeriesSql.ts): the bucket start. */
  bucket: ['bucket'],
} as const;
export type Column = keyof typeof EDGE_COLUMNS;
const REQUIRED: Column[] = ['source', 'target', 'requests'];

export interface Table {
  names: string[];
  length: number;
  get(column: Column, row: number): unknown;
}

function isFrame(input: EdgeRowsInput): input is FrameLike {
  return !Array.isArray(input) && typeof input === 'object' && input !== null && 'fields' in input;
}

export function toTable(input: EdgeRowsInput): Table {
  // Rows of a raw query may leave out null columns, so the names are the union over all rows.
  const names = isFrame(input)
    ? input.fields.map((f) => f.name)
    : [...new Set((input as ReadonlyArray<Record<string, unknown>>).flatMap((row) => Object.keys(row)))];
  const lower = names.map((n) => n.toLowerCase());
  const resolved = new Map<Column, number>();
  for (const column of Object.keys(EDGE_COLUMNS) as Column[]) {
    const index = EDGE_COLUMNS[column].map((alias) => lower.indexOf(alias)).find((i) => i >= 0);
    if (index !== undefined) {
      resolved.set(column, index);
    }
  }
  const length = isFrame(input) ? (input.fields[0]?.values.length ?? 0) : input.length;
  if (length > 0) {
    const missing = REQUIRED.filter((c) => !resolved.has(c));
    if (missing.length > 0) {
      const wanted = missing.map((c) => `${c} (one of: ${EDGE_COLUMNS[c].join(', ')})`).join('; ');
      throw new TimescaleResultError(
        `query result is missing required column(s): ${wanted}. Columns returned: ${names.join(', ') || 'none'}`
      );
    }
  }
  return {
    names,
    length,
    get(column, row) {
      const index = resolved.get(column);
      if (index === undefined) {
        return undefined;
      }
      return isFrame(input)
        ? input.fields[index].values[row]
        : (input as ReadonlyArray<Record<string, unknown>>)[row][names[index]];
    },
  };
}

export function readNumber(table: Table, column: Column, row: number, required: boolean): number | undefined {
  const raw = table.get(column, row);
  if (raw === null || raw === undefined || raw === '') {
    if (required) {
      throw new TimescaleResultError(`row ${row + 1}: column ${column} is empty`);
    }
    return undefined;
  }
  const value = typeof raw === 'number' ? raw : Number(raw);
  if (!Number.isFinite(value)) {
    throw new TimescaleResultError(`row ${row + 1}: column ${column} is not a number (${JSON.stringify(raw)})`);
  }
  return value;
}

/** Arrays arrive as JS arrays (pg), or as text from Grafana's SQL datasources: "{1,2}" or "[1,2]". */
export function readNumberArray(raw: unknown, row: number, column: string): number[] | undefined {
  if (raw === null || raw === undefined) {
    return undefined;
  }
  const items = Array.isArray(raw)
    ? raw
    : typeof raw === 'string'
      ? raw
          .replace(/^[{[]|[}\]]$/g, '')
          .split(',')
          .filter((s) => s.trim() !== '')
      : undefined;
  const numbers = items?.map(Number);
  if (!numbers || numbers.some((n) => !Number.isFinite(n))) {
    throw new TimescaleResultError(`row ${row + 1}: column ${column} is not an array of numbers`);
  }
  return numbers;
}

export function readText(table: Table, column: Column, row: number): string | undefined {
  const raw = table.get(column, row);
  return raw === null || raw === undefined ? undefined : String(raw);
}

export function readTime(table: Table, row: number): number {
  const raw = table.get('bucket', row);
  const ms =
    raw instanceof Date ? raw.getTime() : typeof raw === 'string' && !/^\d+$/.test(raw) ? Date.parse(raw) : Number(raw);
  if (raw === null || raw === undefined || !Number.isFinite(ms)) {
    throw new TimescaleResultError(`row ${row + 1}: column bucket is not a time (${JSON.stringify(raw)})`);
  }
  return ms;
}
