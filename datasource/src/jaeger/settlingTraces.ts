/**
 * Which traces of a live Jaeger search count, and when. Jaeger holds a trace's spans only once each span
 * has ended and been ingested, so a trace read at one tick may gain spans later (other services' spans,
 * consumer spans of a Kafka message that waited 45 s). Counting a trace the first time it is seen
 * undercounts; counting every re-read double counts.
 *
 * So a trace is *pending* until it has *settled*: until its first span started more than
 * JAEGER_SETTLE_MS before a re-read (like the OpenTelemetry servicegraph connector's store wait, but long
 * enough for a lagging consumer). Every JAEGER_REREAD_MS a tick searches from the previous re-read's settle
 * boundary, so every pending trace is read again and replaced by its newest version; the ticks between
 * search only the new interval (whose results also replace pending traces). Pending traces are shown
 * provisionally (never added to the window), and a trace is added to the window exactly once, at the
 * re-read where it settles, with all the spans Jaeger then has. The number of searches per tick does not
 * change (one per service), and the re-read volume is bounded by the settle window. Spans that arrive after
 * their trace settled are not counted.
 */

/** How long a trace may keep gaining spans: ingestion delay plus the longest asynchronous hop waited for. */
export const JAEGER_SETTLE_MS = 120_000;
/** How often the settle window is searched again (not every tick: at a 1 s cadence that would be 120 × the data). */
export const JAEGER_REREAD_MS = 10_000;
/**
 * How long after its time an observation has been read: its span's duration and Jaeger's ingestion delay
 * (allowed 20 s together), then at most one re-read interval. Anomaly windows are judged only then.
 */
export const JAEGER_LATE_MS = 20_000 + JAEGER_REREAD_MS;

export interface SettlingTraces {
  /**
   * Start of the search of the tick ending at `toMs`: `fromMs`, or on a re-read tick the earliest start a
   * pending trace can have.
   */
  searchFrom(fromMs: number, toMs: number): number;
  /**
   * Folds the result (Jaeger trace objects) of the search `searchFrom` started, read at `toMs`: returns the
   * traces that settled now (to be counted once; the others stay pending) and the traces read for the first
   * time (as they are now: for analyses that want the newest traffic sooner than it settles).
   */
  take(traces: unknown[], toMs: number): { settled: unknown[]; firstSeen: unknown[] };
  /** The traces read but not settled yet, newest version of each. */
  pending(): unknown[];
}

interface PendingTrace {
  startMs: number;
  trace: unknown;
}

export function createSettlingTraces(
  windowMs: number,
  settleMs = JAEGER_SETTLE_MS,
  rereadMs = JAEGER_REREAD_MS
): SettlingTraces {
  /** Settled trace ids → start ms, kept while a re-read could still return them. */
  const settled = new Map<string, number>();
  const pending = new Map<string, PendingTrace>();
  let boundaryMs: number | undefined;
  let rereadAtMs = -Infinity;
  let rereading = true;

  return {
    searchFrom(fromMs, toMs) {
      // The first search covers the whole window: it counts as a re-read.
      rereading = boundaryMs === undefined || toMs - rereadAtMs >= rereadMs;
      return boundaryMs === undefined || !rereading ? fromMs : Math.min(fromMs, boundaryMs);
    },
    take(traces, toMs) {
      const boundary = toMs - settleMs;
      const now: unknown[] = [];
      const firstSeen: unknown[] = [];
      for (const trace of traces) {
        const id = traceIdOf(trace);
        if (id === undefined) {
          // Nothing to recognise a re-read by: count it as read.
          now.push(trace);
          firstSeen.push(trace);
        } else if (!settled.has(id)) {
          if (!pending.has(id)) {
            firstSeen.push(trace);
          }
          pending.set(id, { startMs: traceStartMs(trace), trace });
        }
      }
      if (!rereading) {
        return { settled: now, firstSeen };
      }
      for (const [id, entry] of pending) {
        if (entry.startMs < boundary) {
          now.push(entry.trace);
          settled.set(id, entry.startMs);
          pending.delete(id);
        }
      }
      for (const [id, startMs] of settled) {
        if (startMs < boundary - windowMs) {
          settled.delete(id);
        }
      }
      boundaryMs = boundary;
      rereadAtMs = toMs;
      return { settled: now, firstSeen };
    },
    pending: () => [...pending.values()].map((entry) => entry.trace),
  };
}

function traceIdOf(trace: unknown): string | undefined {
  const id = (trace as { traceID?: unknown } | null)?.traceID;
  return typeof id === 'string' ? id : undefined;
}

/** The earliest span start (Jaeger µs → ms); a trace without readable spans counts as settled at once. */
function traceStartMs(trace: unknown): number {
  const spans = (trace as { spans?: unknown } | null)?.spans;
  let startUs = Infinity;
  if (Array.isArray(spans)) {
    for (const span of spans) {
      const time = (span as { startTime?: unknown } | null)?.startTime;
      if (typeof time === 'number' && time < startUs) {
        startUs = time;
      }
    }
  }
  return Number.isFinite(startUs) ? startUs / 1000 : -Infinity;
}
