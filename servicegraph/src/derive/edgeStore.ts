/**
 * Bounded pairing store (after the OpenTelemetry servicegraph connector's store.go): spans are keyed so the
 * two halves of a call meet whichever arrives first — CLIENT/PRODUCER (and kind-less) spans by
 * (traceId, spanId), SERVER/CONSUMER (and kind-less children) by (traceId, parentSpanId). Entries live for
 * `ttlMs` after creation; when they expire, an unanswered CLIENT becomes a database or virtual-node edge.
 *
 * Differences from the connector, for deterministic results:
 * - an entry is kept until it expires even after it paired, so every SERVER span under one CLIENT is counted
 *   (retries) and expiry knows the client was answered (the connector keeps the first and drops the rest,
 *   which depends on arrival order);
 * - duplicate span ids: a second parent with the same id is a duplicate delivery; the canonical copy (see
 *   compareSpans) is kept while nothing has paired with it yet. A child span id seen twice under one parent
 *   is counted once;
 * - `deferPairing` pairs only at expiry, so batch derivation gives the same edges for any input order.
 */
import type { EdgeObservation, Span } from '../types';
import { isChildRole, isKindedPair, isParentRole, pairObservation } from './pairing';
import { rootSpanObservation, unpairedClientObservation, type UnpairedOptions } from './virtualNodes';
import { compareSpans } from './compareSpans';

// Re-exported: other modules pick duplicate spans the same way.
export { compareSpans };

/** Thrown by addSpan when `maxItems` entries are waiting and none has expired; the span is dropped. */
export class TooManyEdgesError extends Error {
  readonly maxItems: number;

  constructor(maxItems: number) {
    super(`edge store is full (${maxItems} waiting entries)`);
    this.name = 'TooManyEdgesError';
    this.maxItems = maxItems;
  }
}

/** What an entry held when it expired (for counting unpaired spans; any edge it formed was already emitted). */
export interface ExpiredEdge {
  traceId: string;
  /** The parent-role span of the entry, if it arrived. */
  parent: Span | undefined;
  /** Child spans that never met their parent. */
  unpairedChildren: number;
  /** Kinded calls the parent answered. */
  paired: number;
}

export interface EdgeStoreOptions extends UnpairedOptions {
  /** How long an entry waits for its other half, from its creation (Infinity: until flush). */
  ttlMs: number;
  /** Most entries waiting at once (Infinity: unbounded). */
  maxItems: number;
  /** Called for every edge observation: pairs, and database/virtual edges. */
  onComplete: (observation: EdgeObservation) => void;
  /** Called for every entry leaving the store by expiry or flush. */
  onExpire?: (expired: ExpiredEdge) => void;
  /** Pair only when entries expire instead of as soon as both halves are there (batch use). */
  deferPairing?: boolean;
}

export interface EdgeStore {
  /** Adds one span; throws TooManyEdgesError when it would need a new entry and the store is full. */
  addSpan(span: Span, nowMs: number): void;
  /** Expires entries created at or before `nowMs - ttlMs`. */
  expire(nowMs: number): void;
  /** Expires every entry (end of input or shutdown). */
  flush(): void;
  /** Entries currently waiting. */
  readonly size: number;
}

interface Entry {
  traceId: string;
  /** Span id this entry is keyed by: the parent's own id, which its children name as parentSpanId. */
  spanId: string;
  parent: Span | undefined;
  /** Children waiting for the parent (or, with deferPairing, for expiry); the first one needs no array. */
  child: Span | undefined;
  moreChildren: Span[] | undefined;
  /** Ids of children already paired (eager mode), to count a duplicate delivery once. */
  pairedChildIds: string[] | undefined;
  paired: number;
  createdMs: number;
  /** Next entry with the same span id in another trace. */
  next: Entry | undefined;
}

