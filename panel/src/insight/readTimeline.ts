import type { DataFrame } from '@grafana/data';
import { buildReplay, type GraphBucket, type ReplayFrame } from '../../../servicegraph/src/insight/replay';
import type { ConnectionType, Graph, GraphEdge, GraphNode, NodeKind } from '../../../servicegraph/src/types';
import { readColumns } from './frameColumns';

const CONNECTION_TYPES: readonly string[] = ['', 'messaging_system', 'database', 'virtual_node'];

/** Most replay steps the slider offers; a finer timeline is merged into coarser steps. */
export const MAX_REPLAY_STEPS = 600;

/**
 * The long-format `timeline` frame (time, edge_id, client_service, server_service, connection_type, requests,
 * failed, p50, p95, p99; one row per bucket and edge) -> per-bucket graphs. Nodes carry what their incoming
 * edges served; kinds come from the live graph (`kinds`), since the timeline has edges only.
 */
export function readTimelineBuckets(frame: DataFrame, kinds: ReadonlyMap<string, NodeKind>, bucketMs: number): GraphBucket[] {
  const cols = readColumns(frame);
  const byTime = new Map<number, GraphEdge[]>();
  for (let row = 0; row < cols.length; row++) {
    const time = cols.number('time', row);
    const source = cols.string('client_service', row);
    const target = cols.string('server_service', row);
    if (time === undefined || !source || !target) {
      continue;
    }
    const type = cols.string('connection_type', row) ?? '';
    const connectionType = (CONNECTION_TYPES.includes(type) ? type : '') as ConnectionType;
    const requests = cols.number('requests', row) ?? 0;
    const failed = cols.number('failed', row) ?? 0;
    const lagP95Ms = cols.number('lag_p95', row);
    const edge: GraphEdge = {
      id: cols.string('edge_id', row) ?? `${source}->${target}${connectionType ? `#${connectionType}` : ''}`,
      source,
      target,
      connectionType,
      requests,
      failed,
      rate: bucketMs > 0 ? requests / (bucketMs / 1000) : 0,
      errorRate: requests > 0 ? failed / requests : 0,
      p50Ms: cols.number('p50', row) ?? 0,
      p95Ms: cols.number('p95', row) ?? 0,
      p99Ms: cols.number('p99', row) ?? 0,
      ...(lagP95Ms !== undefined ? { lagP95Ms } : {}),
    };
    const list = byTime.get(time) ?? [];
    list.push(edge);
    byTime.set(time, list);
  }
  return [...byTime.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([bucketStartMs, edges]) => ({ bucketStartMs, graph: { nodes: nodesOf(edges, kinds), edges } }));
}

function nodesOf(edges: GraphEdge[], kinds: ReadonlyMap<string, NodeKind>): GraphNode[] {
  const nodes = new Map<string, GraphNode>();
  const touch = (id: string): GraphNode => {
    let node = nodes.get(id);
    if (!node) {
      node = { id, title: id, kind: kinds.get(id) ?? 'service', requests: 0, failed: 0, rate: 0, errorRate: 0, p50Ms: 0, p95Ms: 0, p99Ms: 0 };
      nodes.set(id, node);
    }
    return node;
  };
  for (const edge of edges) {
    touch(edge.source);
    const server = touch(edge.target);
    server.requests += edge.requests;
    server.failed += edge.failed;
    server.rate += edge.rate;
    server.p50Ms = Math.max(server.p50Ms, edge.p50Ms);
    server.p95Ms = Math.max(server.p95Ms, edge.p95Ms);
    server.p99Ms = Math.max(server.p99Ms, edge.p99Ms);
  }
  for (const node of nodes.values()) {
    node.errorRate = node.requests > 0 ? node.failed / node.requests : 0;
  }
  return [...nodes.values()];
}

/** The smallest gap between bucket starts (the timeline's resolution); 0 for fewer than two buckets. */
export function bucketStep(times: readonly number[]): number {
  let step = Infinity;
  for (let i = 1; i < times.length; i++) {
    step = Math.min(step, times[i] - times[i - 1]);
  }
  return Number.isFinite(step) && step > 0 ? step : 0;
}

/** Replay frames of a timeline frame (stable, padded ids from buildReplay); [] when there is nothing to replay. */
export function timelineToReplay(frame: DataFrame | undefined, live: Graph): ReplayFrame[] {
  if (!frame) {
    return [];
  }
  const cols = readColumns(frame);
  const times = [...new Set(Array.from({ length: cols.length }, (_, row) => cols.number('time', row)).filter((t): t is number => t !== undefined))].sort(
    (a, b) => a - b
  );
  const resolution = bucketStep(times) || 60_000;
  const kinds = new Map(live.nodes.map((n) => [n.id, n.kind]));
  const buckets = readTimelineBuckets(frame, kinds, resolution);
  if (buckets.length === 0) {
    return [];
  }
  const fromMs = times[0];
  const toMs = times[times.length - 1] + resolution;
  const stepMs = Math.max(resolution, Math.ceil((toMs - fromMs) / MAX_REPLAY_STEPS / resolution) * resolution);
  const frames = buildReplay(buckets, { fromMs, toMs, stepMs });
  // Titles and groups from the live graph, so the replay looks like the map it replaces.
  const liveNodes = new Map(live.nodes.map((n) => [n.id, n]));
  return frames.map((f) => ({
    ...f,
    graph: {
      ...f.graph,
      nodes: f.graph.nodes.map((n) => {
        const known = liveNodes.get(n.id);
        return known ? { ...n, title: known.title, ...(known.group ? { group: known.group } : {}) } : n;
      }),
    },
  }));
}
