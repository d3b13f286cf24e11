/**
 * Query result → Graph. Reads the columns buildEdgeSql returns, and also whatever a raw SQL query returns
 * (the escape hatch) as long as it has a source, a target and a request count: names are matched
 * case-insensitively against a few common spellings, rows of the same edge are added up, and latency comes
 * from a sketch (latency_idx + latency_cnt), else from p50/p95/p99 or mean columns.
 */
import { createEdgeWindow, edgeId, type EdgeStats, type EdgeWindow } from '../../../servicegraph/src/aggregate/edgeWindow';
import {
  createLatencySketch,
  deserializeSketch,
  mergeSketchInto,
  SketchFormatError,
} from '../../../servicegraph/src/aggregate/latencySketch';
import { windowToGraph } from '../../../servicegraph/src/aggregate/windowToGraph';
import type { ConnectionType, Graph, NodeKind } from '../../../servicegraph/src/types';
import { CONNECTION_TYPES } from './edgeSql';

/** A table-like frame: Grafana's DataFrame satisfies this. */
export interface FrameLike {
  fields: ReadonlyArray<{ name: string; values: ArrayLike<unknown> }>;
}

export type EdgeRowsInput = ReadonlyArray<Record<string, unknown>> | FrameLike;

export interface RowsRange {
  /** The time the counts cover (planEdgeSql's covered range), for rates. */
  fromMs: number;
  toMs: number;
}

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
type Column = keyof typeof EDGE_COLUMNS;
const REQUIRED: Column[] = ['source', 'target', 'requests'];
const NODE_KINDS: readonly NodeKind[] = ['service', 'database', 'messaging', 'virtual'];

interface Table {
  names: string[];
  length: number;
  get(column: Column, row: number): unknown;
}

function isFrame(input: EdgeRowsInput): input is FrameLike {
  return !Array.isArray(input) && typeof input === 'object' && input !== null && 'fields' in input;
}

function toTable(input: EdgeRowsInput): Table {
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
      throw new TimescaleResultError(`query result is missing required column(s): ${wanted}. Columns returned: ${names.join(', ') || 'none'}`);
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
      return isFrame(input) ? input.fields[index].values[row] : (input as ReadonlyArray<Record<string, unknown>>)[row][names[index]];
    },
  };
}

