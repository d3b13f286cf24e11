/**
 * The load generator's loop: advances a cursor through time, generates the shop's traffic for each
 * slice, holds every span until it has ended (so a lagging Kafka consumer really arrives late),
 * and exports what is due in batches.
 */
import type { Span } from '../../../servicegraph/src/types';
import { createShop, type Shop } from '../shop';
import type { LoadgenConfig } from './loadgenConfig';
import { createOtlpSender, type OtlpSender } from './otlpSender';

/** Longest stretch of traffic generated at once, which bounds memory during backfill and catch-up. */
const SLICE_MS = 10_000;
/** Spans waiting for their end time beyond this are dropped (oldest first), so a stuck export cannot exhaust memory. */
export const MAX_PENDING_SPANS = 1_000_000;

export interface LoadgenStats {
  startedAtMs: number;
  /** Traffic has been generated up to here. */
  cursorMs: number;
  requests: number;
  generatedSpans: number;
  sentSpans: number;
  failedSpans: number;
  droppedSpans: number;
  pendingSpans: number;
  exportRequests: number;
  lastError?: string;
}

export interface Loadgen {
  readonly shop: Shop;
  /** Generates traffic up to now and exports the spans that have ended. */
  tick(): Promise<void>;
  /** Ticks every flush interval until stopped. */
  start(): void;
  stop(): Promise<void>;
  stats(): LoadgenStats;
}

export interface LoadgenDeps {
  now?: () => number;
  sender?: OtlpSender;
  log?: (line: string) => void;
}

function endMs(span: Span): number {
  return span.startMs + span.durationMs;
}

export function createLoadgen(config: LoadgenConfig, deps: LoadgenDeps = {}): Loadgen {
  const now = deps.now ?? Date.now;
  const log = deps.log ?? (() => undefined);
  const sender = deps.sender ?? createOtlpSender(config);
  const shop = createShop({
    seed: config.seed,
    ratePerSecond: config.ratePerSecond,
    diurnal: config.diurnal,
    incidents: config.incidents,
  });
  const startedAtMs = now();
  const stats: LoadgenStats = {
    startedAtMs,
    cursorMs: startedAtMs - config.backfillMinutes * 60_000,
    requests: 0,
    generatedSpans: 0,
    sentSpans: 0,
    failedSpans: 0,
    droppedSpans: 0,
    pendingSpans: 0,
    exportRequests: 0,
  };
  let pending: Span[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;

  const exportDue = async (untilMs: number) => {
    const due: Span[] = [];
    const later: Span[] = [];
    for (const span of pending) {
      (endMs(span) <= untilMs ? due : later).push(span);
    }
    pending = later;
    for (let i = 0; i < due.length; i += config.batchMaxSpans) {
      const batch = due.slice(i, i + config.batchMaxSpans);
      const result = await sender.send(batch);
      stats.exportRequests += result.attempts;
      if (result.ok) {
        stats.sentSpans += batch.length;
      } else {
        stats.failedSpans += batch.length;
        stats.lastError = result.error;
        log(`export of ${batch.length} spans failed after ${result.attempts} attempts: ${result.error}`);
      }
    }
  };

  const tick = async () => {
    const until = now();
    do {
      const sliceEnd = Math.min(until, stats.cursorMs + SLICE_MS);
      for (const request of shop.requestsBetween(stats.cursorMs, sliceEnd)) {
        stats.requests += 1;
        stats.generatedSpans += request.spans.length;
        pending.push(...request.spans);
      }
      stats.cursorMs = sliceEnd;
      if (pending.length > MAX_PENDING_SPANS) {
        stats.droppedSpans += pending.length - MAX_PENDING_SPANS;
        pending = pending.slice(pending.length - MAX_PENDING_SPANS);
      }
      await exportDue(until);
    } while (stats.cursorMs < until && !stopped);
    stats.pendingSpans = pending.length;
  };

  const loop = async () => {
    try {
      await tick();
    } catch (error) {
      stats.lastError = error instanceof Error ? error.message : String(error);
      log(`tick failed: ${stats.lastError}`);
    }
    if (!stopped) {
      timer = setTimeout(() => {
        running = loop();
      }, config.flushIntervalMs);
    }
  };

  return {
    shop,
    tick,
    start: () => {
      stopped = false;
      running = loop();
    },
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
    stats: () => ({ ...stats }),
  };
}
