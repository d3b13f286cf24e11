/**
 * Node Graph frames from any datasource -> Kompas's graph model. Kompas frames round-trip exactly; stock
 * frames (Tempo service graphs, X-Ray, SQL tables shaped like the contract) get what their fields allow,
 * with missing statistics listed in `unknownStats` (their number fields hold 0, so code that only sums or
 * sizes keeps working), uninterpretable mainstat/secondarystat kept as `rawStats`, and missing nodes made from
 * edge endpoints, as the stock panel does.
 */
import type { DataFrame } from '@grafana/data';

import { edgeId } from '../aggregate/edgeWindow';
import { inferNodeKinds } from '../aggregate/nodeKinds';
import type { ConnectionType, Graph, GraphEdge, GraphNode, NodeKind, RawStat, StatName } from '../types';
import {
  EDGES_FRAME_NAME,
  KOMPAS_FIELD,
  NODE_GRAPH_FIELD,
  NODE_GRAPH_VISUALISATION,
  NODES_FRAME_NAME,
} from './fieldNames';
import { FrameReader, type RowStats } from './readStats';

/** Why frames could not be read as a graph; `message` is meant to be shown to the user as is. */
export interface GraphFramesError {
  kind: 'GraphFramesError';
  message: string;
}

export function isGraphFramesError(value: Graph | GraphFramesError): value is GraphFramesError {
  return (value as GraphFramesError).kind === 'GraphFramesError';
}

const CONNECTION_TYPES: readonly string[] = ['', 'messaging_system', 'database', 'virtual_node'];
const NODE_KINDS: readonly string[] = ['service', 'database', 'messaging', 'virtual'];

export function fromNodeGraphFrames(frames: DataFrame[]): Graph | GraphFramesError {
  const candidates = frames.map((frame) => new FrameReader(frame));
  if (candidates.length === 0) {
    return graphError('no data: expected Node Graph frames (a nodes frame and an edges frame)');
  }
  const edgeReaders = candidates.filter(isEdgesFrame);
  const nodeReaders = candidates.filter((r) => !isEdgesFrame(r) && isNodesFrame(r, edgeReaders.length > 0));
  if (edgeReaders.length === 0 && nodeReaders.length === 0) {
    return graphError('no edges frame: expected a frame with source and target fields');
  }
  for (const reader of edgeReaders) {
    const missing = [NODE_GRAPH_FIELD.source, NODE_GRAPH_FIELD.target].find((name) => !reader.has(name));
    if (missing) {
      return graphError(`${frameLabel(reader, EDGES_FRAME_NAME)}: missing field "${missing}"`);
    }
  }
  for (const reader of nodeReaders) {
    if (!reader.has(NODE_GRAPH_FIELD.id)) {
      return graphError(`${frameLabel(reader, NODES_FRAME_NAME)}: missing field "id"`);
    }
  }

  const edges = readEdges(edgeReaders);
  const nodes = readNodes(nodeReaders, edges);
  return { nodes, edges };
}

function isEdgesFrame(reader: FrameReader): boolean {
  return reader.frame.name?.toLowerCase() === EDGES_FRAME_NAME || reader.has(NODE_GRAPH_FIELD.source);
}

/**
 * A nodes frame says so by name or visualisation hint; beside an edges frame, an `id` column with node
 * fields is enough (SQL datasources can name neither their frames nor their hints). A lone plain table is
 * not taken for a graph.
 */
function isNodesFrame(reader: FrameReader, besideEdges: boolean): boolean {
  if (reader.frame.name?.toLowerCase() === NODES_FRAME_NAME) {
    return true;
  }
  if (!reader.has(NODE_GRAPH_FIELD.id)) {
    return false;
  }
  const hinted = reader.frame.meta?.preferredVisualisationType === NODE_GRAPH_VISUALISATION;
  const nodeFields = [NODE_GRAPH_FIELD.title, NODE_GRAPH_FIELD.mainStat, KOMPAS_FIELD.kind, KOMPAS_FIELD.requests];
  const looksLikeNodes =
    nodeFields.some((name) => reader.has(name)) || reader.fieldsStartingWith(NODE_GRAPH_FIELD.arc).length > 0;
  return hinted || (besideEdges && looksLikeNodes);
}

