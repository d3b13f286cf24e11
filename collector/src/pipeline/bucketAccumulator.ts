/**
 * Folds edge observations into 10-second bucket rows (per bucket and edge) plus node metadata, and rolls
 * them up to the 1-minute and 1-hour tables. Pure data structure; the processor owns when it is written.
 */
import { inferNodeKinds } from '../../../servicegraph/src/aggregate/nodeKinds';
import {
  createLatencySketch,
  mergeSketchInto,
  recordLatency,
  type LatencySketch,
} from '../../../servicegraph/src/aggregate/latencySketch';
import { slowerExemplar, type Exemplar } from '../../../servicegraph/src/aggregate/edgeWindow';
import type { ConnectionType, EdgeObservation, NodeKind } from '../../../servicegraph/src/types';

export const BUCKET_MS = 10_000;

/** Table resolutions the collector writes, finest first. */
export const RESOLUTIONS = [
  { name: '10s', ms: 10_000 },
  { name: '1m', ms: 60_000 },
  { name: '1h', ms: 3_600_000 },
  { name: '6h', ms: 21_600_000 },
] as const;
export type ResolutionName = (typeof RESOLUTIONS)[number]['name'];

export interface BucketRow {
  bucketMs: number;
  clientService: string;
  serverService: string;
  connectionType: ConnectionType;
  requests: number;
  failed: number;
  latencySumMs: number;
  latency: LatencySketch;
  /** The slowest request of the row with a trace id: the edge's "example request" for this bucket. */
  exemplar?: Exemplar;
  /** Messaging edges: consumer lag (servicegraph's messagingLagMs) in the latency sketch's form; absent elsewhere. */
  lag?: LatencySketch;
}

export interface NodeRow {
  service: string;
  kind: NodeKind;
  group?: string;
  firstSeenMs: number;
  lastSeenMs: number;
}

export interface BucketAccumulator {
  /** 10 s rows keyed by bucket and edge. */
  readonly rows: Map<string, BucketRow>;
  readonly groups: Map<string, string>;
  readonly seen: Map<string, { firstSeenMs: number; lastSeenMs: number }>;
}

export function createBucketAccumulator(): BucketAccumulator {
  return { rows: new Map(), groups: new Map(), seen: new Map() };
}

function rowKey(bucketMs: number, client: string, server: string, type: string): string {
  return `${bucketMs}\u0000${client}\u0000${server}\u0000${type}`;
}

function emptyRow(bucketMs: number, client: string, server: string, type: ConnectionType): BucketRow {
  return {
    bucketMs,
    clientService: client,
    serverService: server,
    connectionType: type,
    requests: 0,
    failed: 0,
    latencySumMs: 0,
    latency: createLatencySketch(),
  };
}

function markSeen(acc: BucketAccumulator, service: string, firstMs: number, lastMs: number): void {
  const seen = acc.seen.get(service);
  if (seen) {
    seen.firstSeenMs = Math.min(seen.firstSeenMs, firstMs);
    seen.lastSeenMs = Math.max(seen.lastSeenMs, lastMs);
  } else {
    acc.seen.set(service, { firstSeenMs: firstMs, lastSeenMs: lastMs });
  }
}

/** Adds one observation (mutates the accumulator). Observations without a finite time are skipped. */
export function addToBuckets(acc: BucketAccumulator, obs: EdgeObservation): boolean {
  if (!Number.isFinite(obs.timeMs)) {
    return false;
  }
  const bucketMs = Math.floor(obs.timeMs / BUCKET_MS) * BUCKET_MS;
  const key = rowKey(bucketMs, obs.clientService, obs.serverService, obs.connectionType);
  let row = acc.rows.get(key);
  if (!row) {
    row = emptyRow(bucketMs, obs.clientService, obs.serverService, obs.connectionType);
    acc.rows.set(key, row);
  }
  row.requests += 1;
  if (obs.failed) {
    row.failed += 1;
  }
  if (Number.isFinite(obs.latencyMs)) {
    row.latencySumMs += obs.latencyMs;
    recordLatency(row.latency, obs.latencyMs);
    if (obs.traceId !== '') {
      row.exemplar = slowerExemplar(row.exemplar, { traceId: obs.traceId, latencyMs: obs.latencyMs });
    }
  }
  if (obs.messagingLagMs !== undefined && Number.isFinite(obs.messagingLagMs)) {
    row.lag ??= createLatencySketch();
    recordLatency(row.lag, obs.messagingLagMs);
  }
  markSeen(acc, obs.clientService, obs.timeMs, obs.timeMs);
  markSeen(acc, obs.serverService, obs.timeMs, obs.timeMs);
  return true;
}

function mergeRowInto(target: Map<string, BucketRow>, key: string, row: BucketRow, bucketMs: number): void {
  let into = target.get(key);
  if (!into) {
    into = emptyRow(bucketMs, row.clientService, row.serverService, row.connectionType);
    target.set(key, into);
  }
  into.requests += row.requests;
  into.failed += row.failed;
  into.latencySumMs += row.latencySumMs;
  mergeSketchInto(into.latency, row.latency);
  into.exemplar = slowerExemplar(into.exemplar, row.exemplar);
  if (row.lag) {
    into.lag ??= createLatencySketch();
    mergeSketchInto(into.lag, row.lag);
  }
}

/** Adds everything in `source` to `target` (mutates `target`). */
export function mergeAccumulatorInto(target: BucketAccumulator, source: BucketAccumulator): void {
  for (const [key, row] of source.rows) {
    mergeRowInto(target.rows, key, row, row.bucketMs);
  }
  for (const [service, group] of source.groups) {
    target.groups.set(service, group);
  }
  for (const [service, seen] of source.seen) {
    markSeen(target, service, seen.firstSeenMs, seen.lastSeenMs);
  }
}

/** The 10 s rows re-bucketed to a coarser resolution. */
export function rollUpRows(rows: Iterable<BucketRow>, resolutionMs: number): BucketRow[] {
  const out = new Map<string, BucketRow>();
  for (const row of rows) {
    const bucketMs = Math.floor(row.bucketMs / resolutionMs) * resolutionMs;
    mergeRowInto(out, rowKey(bucketMs, row.clientService, row.serverService, row.connectionType), row, bucketMs);
  }
  return [...out.values()];
}

/** Node metadata of the accumulated edges: kind inferred from the edges, group from span resources. */
export function nodeRows(acc: BucketAccumulator): NodeRow[] {
  const kinds = inferNodeKinds([...acc.rows.values()]);
  return [...acc.seen.entries()].map(([service, seen]) => {
    const group = acc.groups.get(service);
    return {
      service,
      kind: kinds.get(service) ?? 'service',
      ...(group !== undefined ? { group } : {}),
      firstSeenMs: seen.firstSeenMs,
      lastSeenMs: seen.lastSeenMs,
    };
  });
}
