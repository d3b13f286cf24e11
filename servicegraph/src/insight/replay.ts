/**
 * Replay of a past timeframe: the graph at each step of [fromMs, toMs), for a time slider. Frame `t`
 * shows the window [t + stepMs - windowMs, t + stepMs) (windowMs = stepMs: tumbling; larger: sliding).
 * Every frame lists every node and edge seen anywhere in the replay (idle ones with zero traffic),
 * sorted by id, so the panel's layout and ids stay put while the slider moves.
 *
 * Sources: servicegraph's bucketed aggregator (windows merge exactly, sketches included) or a list of
 * per-bucket graphs (e.g. rows already turned into graphs). Graphs cannot be merged exactly, so for
 * those: counts add up, rates are recomputed over the window, p50 is the request-weighted mean of the
 * buckets' p50s, and p95/p99 are the largest of the buckets' (an upper bound, which is what a replay of an
 * incident should not hide).
 */
import type { BucketedAggregator } from '../aggregate/bucketedAggregator';
import type { Graph, GraphEdge, GraphNode } from '../types';

export interface GraphBucket {
  bucketStartMs: number;
  graph: Graph;
}

export type ReplaySource = BucketedAggregator | readonly GraphBucket[];

export interface ReplayOptions {
  fromMs: number;
  toMs: number;
  stepMs: number;
  /** Length of the window each frame shows; default stepMs. */
  windowMs?: number;
  /** Most frames one replay may have (guards a slider against a mistaken step); default 10 000. */
  maxFrames?: number;
}

export interface ReplayFrame {
  /** Stable frame id, `replay:<timeMs>`. */
  id: string;
  /** Slider position: start of the step. */
  timeMs: number;
  windowStartMs: number;
  windowEndMs: number;
  graph: Graph;
}

export class ReplayRangeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReplayRangeError';
  }
}

export function buildReplay(source: ReplaySource, options: ReplayOptions): ReplayFrame[] {
  const { fromMs, toMs, stepMs } = options;
  const windowMs = options.windowMs ?? stepMs;
  checkRange(options, windowMs);
  const graphOf = isAggregator(source)
    ? (startMs: number, endMs: number) => source.graph(startMs, endMs)
    : (startMs: number, endMs: number) => mergeGraphBuckets(source, startMs, endMs);
  const frames: ReplayFrame[] = [];
  for (let timeMs = fromMs; timeMs < toMs; timeMs += stepMs) {
    const windowEndMs = timeMs + stepMs;
    const windowStartMs = windowEndMs - windowMs;
    frames.push({ id: `replay:${timeMs}`, timeMs, windowStartMs, windowEndMs, graph: graphOf(windowStartMs, windowEndMs) });
  }
  return withAllElements(frames);
}

function checkRange(options: ReplayOptions, windowMs: number): void {
  const { fromMs, toMs, stepMs } = options;
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs) || fromMs >= toMs) {
    throw new ReplayRangeError(`replay: need finite fromMs < toMs, got [${fromMs}, ${toMs})`);
  }
  if (!(Number.isFinite(stepMs) && stepMs > 0)) {
    throw new ReplayRangeError(`replay: stepMs must be a positive number of ms, got ${stepMs}`);
  }
  if (!(Number.isFinite(windowMs) && windowMs > 0)) {
    throw new ReplayRangeError(`replay: windowMs must be a positive number of ms, got ${windowMs}`);
  }
  const frames = Math.ceil((toMs - fromMs) / stepMs);
  const maxFrames = options.maxFrames ?? 10_000;
  if (frames > maxFrames) {
    throw new ReplayRangeError(`replay: ${frames} frames of ${stepMs} ms exceed the limit of ${maxFrames}; choose a larger step`);
  }
}

function isAggregator(source: ReplaySource): source is BucketedAggregator {
  return !Array.isArray(source);
}

/** Pads every frame with the nodes and edges of all frames (zero traffic), sorted by id. */
function withAllElements(frames: ReplayFrame[]): ReplayFrame[] {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  for (const frame of frames) {
    frame.graph.nodes.forEach((node) => nodes.has(node.id) || nodes.set(node.id, idle(node)));
    frame.graph.edges.forEach((edge) => edges.has(edge.id) || edges.set(edge.id, idle(edge)));
  }
  const nodeIds = [...nodes.keys()].sort();
  const edgeIds = [...edges.keys()].sort();
  return frames.map((frame) => {
    const ownNodes = new Map(frame.graph.nodes.map((node) => [node.id, node]));
    const ownEdges = new Map(frame.graph.edges.map((edge) => [edge.id, edge]));
    return {
      ...frame,
      graph: {
        nodes: nodeIds.map((id) => ownNodes.get(id) ?? nodes.get(id)!),
        edges: edgeIds.map((id) => ownEdges.get(id) ?? edges.get(id)!),
      },
    };
  });
}

const ZERO_STATS = { requests: 0, failed: 0, rate: 0, errorRate: 0, p50Ms: 0, p95Ms: 0, p99Ms: 0 };

/** The element with no traffic: identity kept, statistics zero, per-window extras dropped. */
function idle<T extends GraphNode | GraphEdge>(element: T): T {
  const { meanMs: _mean, anomaly: _anomaly, ...rest } = element;
  const copy = { ...rest, ...ZERO_STATS } as T & { exemplarTraceId?: string; lagP95Ms?: number };
  delete copy.exemplarTraceId;
  delete copy.lagP95Ms;
  return copy;
}

/** Approximate merge of per-bucket graphs whose bucket starts lie in [startMs, endMs) (see the file comment). */
export function mergeGraphBuckets(buckets: readonly GraphBucket[], startMs: number, endMs: number): Graph {
  const seconds = (endMs - startMs) / 1000;
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  for (const { bucketStartMs, graph } of buckets) {
    if (bucketStartMs < startMs || bucketStartMs >= endMs) {
      continue;
    }
    graph.nodes.forEach((node) => nodes.set(node.id, mergeStats(nodes.get(node.id), node, seconds)));
    graph.edges.forEach((edge) => edges.set(edge.id, mergeStats(edges.get(edge.id), edge, seconds)));
  }
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return { nodes: [...nodes.values()].sort(byId), edges: [...edges.values()].sort(byId) };
}

function mergeStats<T extends GraphNode | GraphEdge>(into: T | undefined, add: T, seconds: number): T {
  if (into === undefined) {
    return { ...add, rate: seconds > 0 ? add.requests / seconds : 0 };
  }
  const requests = into.requests + add.requests;
  const failed = into.failed + add.failed;
  const weighted = requests > 0 ? (into.p50Ms * into.requests + add.p50Ms * add.requests) / requests : 0;
  const lags = [into, add].flatMap((e) => ('lagP95Ms' in e && e.lagP95Ms !== undefined ? [e.lagP95Ms] : []));
  return {
    ...into,
    ...(add.requests > 0 && 'exemplarTraceId' in add && add.exemplarTraceId !== undefined ? { exemplarTraceId: add.exemplarTraceId } : {}),
    requests,
    failed,
    rate: seconds > 0 ? requests / seconds : 0,
    errorRate: requests > 0 ? failed / requests : 0,
    p50Ms: weighted,
    p95Ms: Math.max(into.p95Ms, add.p95Ms),
    p99Ms: Math.max(into.p99Ms, add.p99Ms),
    ...(lags.length > 0 ? { lagP95Ms: Math.max(...lags) } : {}),
  };
}