function readEdges(readers: FrameReader[]): GraphEdge[] {
  const edges = new Map<string, GraphEdge>();
  for (const reader of readers) {
    for (let row = 0; row < reader.length; row++) {
      const source = reader.string(NODE_GRAPH_FIELD.source, row);
      const target = reader.string(NODE_GRAPH_FIELD.target, row);
      if (!source || !target) {
        continue;
      }
      const connectionType = connectionTypeOf(reader.string(KOMPAS_FIELD.connectionType, row));
      const id =
        reader.string(NODE_GRAPH_FIELD.id, row) ||
        edgeId({ clientService: source, serverService: target, connectionType });
      if (edges.has(id)) {
        continue;
      }
      const exemplarTraceId = reader.string(KOMPAS_FIELD.exemplarTraceId, row);
      const anomaly = reader.string(KOMPAS_FIELD.anomaly, row);
      const lagP95Ms = reader.number(KOMPAS_FIELD.lagP95, row);
      edges.set(id, {
        id,
        source,
        target,
        connectionType,
        ...completeStats(reader.stats(row)),
        ...rawStatsOf(reader.rawStats(row)),
        ...(exemplarTraceId ? { exemplarTraceId } : {}),
        ...(anomaly ? { anomaly } : {}),
        ...(lagP95Ms !== undefined ? { lagP95Ms } : {}),
      });
    }
  }
  return [...edges.values()];
}

function readNodes(readers: FrameReader[], edges: GraphEdge[]): GraphNode[] {
  const nodes = new Map<string, GraphNode>();
  const hints = new Map<string, NodeKind>();
  const incoming = groupBy(edges, (edge) => edge.target);
  for (const reader of readers) {
    for (let row = 0; row < reader.length; row++) {
      const id = reader.string(NODE_GRAPH_FIELD.id, row);
      if (!id || nodes.has(id)) {
        continue;
      }
      const kind = kindHint(reader, row);
      if (kind) {
        hints.set(id, kind);
      }
      // Only the group field groups: a Node Graph subtitle ("web", "backend") describes one node, not a group.
      const group = reader.string(KOMPAS_FIELD.group, row);
      // Kompas writes its subtitle from group and kind; another source's subtitle is its own text.
      const subtitle = reader.has(KOMPAS_FIELD.kind) ? undefined : reader.string(NODE_GRAPH_FIELD.subTitle, row);
      const anomaly = reader.string(KOMPAS_FIELD.anomaly, row);
      nodes.set(id, {
        id,
        title: reader.string(NODE_GRAPH_FIELD.title, row) || id,
        kind: 'service',
        ...(group ? { group } : {}),
        ...(subtitle ? { subtitle } : {}),
        ...rowOrServedStats(reader.stats(row), incoming.get(id) ?? []),
        ...rawStatsOf(reader.rawStats(row)),
        ...(anomaly ? { anomaly } : {}),
      });
    }
  }
  for (const edge of edges) {
    for (const id of [edge.source, edge.target]) {
      if (!nodes.has(id)) {
        nodes.set(id, { id, title: id, kind: 'service', ...servedStats(incoming.get(id) ?? []) });
      }
    }
  }
  const inferred = inferNodeKinds(
    edges.map((e) => ({ clientService: e.source, serverService: e.target, connectionType: e.connectionType })),
    Object.fromEntries(hints)
  );
  return [...nodes.values()].map((node) => ({
    ...node,
    kind: hints.get(node.id) ?? inferred.get(node.id) ?? 'service',
  }));
}

/** The kind a frame states or implies: Kompas's `kind`, an uninstrumented node, or a database icon/subtitle. */
function kindHint(reader: FrameReader, row: number): NodeKind | undefined {
  const kind = reader.string(KOMPAS_FIELD.kind, row);
  if (kind !== undefined && NODE_KINDS.includes(kind)) {
    return kind as NodeKind;
  }
  const looksLikeDatabase = /^(database|sql|db|postgres|mysql|redis|mongo)/i;
  if (
    reader.string(NODE_GRAPH_FIELD.icon, row) === 'database' ||
    looksLikeDatabase.test(reader.string(NODE_GRAPH_FIELD.subTitle, row) ?? '')
  ) {
    return 'database';
  }
  return reader.boolean(NODE_GRAPH_FIELD.isInstrumented, row) === false ? 'virtual' : undefined;
}

type Statistics = Pick<
  GraphEdge,
  'requests' | 'failed' | 'rate' | 'errorRate' | 'p50Ms' | 'p95Ms' | 'p99Ms' | 'meanMs' | 'unknownStats'
>;
type KnownStats = Partial<Record<StatName, number>>;

const STAT_NAMES: readonly StatName[] = ['requests', 'failed', 'rate', 'errorRate', 'p50Ms', 'p95Ms', 'p99Ms'];
const TRAFFIC_STATS: readonly StatName[] = ['requests', 'failed', 'rate', 'errorRate'];

