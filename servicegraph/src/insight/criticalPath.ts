/**
 * Critical path of a trace, the backwards walk of Jaeger UI (packages/jaeger-ui/src/components/TracePage/
 * CriticalPath): start at the root's end; in the current span take the child that finishes last before
 * the current point, give the gap after it to the current span as self time and descend into it; with no
 * such child, the current span's self time runs back to its own start and the walk returns to its parent
 * at that start. The segments tile the root's interval, so the path is as long as the (corrected) root.
 */
import type { Span } from '../types';
import { buildTraceTree, type TraceNode, type TraceTree } from './traceTree';

export interface CriticalPathSegment {
  spanId: string;
  service: string;
  /** The part of the span's self time that is on the critical path, on the root's clock. */
  startMs: number;
  endMs: number;
  durationMs: number;
}

/** Called for each critical-path segment, latest first; times relative to the root's start (TraceNode). */
export type SegmentVisitor = (node: TraceNode, startMs: number, endMs: number) => void;

/** Critical path of one trace's spans, segments in time order; [] for no spans. */
export function criticalPath(spans: readonly Span[]): CriticalPathSegment[] {
  const tree = buildTraceTree(spans);
  const segments: CriticalPathSegment[] = [];
  if (tree !== undefined) {
    walkCriticalPath(tree, (node, startMs, endMs) =>
      segments.push({
        spanId: node.span.spanId,
        service: node.span.service,
        startMs: tree.originMs + startMs,
        endMs: tree.originMs + endMs,
        durationMs: endMs - startMs,
      })
    );
  }
  return segments.reverse();
}

/** The walk itself; segments of zero length are not visited. */
export function walkCriticalPath(tree: TraceTree, visit: SegmentVisitor): void {
  const cursors = new Map<TraceNode, ChildCursor>();
  let current: TraceNode | undefined = tree.root;
  let pointMs = tree.root.endMs;
  while (current !== undefined) {
    const child = nextChild(cursors, current, pointMs);
    if (child !== undefined) {
      if (pointMs > child.endMs) {
        visit(current, child.endMs, pointMs);
      }
      current = child;
      pointMs = child.endMs;
      continue;
    }
    if (pointMs > current.startMs) {
      visit(current, current.startMs, pointMs);
    }
    pointMs = current.startMs;
    current = current.parent;
  }
}

/** A span's children sorted by end, latest first, and how far the walk has consumed them. */
interface ChildCursor {
  children: TraceNode[];
  next: number;
}

/**
 * The child ending last at or before `pointMs`. The point only moves back in time within a span, so each
 * child is looked at once (a cursor, not a scan per visit). Zero-length children are skipped: they take
 * no time, and one ending exactly where the walk returned from it would loop.
 */
function nextChild(cursors: Map<TraceNode, ChildCursor>, node: TraceNode, pointMs: number): TraceNode | undefined {
  if (node.children.length === 0) {
    return undefined;
  }
  let cursor = cursors.get(node);
  if (cursor === undefined) {
    // Ties by span id, so the path does not depend on input order.
    cursor = { children: [...node.children].sort((a, b) => b.endMs - a.endMs || (a.span.spanId < b.span.spanId ? -1 : 1)), next: 0 };
    cursors.set(node, cursor);
  }
  const { children } = cursor;
  while (cursor.next < children.length) {
    const child = children[cursor.next++];
    if (child.endMs <= pointMs && child.endMs > child.startMs) {
      return child;
    }
  }
  return undefined;
}
