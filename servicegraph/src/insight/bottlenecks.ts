/**
 * Bottleneck attribution over the traces of a window: every trace's critical path (criticalPath.ts) is cut
 * into self-time segments, each segment is credited to an edge (spanEdge.ts) and to the segment's service,
 * and the credits are summed over all traces and over the slowest traces (by corrected root duration).
 * A share is an edge's credited time over all critical-path time, so the shares of a set of traces sum
 * to 1: "payments → payments-db holds 71 % of the critical-path time of the slowest 5 % of requests".
 */
import type { ConnectionType, EdgeKey, Span } from '../types';
import { edgeId } from '../aggregate/edgeWindow';
import { createLatencySketch, quantile, recordLatency, type LatencySketch } from '../aggregate/latencySketch';
import { walkCriticalPath } from './criticalPath';
import { edgesOfNodes } from './spanEdge';
import { buildTraceTree, type TraceNode } from './traceTree';

export interface Bottleneck {
  /** Edge id as in Graph (`source->target`, `#connectionType` when not ''). */
  id: string;
  source: string;
  target: string;
  connectionType: ConnectionType;
  /** Share of all critical-path time (0..1), over all traces and over the slowest traces. */
  share: number;
  shareSlowest: number;
  /** Critical-path time credited to the edge, summed over the traces. */
  criticalPathMs: number;
  criticalPathMsSlowest: number;
  /** p95 of the edge's call latency (as the edges report measures it) in all traces and in the slowest. */
  p95Ms: number;
  p95MsSlowest: number;
  /** Calls on the edge, in all traces and in the slowest. */
  requests: number;
  requestsSlowest: number;
}

export interface ServiceBottleneck {
  service: string;
  share: number;
  shareSlowest: number;
  criticalPathMs: number;
  criticalPathMsSlowest: number;
}

export interface BottleneckAnalysis {
  /** Sorted by shareSlowest, then share, descending (ties by id). */
  edges: Bottleneck[];
  /** Sorted the same way (ties by service name). */
  services: ServiceBottleneck[];
  traces: number;
  slowestTraces: number;
  /** Root duration of the fastest of the slowest traces. */
  slowestThresholdMs: number;
}

export interface BottleneckOptions {
  /** Fraction of traces (by root duration) counted as the slowest; default 0.05, at least one trace. */
  slowestFraction?: number;
}

interface EdgeInfo {
  id: string;
  source: string;
  target: string;
  connectionType: ConnectionType;
}

/** Edges and services numbered as first met, so per-trace credits are flat number arrays (little garbage). */
interface Catalog {
  edgeIndex: Map<string, number>;
  edges: EdgeInfo[];
  serviceIndex: Map<string, number>;
  services: string[];
}

/** What one trace contributes: parallel arrays of (edge or service index, ms). */
interface TraceCredit {
  durationMs: number;
  traceId: string;
  segmentEdges: number[];
  segmentServices: number[];
  segmentMs: number[];
  callEdges: number[];
  callMs: number[];
}

export function bottlenecks(spans: readonly Span[], options: BottleneckOptions = {}): Bottleneck[] {
  return analyzeBottlenecks(spans, options).edges;
}

export function analyzeBottlenecks(spans: readonly Span[], options: BottleneckOptions = {}): BottleneckAnalysis {
  const fraction = options.slowestFraction ?? 0.05;
  if (!(fraction > 0 && fraction <= 1)) {
    throw new RangeError(`slowestFraction must be in (0, 1], got ${fraction}`);
  }
  const catalog: Catalog = { edgeIndex: new Map(), edges: [], serviceIndex: new Map(), services: [] };
  const credits: TraceCredit[] = [];
  for (const traceSpans of groupByTrace(spans).values()) {
    const credit = creditTrace(traceSpans, catalog);
    if (credit !== undefined) {
      credits.push(credit);
    }
  }
  credits.sort((a, b) => b.durationMs - a.durationMs || compareText(a.traceId, b.traceId));
  const slowestCount = credits.length === 0 ? 0 : Math.max(1, Math.ceil(credits.length * fraction));
  const all = sumCredits(credits, catalog);
  const slowest = sumCredits(credits.slice(0, slowestCount), catalog);

  const edges: Bottleneck[] = catalog.edges.map((info, i) => ({
    ...info,
    share: shareOf(all.edgeMs[i], all.totalMs),
    shareSlowest: shareOf(slowest.edgeMs[i], slowest.totalMs),
    criticalPathMs: all.edgeMs[i],
    criticalPathMsSlowest: slowest.edgeMs[i],
    p95Ms: p95Of(all.latency[i]),
    p95MsSlowest: p95Of(slowest.latency[i]),
    requests: all.requests[i],
    requestsSlowest: slowest.requests[i],
  }));
  const services: ServiceBottleneck[] = catalog.services.map((service, i) => ({
    service,
    share: shareOf(all.serviceMs[i], all.totalMs),
    shareSlowest: shareOf(slowest.serviceMs[i], slowest.totalMs),
    criticalPathMs: all.serviceMs[i],
    criticalPathMsSlowest: slowest.serviceMs[i],
  }));
  edges.sort((a, b) => b.shareSlowest - a.shareSlowest || b.share - a.share || compareText(a.id, b.id));
  services.sort((a, b) => b.shareSlowest - a.shareSlowest || b.share - a.share || compareText(a.service, b.service));
  return {
    edges,
    services,
    traces: credits.length,
    slowestTraces: slowestCount,
    slowestThresholdMs: slowestCount === 0 ? 0 : credits[slowestCount - 1].durationMs,
  };
}

