/**
 * Query result → Graph. Reads the columns buildEdgeSql returns, and also whatever a raw SQL query returns
 * (the escape hatch) as long as it has a source, a target and a request count: names are matched
 * case-insensitively against a few common spellings, rows of the same edge are added up, and latency comes
 * from a sketch (latency_idx + latency_cnt), else from p50/p95/p99 or mean columns.
 */
import {
  createEdgeStats,
  createEdgeWindow,
  edgeId,
  slowerExemplar,
  type EdgeStats,
  type EdgeWindow,
} from '../../../servicegraph/src/aggregate/edgeWindow';
import {
  createLatencySketch,
  deserializeSketch,
  mergeSketchInto,
  SketchFormatError,
} from '../../../servicegraph/src/aggregate/latencySketch';
import { windowToGraph } from '../../../servicegraph/src/aggregate/windowToGraph';
import { createDataRecord } from '../../../servicegraph/src/dataRecord';
import type { ConnectionType, Graph, NodeKind } from '../../../servicegraph/src/types';
import { CONNECTION_TYPES } from './edgeSql';
import {
  EdgeRowsInput,
  readNumber,
  readNumberArray,
  readText,
  readTime,
  Table,
  TimescaleResultError,
  toTable,
  type Column,
} from './edgeTable';

export { EDGE_COLUMNS, TimescaleResultError } from './edgeTable';
export type { EdgeRowsInput, FrameLike } from './edgeTable';

export interface RowsRange {
  /** The time the counts cover (planEdgeSql's covered range), for rates. */
  fromMs: number;
  toMs: number;
}

const NODE_KINDS: readonly NodeKind[] = ['service', 'database', 'messaging', 'virtual'];

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

/** Empty node metadata, keyed by service names from the rows (so `__proto__` or `constructor` are services too). */
export function createRowNodes(): RowNodes {
  return { groups: createDataRecord(), nodeKinds: createDataRecord() };
}

export function rowsToGraph(input: EdgeRowsInput, range: RowsRange): Graph {
  const window = createEdgeWindow();
  const nodes = createRowNodes();
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
export function rowsToBucketWindows(
  input: EdgeRowsInput,
  bucketMs: number
): { windows: Map<number, EdgeWindow>; nodes: RowNodes } {
  const table = toTable(input);
  const windows = new Map<number, EdgeWindow>();
  const nodes = createRowNodes();
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
      stats = createEdgeStats(clientService, serverService, connectionType, range.fromMs, range.toMs);
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
        throw new TimescaleResultError(
          `row ${row + 1}: ${err instanceof SketchFormatError ? err.message : String(err)}`
        );
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
    throw new TimescaleResultError(
      `row ${row + 1}: lag ${err instanceof SketchFormatError ? err.message : String(err)}`
    );
  }
}

/** The slower of the row's exemplar and the one held (as windows merge them). */
function collectExemplar(stats: EdgeStats, table: Table, row: number): void {
  const traceId = readText(table, 'exemplarTraceId', row);
  if (traceId === undefined || traceId === '') {
    return;
  }
  const latencyMs = readNumber(table, 'exemplarLatency', row, false) ?? 0;
  stats.exemplar = slowerExemplar(stats.exemplar, { traceId, latencyMs });
}

/** Percentile columns without a sketch cannot be merged exactly; several rows of one edge are request-weighted. */
function collectExtraLatency(
  extra: Map<string, ExtraLatency>,
  id: string,
  table: Table,
  row: number,
  requests: number
): void {
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
