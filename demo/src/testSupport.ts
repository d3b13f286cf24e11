/**
 * Small helpers for the demo's tests: a plain pairing of spans into edges (the servicegraph rules
 * in their simplest form) and a nearest-rank percentile.
 */
import type { Span } from '../../servicegraph/src/types';

export interface TestEdge {
  client: string;
  server: string;
  connectionType: '' | 'messaging_system' | 'database' | 'virtual_node';
  latencyMs: number;
  failed: boolean;
  /** Start of the server/consumer span (or of the client span when there is none). */
  serverStartMs: number;
  clientEndMs: number;
}

export function deriveTestEdges(spans: Span[]): TestEdge[] {
  const byParent = new Map<string, Span[]>();
  for (const span of spans) {
    const key = `${span.traceId}/${span.parentSpanId}`;
    byParent.set(key, [...(byParent.get(key) ?? []), span]);
  }
  const edges: TestEdge[] = [];
  for (const span of spans) {
    if (span.kind === 'server' && span.parentSpanId === '') {
      edges.push(edge('user', span.service, 'virtual_node', span, span));
    }
    if (span.kind !== 'client' && span.kind !== 'producer') {
      continue;
    }
    const children = (byParent.get(`${span.traceId}/${span.spanId}`) ?? []).filter(
      (child) => child.kind === 'server' || child.kind === 'consumer'
    );
    for (const child of children) {
      edges.push(edge(span.service, child.service, span.kind === 'producer' ? 'messaging_system' : '', span, child));
    }
    if (children.length === 0 && span.attributes['db.system'] !== undefined) {
      edges.push(edge(span.service, String(span.attributes['server.address']), 'database', span, span));
    } else if (children.length === 0 && span.attributes['peer.service'] !== undefined) {
      edges.push(edge(span.service, String(span.attributes['peer.service']), 'virtual_node', span, span));
    }
  }
  return edges;
}

function edge(
  client: string,
  server: string,
  connectionType: TestEdge['connectionType'],
  clientSpan: Span,
  serverSpan: Span
): TestEdge {
  return {
    client,
    server,
    connectionType,
    latencyMs: serverSpan.durationMs,
    failed: clientSpan.error || serverSpan.error,
    serverStartMs: serverSpan.startMs,
    clientEndMs: clientSpan.startMs + clientSpan.durationMs,
  };
}

/** Nearest-rank percentile of a non-empty list. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