/**
 * Fills what a source did not give from what it did (failed from error rate and requests, and back); what
 * stays unknown is listed in `unknownStats` and held as 0, never shown or judged as a measured 0.
 */
function completeStats(stats: RowStats): Statistics {
  const { requests, failed } = stats;
  const errorRate =
    stats.errorRate ??
    (failed !== undefined && requests !== undefined ? (requests > 0 ? failed / requests : 0) : undefined);
  const known: KnownStats = {
    requests,
    failed: failed ?? (errorRate !== undefined && requests !== undefined ? Math.round(errorRate * requests) : undefined),
    rate: stats.rate,
    errorRate,
    p50Ms: stats.p50Ms,
    p95Ms: stats.p95Ms,
    p99Ms: stats.p99Ms,
  };
  return { ...toStatistics(known), ...(stats.meanMs !== undefined ? { meanMs: stats.meanMs } : {}) };
}

/** Known values as they are, unknown ones as 0 and listed (the list only when something is unknown). */
function toStatistics(known: KnownStats): Statistics {
  const unknownStats = STAT_NAMES.filter((name) => known[name] === undefined);
  return {
    requests: known.requests ?? 0,
    failed: known.failed ?? 0,
    rate: known.rate ?? 0,
    errorRate: known.errorRate ?? 0,
    p50Ms: known.p50Ms ?? 0,
    p95Ms: known.p95Ms ?? 0,
    p99Ms: known.p99Ms ?? 0,
    ...(unknownStats.length > 0 ? { unknownStats } : {}),
  };
}

function knownOf(stats: Statistics): KnownStats {
  const unknown = stats.unknownStats ?? [];
  return Object.fromEntries(STAT_NAMES.filter((name) => !unknown.includes(name)).map((name) => [name, stats[name]]));
}

/**
 * A nodes-frame row that says nothing about traffic (only id, title, group: SQL tables, topology lists) is
 * served what its incoming edges carry, as a node missing from the frame is; its own latencies are kept.
 */
function rowOrServedStats(stats: RowStats, incoming: GraphEdge[]): Statistics {
  const own = completeStats(stats);
  const saysTraffic = [stats.requests, stats.failed, stats.rate, stats.errorRate].some((v) => v !== undefined);
  if (saysTraffic) {
    return own;
  }
  const served = knownOf(servedStats(incoming));
  const ownKnown = knownOf(own);
  const merged: KnownStats = { ...ownKnown };
  for (const name of TRAFFIC_STATS) {
    merged[name] = served[name];
  }
  return { ...toStatistics(merged), ...(own.meanMs !== undefined ? { meanMs: own.meanMs } : {}) };
}

/**
 * Statistics of a node missing from the nodes frame: what its incoming edges carry, each sum known only when
 * every incoming edge knows it (a node with no incoming edge served nothing); percentiles unknown.
 */
function servedStats(incoming: GraphEdge[]): Statistics {
  const knows = (name: StatName) => incoming.every((e) => !e.unknownStats?.includes(name));
  const sum = (name: StatName) => (knows(name) ? incoming.reduce((total, e) => total + e[name], 0) : undefined);
  const requests = sum('requests');
  const failed = sum('failed');
  const rate = sum('rate');
  const failedRate =
    knows('rate') && knows('errorRate') ? incoming.reduce((total, e) => total + e.rate * e.errorRate, 0) : undefined;
  const errorRate =
    requests !== undefined && failed !== undefined && requests > 0
      ? failed / requests
      : rate !== undefined && failedRate !== undefined && rate > 0
        ? failedRate / rate
        : requests === 0 || rate === 0
          ? 0
          : undefined;
  return toStatistics({ requests, failed, rate, errorRate });
}

function rawStatsOf(rawStats: RawStat[]): { rawStats?: RawStat[] } {
  return rawStats.length > 0 ? { rawStats } : {};
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) {
      group.push(item);
    } else {
      groups.set(key, [item]);
    }
  }
  return groups;
}

function connectionTypeOf(value: string | undefined): ConnectionType {
  return value !== undefined && CONNECTION_TYPES.includes(value) ? (value as ConnectionType) : '';
}

function frameLabel(reader: FrameReader, fallback: string): string {
  const name = reader.frame.name || fallback;
  return reader.frame.refId ? `frame "${name}" (query ${reader.frame.refId})` : `frame "${name}"`;
}

function graphError(message: string): GraphFramesError {
  return { kind: 'GraphFramesError', message };
}