export function createEdgeStore(options: EdgeStoreOptions): EdgeStore {
  const { ttlMs, maxItems, onComplete, onExpire } = options;
  const deferred = options.deferPairing === true;
  const expires = Number.isFinite(ttlMs);
  // Span id → entry, chained through `next` for the rare span id shared by several traces: one 16-digit
  // lookup per span and no composite key string to build.
  const entries = new Map<string, Entry>();
  // Creation order, for expiry (entries are never re-queued, so the front is always the oldest).
  let queue: Entry[] = [];
  let queueHead = 0;
  let size = 0;
  // The chain head the last find() saw, so insert() after a miss needs no second Map lookup.
  let foundHead: Entry | undefined;

  function pair(entry: Entry, parent: Span, child: Span): void {
    if (!deferred) {
      const ids = entry.pairedChildIds;
      if (ids !== undefined && ids.includes(child.spanId)) {
        return;
      }
      (entry.pairedChildIds ??= []).push(child.spanId);
    }
    if (isKindedPair(parent, child)) {
      entry.paired++;
    }
    const observation = pairObservation(parent, child);
    if (observation !== undefined) {
      onComplete(observation);
    }
  }

  function finish(entry: Entry): void {
    const parent = entry.parent;
    let unpairedChildren = 0;
    if (entry.child !== undefined) {
      if (parent !== undefined) {
        pair(entry, parent, entry.child);
        if (entry.moreChildren !== undefined) {
          for (const child of entry.moreChildren) {
            pair(entry, parent, child);
          }
        }
      } else {
        unpairedChildren = 1 + (entry.moreChildren?.length ?? 0);
      }
    }
    if (parent !== undefined && entry.paired === 0) {
      const observation = unpairedClientObservation(parent, options);
      if (observation !== undefined) {
        onComplete(observation);
      }
    }
    onExpire?.({ traceId: entry.traceId, parent, unpairedChildren, paired: entry.paired });
  }

  function find(traceId: string, spanId: string): Entry | undefined {
    let entry = entries.get(spanId);
    foundHead = entry;
    while (entry !== undefined && entry.traceId !== traceId) {
      entry = entry.next;
    }
    return entry;
  }

  function unlink(entry: Entry): void {
    const head = entries.get(entry.spanId);
    if (head === entry) {
      if (entry.next === undefined) {
        entries.delete(entry.spanId);
      } else {
        entries.set(entry.spanId, entry.next);
      }
      return;
    }
    for (let previous = head; previous !== undefined; previous = previous.next) {
      if (previous.next === entry) {
        previous.next = entry.next;
        return;
      }
    }
  }

  function expire(nowMs: number): void {
    while (queueHead < queue.length) {
      const entry = queue[queueHead];
      if (entry.createdMs + ttlMs > nowMs) {
        break;
      }
      queueHead++;
      unlink(entry);
      size--;
      finish(entry);
    }
    if (queueHead > 1024 && queueHead * 2 > queue.length) {
      queue = queue.slice(queueHead);
      queueHead = 0;
    }
  }

  /** Adds an entry that find() just missed (its chain head is foundHead). */
  function insert(entry: Entry, nowMs: number): void {
    let head = foundHead;
    if (size >= maxItems) {
      expire(nowMs);
      if (size >= maxItems) {
        throw new TooManyEdgesError(maxItems);
      }
      head = entries.get(entry.spanId);
    }
    if (head === undefined) {
      entries.set(entry.spanId, entry);
    } else {
      entry.next = head.next;
      head.next = entry;
    }
    size++;
    if (expires) {
      queue.push(entry);
    }
  }

  function newEntry(
    traceId: string,
    spanId: string,
    parent: Span | undefined,
    child: Span | undefined,
    nowMs: number
  ): Entry {
    return {
      traceId,
      spanId,
      parent,
      child,
      moreChildren: undefined,
      pairedChildIds: undefined,
      paired: 0,
      createdMs: nowMs,
      next: undefined,
    };
  }

  function addParent(span: Span, nowMs: number): void {
    const entry = find(span.traceId, span.spanId);
    if (entry === undefined) {
      insert(newEntry(span.traceId, span.spanId, span, undefined, nowMs), nowMs);
      return;
    }
    if (entry.parent !== undefined) {
      if (entry.pairedChildIds === undefined && compareSpans(span, entry.parent) < 0) {
        entry.parent = span;
      }
      return;
    }
    entry.parent = span;
    if (!deferred && entry.child !== undefined) {
      const first = entry.child;
      const more = entry.moreChildren;
      entry.child = undefined;
      entry.moreChildren = undefined;
      pair(entry, span, first);
      if (more !== undefined) {
        for (const child of more) {
          pair(entry, span, child);
        }
      }
    }
  }

  function addChild(span: Span, nowMs: number): void {
    const entry = find(span.traceId, span.parentSpanId);
    if (entry === undefined) {
      insert(newEntry(span.traceId, span.parentSpanId, undefined, span, nowMs), nowMs);
      return;
    }
    if (!deferred && entry.parent !== undefined) {
      pair(entry, entry.parent, span);
      return;
    }
    if (entry.child === undefined) {
      entry.child = span;
      return;
    }
    // Duplicate delivery of a waiting child: keep the canonical copy.
    if (entry.child.spanId === span.spanId) {
      if (compareSpans(span, entry.child) < 0) {
        entry.child = span;
      }
      return;
    }
    const more = (entry.moreChildren ??= []);
    for (let i = 0; i < more.length; i++) {
      if (more[i].spanId === span.spanId) {
        if (compareSpans(span, more[i]) < 0) {
          more[i] = span;
        }
        return;
      }
    }
    more.push(span);
  }

  return {
    addSpan(span: Span, nowMs: number): void {
      const kind = span.kind;
      if (isParentRole(kind)) {
        addParent(span, nowMs);
      }
      if (!isChildRole(kind)) {
        return;
      }
      if (span.parentSpanId === '') {
        const observation = rootSpanObservation(span);
        if (observation !== undefined) {
          onComplete(observation);
        }
      } else if (kind !== 'unspecified' || !span.followsFrom) {
        addChild(span, nowMs);
      }
    },
    expire,
    flush(): void {
      const all: Entry[] = [];
      for (const head of entries.values()) {
        for (let entry: Entry | undefined = head; entry !== undefined; entry = entry.next) {
          all.push(entry);
        }
      }
      entries.clear();
      queue = [];
      queueHead = 0;
      size = 0;
      for (const entry of all) {
        finish(entry);
      }
    },
    get size(): number {
      return size;
    },
  };
}
