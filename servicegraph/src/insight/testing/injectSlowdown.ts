/**
 * Test support: makes one edge of a span set slower the way a real slowdown looks in traces. Each call
 * on the edge lasts `extraMs` longer, its ancestors last that much longer too, and everything in the trace
 * that started after the call ended is pushed back by the same amount (later work waited for it).
 * The edge is recognised independently of the insight code: a database CLIENT span (by service and
 * db.name) or a SERVER span answering a CLIENT span (by the two services).
 */
import type { Span } from '../../types';

export interface SlowEdge {
  clientService: string;
  serverService: string;
  database: boolean;
}

/** Edges a slowdown can be injected on, with the number of traces they appear in. */
export function injectableEdges(spans: readonly Span[]): Array<{ edge: SlowEdge; traces: number }> {
  const traces = new Map<string, { edge: SlowEdge; traceIds: Set<string> }>();
  const byId = new Map(spans.map((span) => [`${span.traceId}/${span.spanId}`, span]));
  for (const span of spans) {
    const edge = edgeOf(span, byId);
    if (edge !== undefined) {
      const key = `${edge.clientService}->${edge.serverService}#${edge.database}`;
      const entry = traces.get(key) ?? { edge, traceIds: new Set<string>() };
      entry.traceIds.add(span.traceId);
      traces.set(key, entry);
    }
  }
  return [...traces.values()].map(({ edge, traceIds }) => ({ edge, traces: traceIds.size }));
}

export function injectSlowdown(spans: readonly Span[], slow: SlowEdge, extraMs: number): Span[] {
  const byId = new Map(spans.map((span) => [`${span.traceId}/${span.spanId}`, { ...span }]));
  const perTrace = new Map<string, Span[]>();
  for (const span of byId.values()) {
    perTrace.set(span.traceId, [...(perTrace.get(span.traceId) ?? []), span]);
  }
  for (const trace of perTrace.values()) {
    // Latest first, so pushing later work back never moves a call that is still to be slowed.
    const calls = trace.filter((span) => sameEdge(edgeOf(span, byId), slow)).sort((a, b) => b.startMs - a.startMs);
    for (const call of calls) {
      const endMs = call.startMs + call.durationMs;
      const ancestors = new Set<Span>();
      for (let parent = byId.get(`${call.traceId}/${call.parentSpanId}`); parent && !ancestors.has(parent); parent = byId.get(`${parent.traceId}/${parent.parentSpanId}`)) {
        ancestors.add(parent);
      }
      for (const span of trace) {
        if (span === call || ancestors.has(span)) {
          span.durationMs += extraMs;
        } else if (span.startMs >= endMs) {
          span.startMs += extraMs;
        } else if (span.startMs + span.durationMs > endMs && isDescendant(span, call, byId)) {
          span.durationMs += extraMs;
        }
      }
    }
  }
  return spans.map((span) => byId.get(`${span.traceId}/${span.spanId}`)!);
}

function edgeOf(span: Span, byId: Map<string, Span>): SlowEdge | undefined {
  if (span.kind === 'client' && typeof span.attributes['db.name'] === 'string') {
    return { clientService: span.service, serverService: span.attributes['db.name'], database: true };
  }
  const parent = byId.get(`${span.traceId}/${span.parentSpanId}`);
  if (span.kind === 'server' && parent?.kind === 'client') {
    return { clientService: parent.service, serverService: span.service, database: false };
  }
  return undefined;
}

function sameEdge(a: SlowEdge | undefined, b: SlowEdge): boolean {
  return a !== undefined && a.clientService === b.clientService && a.serverService === b.serverService && a.database === b.database;
}

function isDescendant(span: Span, ancestor: Span, byId: Map<string, Span>): boolean {
  const seen = new Set<Span>();
  for (let parent = byId.get(`${span.traceId}/${span.parentSpanId}`); parent && !seen.has(parent); parent = byId.get(`${parent.traceId}/${parent.parentSpanId}`)) {
    if (parent === ancestor) {
      return true;
    }
    seen.add(parent);
  }
  return false;
}