function groupByTrace(spans: readonly Span[]): Map<string, Span[]> {
  const traces = new Map<string, Span[]>();
  for (const span of spans) {
    const list = traces.get(span.traceId);
    if (list === undefined) {
      traces.set(span.traceId, [span]);
    } else {
      list.push(span);
    }
  }
  return traces;
}

function creditTrace(spans: readonly Span[], catalog: Catalog): TraceCredit | undefined {
  const tree = buildTraceTree(spans);
  if (tree === undefined) {
    return undefined;
  }
  const credit: TraceCredit = {
    durationMs: tree.root.endMs - tree.root.startMs,
    traceId: tree.root.span.traceId,
    segmentEdges: [],
    segmentServices: [],
    segmentMs: [],
    callEdges: [],
    callMs: [],
  };
  const edgeOfNode = new Map<TraceNode, number>();
  for (const [node, edge] of edgesOfNodes(tree.nodes)) {
    const index = edgeIndexOf(catalog, edge.key);
    edgeOfNode.set(node, index);
    if (edge.latencyMs !== undefined) {
      credit.callEdges.push(index);
      credit.callMs.push(edge.latencyMs);
    }
  }
  walkCriticalPath(tree, (node, startMs, endMs) => {
    credit.segmentEdges.push(edgeOfNode.get(node)!);
    credit.segmentServices.push(serviceIndexOf(catalog, node.span.service));
    credit.segmentMs.push(endMs - startMs);
  });
  return credit;
}

function edgeIndexOf(catalog: Catalog, key: EdgeKey): number {
  const id = edgeId(key);
  let index = catalog.edgeIndex.get(id);
  if (index === undefined) {
    index = catalog.edges.length;
    catalog.edgeIndex.set(id, index);
    catalog.edges.push({ id, source: key.clientService, target: key.serverService, connectionType: key.connectionType });
  }
  return index;
}

function serviceIndexOf(catalog: Catalog, service: string): number {
  let index = catalog.serviceIndex.get(service);
  if (index === undefined) {
    index = catalog.services.length;
    catalog.serviceIndex.set(service, index);
    catalog.services.push(service);
  }
  return index;
}

interface Totals {
  totalMs: number;
  edgeMs: Float64Array;
  serviceMs: Float64Array;
  latency: Array<LatencySketch | undefined>;
  requests: Float64Array;
}

function sumCredits(credits: readonly TraceCredit[], catalog: Catalog): Totals {
  const totals: Totals = {
    totalMs: 0,
    edgeMs: new Float64Array(catalog.edges.length),
    serviceMs: new Float64Array(catalog.services.length),
    latency: new Array<LatencySketch | undefined>(catalog.edges.length),
    requests: new Float64Array(catalog.edges.length),
  };
  for (const credit of credits) {
    for (let i = 0; i < credit.segmentMs.length; i++) {
      totals.edgeMs[credit.segmentEdges[i]] += credit.segmentMs[i];
      totals.serviceMs[credit.segmentServices[i]] += credit.segmentMs[i];
      totals.totalMs += credit.segmentMs[i];
    }
    for (let i = 0; i < credit.callEdges.length; i++) {
      const edge = credit.callEdges[i];
      recordLatency((totals.latency[edge] ??= createLatencySketch()), credit.callMs[i]);
      totals.requests[edge] += 1;
    }
  }
  return totals;
}

function shareOf(ms: number, totalMs: number): number {
  return totalMs > 0 ? ms / totalMs : 0;
}

function p95Of(sketch: LatencySketch | undefined): number {
  return sketch === undefined ? 0 : quantile(sketch, 0.95);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
