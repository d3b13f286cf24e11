/**
 * The span tree of one trace with clock skew corrected, the input of the critical path. Real traces are
 * messy, so building the tree is where robustness lives:
 * - duplicate span ids: one canonical copy is kept (the same choice as the edge store, `compareSpans`);
 * - missing parents: spans whose parent is absent (or is themselves) are roots; with several roots the
 *   longest one is the trace's root and the others are left out (they are not part of that request);
 * - FOLLOWS_FROM children are left out, as in Jaeger UI: the parent does not wait for them;
 * - clock skew: a SERVER span answering a CLIENT span runs on another host, so when it sticks out of its
 *   client it is shifted (with its subtree) to sit centred inside it, the way Jaeger's clock-skew adjuster
 *   splits the unknown network time evenly. Every other child shares its parent's clock or is
 *   asynchronous (a CONSUMER after its PRODUCER), so it is clamped to the parent instead: truncated where
 *   it sticks out, and dropped with its subtree when it lies wholly outside (Jaeger UI does the same).
 */
import type { Span } from '../types';
import { compareSpans } from '../derive/edgeStore';

export interface TraceNode {
  span: Span;
  parent: TraceNode | undefined;
  children: TraceNode[];
  /**
   * Start and end on the root's clock after skew correction and clamping, in ms after the root's start
   * (small numbers keep durations exact: epoch milliseconds carry only about 0.2 µs of precision).
   */
  startMs: number;
  endMs: number;
}

export interface TraceTree {
  root: TraceNode;
  /** The root span's start, ms since the Unix epoch: node times are relative to it. */
  originMs: number;
  /** Nodes reachable from the root, parents before children. */
  nodes: TraceNode[];
}

/** The corrected tree of one trace's spans; undefined when there are no spans (or only a parent cycle). */
export function buildTraceTree(spans: readonly Span[]): TraceTree | undefined {
  const byId = canonicalSpans(spans);
  const childrenOf = new Map<string, Span[]>();
  const roots: Span[] = [];
  for (const span of byId.values()) {
    const parentId = span.parentSpanId;
    if (parentId === '' || parentId === span.spanId || !byId.has(parentId)) {
      roots.push(span);
      continue;
    }
    if (span.followsFrom) {
      continue;
    }
    let list = childrenOf.get(parentId);
    if (list === undefined) {
      list = [];
      childrenOf.set(parentId, list);
    }
    list.push(span);
  }
  const rootSpan = longestSpan(roots);
  if (rootSpan === undefined) {
    return undefined;
  }
  const root: TraceNode = {
    span: rootSpan,
    parent: undefined,
    children: [],
    startMs: 0,
    endMs: durationOf(rootSpan),
  };
  const nodes: TraceNode[] = [root];
  // Breadth-first with an index: no recursion, so deep traces cannot overflow the stack.
  const shifts = new Map<TraceNode, number>([[root, 0]]);
  for (let i = 0; i < nodes.length; i++) {
    const parent = nodes[i];
    const inherited = shifts.get(parent) ?? 0;
    for (const span of childrenOf.get(parent.span.spanId) ?? []) {
      const child = placeChild(parent, span, span.startMs - rootSpan.startMs + inherited, inherited);
      if (child !== undefined) {
        parent.children.push(child.node);
        nodes.push(child.node);
        shifts.set(child.node, child.shiftMs);
      }
    }
  }
  return { root, originMs: rootSpan.startMs, nodes };
}

function canonicalSpans(spans: readonly Span[]): Map<string, Span> {
  const byId = new Map<string, Span>();
  for (const span of spans) {
    const seen = byId.get(span.spanId);
    if (seen === undefined || compareSpans(span, seen) < 0) {
      byId.set(span.spanId, span);
    }
  }
  return byId;
}

/** The longest root; ties go to the earliest start, then the smallest span id, so input order never matters. */
function longestSpan(roots: readonly Span[]): Span | undefined {
  let best: Span | undefined;
  for (const span of roots) {
    if (
      best === undefined ||
      span.durationMs > best.durationMs ||
      (span.durationMs === best.durationMs && (span.startMs < best.startMs || (span.startMs === best.startMs && span.spanId < best.spanId)))
    ) {
      best = span;
    }
  }
  return best;
}

/**
 * Places a child inside its parent's corrected interval. `startMs` is the child's start relative to the
 * root, already moved by `inheritedShiftMs`, the skew shift of its parent's subtree.
 */
function placeChild(
  parent: TraceNode,
  span: Span,
  startMs: number,
  inheritedShiftMs: number
): { node: TraceNode; shiftMs: number } | undefined {
  const duration = durationOf(span);
  let shiftMs = inheritedShiftMs;
  let start = startMs;
  let end = start + duration;
  const outside = start < parent.startMs || end > parent.endMs;
  if (outside && isRemoteCall(parent.span, span) && duration <= parent.endMs - parent.startMs) {
    const centred = parent.startMs + (parent.endMs - parent.startMs - duration) / 2;
    shiftMs += centred - start;
    start = centred;
    end = centred + duration;
  } else if (outside) {
    if (end <= parent.startMs || start >= parent.endMs) {
      return undefined;
    }
    start = Math.max(start, parent.startMs);
    end = Math.min(end, parent.endMs);
  }
  return { node: { span, parent, children: [], startMs: start, endMs: end }, shiftMs };
}

/** A synchronous call answered on another host: only there can clock skew put the child outside. */
function isRemoteCall(parent: Span, child: Span): boolean {
  if (parent.kind === 'client' && child.kind === 'server') {
    return true;
  }
  return parent.kind === 'unspecified' && child.kind === 'unspecified' && parent.service !== child.service;
}

/** Negative or non-numeric durations (broken exporters) count as zero. */
function durationOf(span: Span): number {
  return Number.isFinite(span.durationMs) && span.durationMs > 0 ? span.durationMs : 0;
}
