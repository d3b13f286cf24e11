/**
 * Batch derivation: all spans of a dump → edge observations. Runs the streaming store with no TTL and no
 * size limit, pairing deferred to the flush, so the result does not depend on span order.
 *
 * Spans pair only within their trace, so the store runs once per trace (grouped first, in order of first
 * appearance) and is flushed after each: its map stays small and cache-warm, and its entries die young
 * instead of all surviving to one final flush (that halved pairing time on a 60 MB dump whose traces are
 * spread over per-service resourceSpans). Observations come out grouped by trace; within a trace, and for
 * input whose traces are contiguous, the order is the one a single store gives.
 */
import type { EdgeObservation, Span, SpanKind } from '../types';
import type { SpanColumns } from '../parse/scan/spanColumns';
import { createEdgeStore, type EdgeStore } from './edgeStore';
import { isChildRole, isParentRole } from './pairing';
import type { UnpairedOptions } from './virtualNodes';

export function spansToObservations(spans: readonly Span[], options: UnpairedOptions = {}): EdgeObservation[] {
  const observations: EdgeObservation[] = [];
  const store = createBatchStore(options, observations);
  for (const trace of groupByTrace(spans)) {
    for (let i = 0; i < trace.length; i++) {
      store.addSpan(trace[i], 0);
    }
    store.flush();
  }
  return observations;
}

/**
 * The same for spans held as columns (the scanners' form for large dumps): each span becomes an object only
 * while its trace is paired, so the objects die young. Same observations, in the same order, as
 * spansToObservations(columns.toSpans()).
 */
export function columnsToObservations(columns: SpanColumns, options: UnpairedOptions = {}): EdgeObservation[] {
  const observations: EdgeObservation[] = [];
  const store = createBatchStore(options, observations);
  const { order, starts } = groupColumnsByTrace(columns);
  for (let trace = 0; trace + 1 < starts.length; trace++) {
    const end = starts[trace + 1];
    for (let k = starts[trace]; k < end; k++) {
      // A span with no pairing role (INTERNAL) is not even built: the store would ignore it.
      if (hasPairingRole(columns.kindOf(order[k]))) {
        store.addSpan(columns.span(order[k]), 0);
      }
    }
    store.flush();
  }
  return observations;
}

function hasPairingRole(kind: SpanKind): boolean {
  return isParentRole(kind) || isChildRole(kind);
}

function createBatchStore(options: UnpairedOptions, observations: EdgeObservation[]): EdgeStore {
  return createEdgeStore({
    ttlMs: Infinity,
    maxItems: Infinity,
    deferPairing: true,
    unnamedPeer: options.unnamedPeer,
    onComplete: (observation) => observations.push(observation),
  });
}

/** Spans per trace id, traces in order of first appearance (consecutive spans of one trace cost no lookup). */
function groupByTrace(spans: readonly Span[]): Iterable<Span[]> {
  const traces = new Map<string, Span[]>();
  let lastTraceId: string | undefined;
  let last: Span[] = [];
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i];
    if (span.traceId !== lastTraceId) {
      lastTraceId = span.traceId;
      let trace = traces.get(lastTraceId);
      if (trace === undefined) {
        trace = [];
        traces.set(lastTraceId, trace);
      }
      last = trace;
    }
    last.push(span);
  }
  return traces.values();
}

/**
 * Span indices ordered by trace code (codes are given in order of first appearance), input order within a
 * trace: a counting sort, so trace t's spans are order[starts[t] .. starts[t + 1]).
 */
function groupColumnsByTrace(columns: SpanColumns): { order: Int32Array; starts: Int32Array } {
  const count = columns.count;
  const starts = new Int32Array(columns.traceIds.length + 1);
  for (let i = 0; i < count; i++) {
    starts[columns.traceOf(i) + 1]++;
  }
  for (let t = 1; t < starts.length; t++) {
    starts[t] += starts[t - 1];
  }
  const next = starts.slice(0, starts.length - 1);
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    order[next[columns.traceOf(i)]++] = i;
  }
  return { order, starts };
}
