/**
 * Bottleneck attribution over the traces of a window: every trace's critical path (criticalPath.ts) is cut
 * into self-time segments, each segment is credited to an edge (spanEdge.ts) and to the segment's service,
 * and the credits are summed over all traces and over the slowest traces (by corrected root duration).
 * A share is an edge's credited time over all critical-path time, so the shares of a set of traces sum
 * to 1: "payments → payments-db holds 71 % of the critical-path time of the slowest 5 % of requests".
 */
import type { ConnectionType, Span } from '../types';
import { edgeId } from '../aggregate/edgeWindow';
import { createLatencySketch, quantile, recordLatency, type LatencySketch } from '../aggregate/latencySketch';
import { walkCriticalPath } from './criticalPath';
import { edgesOfNodes } from './spanEdge';
import { buildTraceTree } from './traceTree';

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
  source: string;
  target: string;
  connectionType: ConnectionType;
}

/** What one trace contributes. */
interface TraceCredit {
  durationMs: number;
  traceId: string;
  edgeMs: Map<string, number>;
  serviceMs: Map<string, number>;
  latencies: Array<[string, number]>;
}

export function bottlenecks(spans: readonly Span[], options: BottleneckOptions = {}): Bottleneck[] {
  return analyzeBottlenecks(spans, options).edges;
}

export function analyzeBottlenecks(spans: readonly Span[], options: BottleneckOptions = {}): BottleneckAnalysis {
  const fraction = options.slowestFraction ?? 0.05;
  if (!(fraction > 0 && fraction <= 1)) {
    throw new RangeError(`slowestFraction must be in (0, 1], got ${fraction}`);
  }
  const edgeInfo = new Map<string, EdgeInfo>();
  const credits: TraceCredit[] = [];
  for (const traceSpans of groupByTrace(spans).values()) {
    const credit = creditTrace(traceSpans, edgeInfo);
    if (credit !== undefined) {
      credits.push(credit);
    }
  }
  credits.sort((a, b) => b.durationMs - a.durationMs || (a.traceId < b.traceId ? -1 : a.traceId > b.traceId ? 1 : 0));
  const slowestCount = credits.length === 0 ? 0 : Math.max(1, Math.ceil(credits.length * fraction));
  const all = sumCredits(credits);
  const slowest = sumCredits(credits.slice(0, slowestCount));

  const edges: Bottleneck[] = [...edgeInfo.entries()].map(([id, info]) => ({
    id,
    ...info,
    share: shareOf(all.edgeMs.get(id), all.totalMs),
    shareSlowest: shareOf(slowest.edgeMs.get(id), slowest.totalMs),
    criticalPathMs: all.edgeMs.get(id) ?? 0,
    criticalPathMsSlowest: slowest.edgeMs.get(id) ?? 0,
    p95Ms: p95Of(all.latency.get(id)),
    p95MsSlowest: p95Of(slowest.latency.get(id)),
    requests: all.requests.get(id) ?? 0,
    requestsSlowest: slowest.requests.get(id) ?? 0,
  }));
  const services: ServiceBottleneck[] = [...all.serviceMs.keys()].map((service) => ({
    service,
    share: shareOf(all.serviceMs.get(service), all.totalMs),
    shareSlowest: shareOf(slowest.serviceMs.get(service), slowest.totalMs),
    criticalPathMs: all.serviceMs.get(service) ?? 0,
    criticalPathMsSlowest: slowest.serviceMs.get(service) ?? 0,
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

function creditTrace(spans: readonly Span[], edgeInfo: Map<string, EdgeInfo>): TraceCredit | undefined {
  const tree = buildTraceTree(spans);
  if (tree === undefined) {
    return undefined;
  }
  const nodeEdges = edgesOfNodes(tree.nodes);
  const ids = new Map<object, string>();
  for (const [node, edge] of nodeEdges) {
    const id = edgeId(edge.key);
    ids.set(node, id);
    if (!edgeInfo.has(id)) {
      edgeInfo.set(id, { source: edge.key.clientService, target: edge.key.serverService, connectionType: edge.key.connectionType });
    }
  }
  const credit: TraceCredit = {
    durationMs: tree.root.endMs - tree.root.startMs,
    traceId: tree.root.span.traceId,
    edgeMs: new Map(),
    serviceMs: new Map(),
    latencies: [],
  };
  walkCriticalPath(tree, (node, startMs, endMs) => {
    addTo(credit.edgeMs, ids.get(node)!, endMs - startMs);
    addTo(credit.serviceMs, node.span.service, endMs - startMs);
  });
  for (const [node, edge] of nodeEdges) {
    if (edge.latencyMs !== undefined) {
      credit.latencies.push([ids.get(node)!, edge.latencyMs]);
    }
  }
  return credit;
}

interface Totals {
  totalMs: number;
  edgeMs: Map<string, number>;
  serviceMs: Map<string, number>;
  latency: Map<string, LatencySketch>;
  requests: Map<string, number>;
}

function sumCredits(credits: readonly TraceCredit[]): Totals {
  const totals: Totals = { totalMs: 0, edgeMs: new Map(), serviceMs: new Map(), latency: new Map(), requests: new Map() };
  for (const credit of credits) {
    for (const [id, ms] of credit.edgeMs) {
      addTo(totals.edgeMs, id, ms);
      totals.totalMs += ms;
    }
    for (const [service, ms] of credit.serviceMs) {
      addTo(totals.serviceMs, service, ms);
    }
    for (const [id, ms] of credit.latencies) {
      let sketch = totals.latency.get(id);
      if (sketch === undefined) {
        sketch = createLatencySketch();
        totals.latency.set(id, sketch);
      }
      recordLatency(sketch, ms);
      addTo(totals.requests, id, 1);
    }
  }
  return totals;
}

function addTo(map: Map<string, number>, key: string, value: number): void {
  map.set(key, (map.get(key) ?? 0) + value);
}

function shareOf(ms: number | undefined, totalMs: number): number {
  return totalMs > 0 && ms !== undefined ? ms / totalMs : 0;
}

function p95Of(sketch: LatencySketch | undefined): number {
  return sketch === undefined ? 0 : quantile(sketch, 0.95);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
