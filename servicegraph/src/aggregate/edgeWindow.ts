/**
 * Edge windows: per-edge mergeable statistics over a span of time. `addObservation` mutates (it is the hot
 * path of the collector and the streaming datasource); `mergeWindows` is pure, associative and commutative,
 * so buckets, files and collector batches can be combined in any order and give the same graph.
 */
import type { ConnectionType, EdgeKey, EdgeObservation } from '../types';
import {
  createLatencySketch,
  deserializeSketch,
  isLatencySketch,
  mergeSketchInto,
  recordLatency,
  type LatencySketch,
  type SerializedSketch,
} from './latencySketch';

/** A trace id kept as an example of a slow request on an edge (the slowest one seen). */
export interface Exemplar {
  traceId: string;
  latencyMs: number;
}

/** Mergeable statistics of one edge (client, server, connection type) within a window. */
export interface EdgeStats extends EdgeKey {
  requests: number;
  failed: number;
  latency: LatencySketch;
  /** Earliest and latest request start seen, ms since the Unix epoch. */
  firstSeenMs: number;
  lastSeenMs: number;
  exemplar?: Exemplar;
  /**
   * Messaging edges: consumer lag (consumer start − producer end) of the requests that carried one, in the
   * same mergeable sketch as latency. Absent on edges that never saw a lag (request, database edges).
   */
  lag?: LatencySketch;
}

export interface EdgeWindow {
  /** Keyed by `edgeId`. */
  edges: Map<string, EdgeStats>;
}

/** Stable edge id: `${source}->${target}` plus `#${connectionType}` when the type is not ''. */
export function edgeId(key: EdgeKey): string {
  const base = `${key.clientService}->${key.serverService}`;
  return key.connectionType === '' ? base : `${base}#${key.connectionType}`;
}

export function createEdgeWindow(): EdgeWindow {
  return { edges: new Map() };
}

/** Folds one observed request into the window (mutates it). */
export function addObservation(window: EdgeWindow, obs: EdgeObservation): void {
  const id = edgeId(obs);
  let stats = window.edges.get(id);
  if (!stats) {
    stats = createEdgeStats(obs.clientService, obs.serverService, obs.connectionType);
    window.edges.set(id, stats);
  }
  stats.requests += 1;
  if (obs.failed) {
    stats.failed += 1;
  }
  recordLatency(stats.latency, obs.latencyMs);
  if (obs.messagingLagMs !== undefined) {
    stats.lag ??= createLatencySketch();
    recordLatency(stats.lag, obs.messagingLagMs);
  }
  stats.firstSeenMs = Math.min(stats.firstSeenMs, obs.timeMs);
  stats.lastSeenMs = Math.max(stats.lastSeenMs, obs.timeMs);
  if (obs.traceId !== '' && Number.isFinite(obs.latencyMs)) {
    stats.exemplar = slowerExemplar(stats.exemplar, { traceId: obs.traceId, latencyMs: obs.latencyMs });
  }
}

/**
 * Pre-aggregated statistics of one edge: a Timescale row (bucket, client, server, type, requests, failed,
 * sketch) or a Jaeger `/api/dependencies` link (call count only, no latency).
 */
export interface EdgeAggregate extends EdgeKey {
  requests: number;
  failed?: number;
  /** A sketch, its serialised form as stored in SQL, or nothing when the source has no latency. */
  latency?: LatencySketch | SerializedSketch;
  /** Consumer lag of a messaging edge, in the same forms as `latency`; absent when not measured. */
  lag?: LatencySketch | SerializedSketch;
  firstSeenMs?: number;
  lastSeenMs?: number;
  exemplar?: Exemplar;
}

/** Folds pre-aggregated statistics into the window (mutates it); throws SketchFormatError on a bad sketch. */
export function addEdgeAggregate(window: EdgeWindow, aggregate: EdgeAggregate): void {
  const single = createEdgeWindow();
  const latency = aggregate.latency === undefined ? createLatencySketch() : toSketch(aggregate.latency);
  single.edges.set(edgeId(aggregate), {
    clientService: aggregate.clientService,
    serverService: aggregate.serverService,
    connectionType: aggregate.connectionType,
    requests: aggregate.requests,
    failed: aggregate.failed ?? 0,
    latency,
    firstSeenMs: aggregate.firstSeenMs ?? Infinity,
    lastSeenMs: aggregate.lastSeenMs ?? -Infinity,
    ...(aggregate.exemplar ? { exemplar: aggregate.exemplar } : {}),
    ...(aggregate.lag !== undefined ? { lag: toSketch(aggregate.lag) } : {}),
  });
  mergeWindowInto(window, single);
}

function toSketch(latency: LatencySketch | SerializedSketch): LatencySketch {
  return isLatencySketch(latency) ? latency : deserializeSketch(latency);
}

/** Adds every edge of `source` into `target` (mutates `target`, leaves `source` unchanged). */
export function mergeWindowInto(target: EdgeWindow, source: EdgeWindow): void {
  for (const [id, stats] of source.edges) {
    let into = target.edges.get(id);
    if (!into) {
      into = createEdgeStats(stats.clientService, stats.serverService, stats.connectionType);
      target.edges.set(id, into);
    }
    into.requests += stats.requests;
    into.failed += stats.failed;
    mergeSketchInto(into.latency, stats.latency);
    if (stats.lag) {
      into.lag ??= createLatencySketch();
      mergeSketchInto(into.lag, stats.lag);
    }
    into.firstSeenMs = Math.min(into.firstSeenMs, stats.firstSeenMs);
    into.lastSeenMs = Math.max(into.lastSeenMs, stats.lastSeenMs);
    into.exemplar = slowerExemplar(into.exemplar, stats.exemplar);
  }
}

/** A new window with the statistics of both; the inputs are left unchanged. */
export function mergeWindows(a: EdgeWindow, b: EdgeWindow): EdgeWindow {
  const merged = createEdgeWindow();
  mergeWindowInto(merged, a);
  mergeWindowInto(merged, b);
  return merged;
}

/** Empty statistics of one edge; the seen range defaults to empty (the first merge or observation sets it). */
export function createEdgeStats(
  clientService: string,
  serverService: string,
  connectionType: ConnectionType,
  firstSeenMs = Infinity,
  lastSeenMs = -Infinity
): EdgeStats {
  return {
    clientService,
    serverService,
    connectionType,
    requests: 0,
    failed: 0,
    latency: createLatencySketch(),
    firstSeenMs,
    lastSeenMs,
  };
}

/**
 * The slower of two exemplars; ties go to the smaller trace id so the choice does not depend on the order
 * in which windows are merged. The collector's bucket rows and the database's kompas.exemplar_wins follow
 * the same rule, so a replayed or re-ordered flush keeps the same example request.
 */
export function slowerExemplar(a: Exemplar | undefined, b: Exemplar | undefined): Exemplar | undefined {
  if (!a || !b) {
    return a ?? b;
  }
  if (a.latencyMs !== b.latencyMs) {
    return a.latencyMs > b.latencyMs ? a : b;
  }
  return a.traceId <= b.traceId ? a : b;
}