function readNumber(table: Table, column: Column, row: number, required: boolean): number | undefined {
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
function readNumberArray(raw: unknown, row: number, column: string): number[] | undefined {
  if (raw === null || raw === undefined) {
    return undefined;
  }
  const items = Array.isArray(raw)
    ? raw
    : typeof raw === 'string'
      ? raw.replace(/^[{[]|[}\]]$/g, '').split(',').filter((s) => s.trim() !== '')
      : undefined;
  const numbers = items?.map(Number);
  if (!numbers || numbers.some((n) => !Number.isFinite(n))) {
    throw new TimescaleResultError(`row ${row + 1}: column ${column} is not an array of numbers`);
  }
  return numbers;
}

function readText(table: Table, column: Column, row: number): string | undefined {
  const raw = table.get(column, row);
  return raw === null || raw === undefined ? undefined : String(raw);
}

interface ExtraLatency {
  weight: number;
  p50: number;
  p95: number;
  p99: number;
  sum: number;
  meanWeight: number;
}

/** Node metadata read from the rows, for windowToGraph. */
export interface RowNodes {
  groups: Record<string, string>;
  nodeKinds: Record<string, NodeKind>;
}

export function rowsToGraph(input: EdgeRowsInput, range: RowsRange): Graph {
  const window = createEdgeWindow();
  const nodes: RowNodes = { groups: {}, nodeKinds: {} };
  const extra = new Map<string, ExtraLatency>();
  foldRows(toTable(input), () => window, range, nodes, extra);
  const graph = windowToGraph(window, { startMs: range.fromMs, endMs: range.toMs, ...nodes });
  for (const edge of graph.edges) {
    const latency = extra.get(edge.id);
    if (latency && latency.weight > 0) {
      edge.p50Ms = latency.p50 / latency.weight;
      edge.p95Ms = latency.p95 / latency.weight;
      edge.p99Ms = latency.p99 / latency.weight;
    }
    if (latency && latency.meanWeight > 0 && edge.p50Ms === 0) {
      edge.meanMs = latency.sum / latency.meanWeight;
    }
  }
  return graph;
}

/**
 * Per-bucket rows (edgeSeriesSql.ts: a `bucket` column) → one edge window per bucket start, plus node metadata.
 * The windows merge like any servicegraph windows, so a range is the merge of its buckets.
 */
export function rowsToBucketWindows(input: EdgeRowsInput, bucketMs: number): { windows: Map<number, EdgeWindow>; nodes: RowNodes } {
  const table = toTable(input);
  const windows = new Map<number, EdgeWindow>();
  const nodes: RowNodes = { groups: {}, nodeKinds: {} };
  const windowOf = (row: number): EdgeWindow => {
    const start = readTime(table, row);
    let window = windows.get(start);
    if (!window) {
      window = createEdgeWindow();
      windows.set(start, window);
    }
    return window;
  };
  foldRows(table, windowOf, { fromMs: 0, toMs: bucketMs }, nodes, new Map());
  return { windows, nodes };
}

function readTime(table: Table, row: number): number {
  const raw = table.get('bucket', row);
  const ms = raw instanceof Date ? raw.getTime() : typeof raw === 'string' && !/^\d+$/.test(raw) ? Date.parse(raw) : Number(raw);
  if (raw === null || raw === undefined || !Number.isFinite(ms)) {
    throw new TimescaleResultError(`row ${row + 1}: column bucket is not a time (${JSON.stringify(raw)})`);
  }
  return ms;
}

function foldRows(
  table: Table,
  windowOf: (row: number) => EdgeWindow,
  range: RowsRange,
  nodes: RowNodes,
  extra: Map<string, ExtraLatency>
): void {
  const { groups, nodeKinds } = nodes;
  for (let row = 0; row < table.length; row++) {
    const clientService = readText(table, 'source', row) ?? '';
    const serverService = readText(table, 'target', row) ?? '';
    if (clientService === '' || serverService === '') {
      throw new TimescaleResultError(`row ${row + 1}: source and target must not be empty`);
    }
    const type = readText(table, 'connectionType', row) ?? '';
    if (!(CONNECTION_TYPES as readonly string[]).includes(type)) {
      throw new TimescaleResultError(`row ${row + 1}: unknown connection_type "${type}"`);
    }
    const connectionType = type as ConnectionType;
    const id = edgeId({ clientService, serverService, connectionType });
    const window = windowOf(row);
    let stats = window.edges.get(id);
    if (!stats) {
      stats = newStats(clientService, serverService, connectionType, range);
      window.edges.set(id, stats);
    }
    const requests = readNumber(table, 'requests', row, true)!;
    stats.requests += requests;
    stats.failed += readNumber(table, 'failed', row, false) ?? 0;

    const idx = readNumberArray(table.get('latencyIdx', row), row, 'latency_idx');
    const cnt = readNumberArray(table.get('latencyCnt', row), row, 'latency_cnt');
    if (idx && cnt) {
      try {
        mergeSketchInto(stats.latency, deserializeSketch({ b: idx, c: cnt }));
      } catch (err) {
        throw new TimescaleResultError(`row ${row + 1}: ${err instanceof SketchFormatError ? err.message : String(err)}`);
      }
    } else {
      collectExtraLatency(extra, id, table, row, requests);
    }
    collectLag(stats, table, row);
    collectExemplar(stats, table, row);
    collectNode(table, row, 'sourceKind', 'sourceGroup', clientService, nodeKinds, groups);
    collectNode(table, row, 'targetKind', 'targetGroup', serverService, nodeKinds, groups);
  }
}

/** Consumer lag of messaging edges: a sketch like latency's, absent (NULL) on other edges. */
function collectLag(stats: EdgeStats, table: Table, row: number): void {
  const idx = readNumberArray(table.get('lagIdx', row), row, 'lag_idx');
  const cnt = readNumberArray(table.get('lagCnt', row), row, 'lag_cnt');
  if (!idx || !cnt) {
    return;
  }
  try {
    stats.lag ??= createLatencySketch();
    mergeSketchInto(stats.lag, deserializeSketch({ b: idx, c: cnt }));
  } catch (err) {
    throw new TimescaleResultError(`row ${row + 1}: lag ${err instanceof SketchFormatError ? err.message : String(err)}`);
  }
}

/** The slower of the row's exemplar and the one held; ties go to the smaller trace id (as servicegraph merges). */
function collectExemplar(stats: EdgeStats, table: Table, row: number): void {
  const traceId = readText(table, 'exemplarTraceId', row);
  if (traceId === undefined || traceId === '') {
    return;
  }
  const latencyMs = readNumber(table, 'exemplarLatency', row, false) ?? 0;
  const held = stats.exemplar;
  if (!held || latencyMs > held.latencyMs || (latencyMs === held.latencyMs && traceId < held.traceId)) {
    stats.exemplar = { traceId, latencyMs };
  }
}

function newStats(clientService: string, serverService: string, connectionType: ConnectionType, range: RowsRange): EdgeStats {
  return {
    clientService,
    serverService,
    connectionType,
    requests: 0,
    failed: 0,
    latency: createLatencySketch(),
    firstSeenMs: range.fromMs,
    lastSeenMs: range.toMs,
  };
}

/** Percentile columns without a sketch cannot be merged exactly; several rows of one edge are request-weighted. */
function collectExtraLatency(extra: Map<string, ExtraLatency>, id: string, table: Table, row: number, requests: number): void {
  const p50 = readNumber(table, 'p50', row, false);
  const sum = readNumber(table, 'latencySum', row, false);
  const mean = readNumber(table, 'mean', row, false);
  if (p50 === undefined && sum === undefined && mean === undefined) {
    return;
  }
  const entry = extra.get(id) ?? { weight: 0, p50: 0, p95: 0, p99: 0, sum: 0, meanWeight: 0 };
  if (p50 !== undefined) {
    entry.weight += requests;
    entry.p50 += p50 * requests;
    entry.p95 += (readNumber(table, 'p95', row, false) ?? p50) * requests;
    entry.p99 += (readNumber(table, 'p99', row, false) ?? p50) * requests;
  }
  if (sum !== undefined || mean !== undefined) {
    entry.sum += sum ?? mean! * requests;
    entry.meanWeight += requests;
  }
  extra.set(id, entry);
}

function collectNode(
  table: Table,
  row: number,
  kindColumn: Column,
  groupColumn: Column,
  name: string,
  kinds: Record<string, NodeKind>,
  groups: Record<string, string>
): void {
  const kind = readText(table, kindColumn, row);
  if (kind !== undefined && (NODE_KINDS as readonly string[]).includes(kind)) {
    kinds[name] = kind as NodeKind;
  }
  const group = readText(table, groupColumn, row);
  if (group !== undefined && group !== '') {
    groups[name] = group;
  }
}
