/**
 * A closed-loop OTLP load generator for fault tests and the benchmark: `concurrency` senders post whole
 * traces of the demo shop; it remembers which requests were acknowledged (200), which failed, and which
 * were in flight when the collector died.
 */
import { createShop } from '../../../demo/src/shop';
import { toOtlpJson } from '../../../servicegraph/src/encode/otlpJsonEncoder';
import { toOtlpProtobuf } from '../../../servicegraph/src/encode/otlpProtobufEncoder';
import type { Span } from '../../../servicegraph/src/types';
import { postOtlp } from './collectorHarness';

export interface LoadOptions {
  /** Base URL, read before every request (a restarted collector may move). */
  url: () => string;
  concurrency: number;
  /** Simulated shop time each request covers. */
  sliceMs: number;
  ratePerSecond: number;
  encoding: 'json' | 'protobuf';
  startMs?: number;
  seed?: number;
}

export interface SentRequest {
  body: Buffer;
  spans: Span[];
}

export interface LoadGenerator {
  /** Runs until stop(); resolves when all senders have finished their last request. */
  run(): Promise<void>;
  stop(): void;
  /** Pauses new requests (in-flight ones complete). */
  pause(): Promise<void>;
  resume(): void;
  readonly acked: SentRequest[];
  readonly inflight: Set<SentRequest>;
  /** Requests that got an answer other than 200, or no answer. */
  readonly failed: SentRequest[];
  readonly statusCounts: Record<string, number>;
}

export function createLoadGenerator(options: LoadOptions): LoadGenerator {
  const shop = createShop({ seed: options.seed ?? 11, ratePerSecond: options.ratePerSecond, diurnal: false });
  let cursor = options.startMs ?? Date.UTC(2026, 10, 23, 9, 0, 0);
  let stopped = false;
  let paused = false;
  let resumeWaiters: Array<() => void> = [];
  const active = new Set<Promise<void>>();
  const acked: SentRequest[] = [];
  const failed: SentRequest[] = [];
  const inflight = new Set<SentRequest>();
  const statusCounts: Record<string, number> = {};

  const nextRequest = (): SentRequest => {
    const spans = shop.spansBetween(cursor, cursor + options.sliceMs);
    cursor += options.sliceMs;
    const body =
      options.encoding === 'protobuf' ? Buffer.from(toOtlpProtobuf(spans)) : Buffer.from(JSON.stringify(toOtlpJson(spans)));
    return { body, spans };
  };

  async function sender(): Promise<void> {
    while (!stopped) {
      if (paused) {
        await new Promise<void>((resolve) => resumeWaiters.push(resolve));
        continue;
      }
      const sent = nextRequest();
      inflight.add(sent);
      let status = 'error';
      try {
        const res = await postOtlp(options.url(), sent.body, {
          contentType: options.encoding === 'protobuf' ? 'application/x-protobuf' : 'application/json',
        });
        status = String(res.status);
      } catch {
        // Connection refused or reset: the collector is down; try again shortly.
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      statusCounts[status] = (statusCounts[status] ?? 0) + 1;
      if (status === '200') {
        acked.push(sent);
        inflight.delete(sent);
      } else if (inflight.has(sent)) {
        failed.push(sent);
        inflight.delete(sent);
        if (status === '503' || status === '429') {
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
    }
  }

  return {
    async run() {
      for (let i = 0; i < options.concurrency; i++) {
        const p = sender();
        active.add(p);
      }
      await Promise.all(active);
    },
    stop() {
      stopped = true;
      paused = false;
      resumeWaiters.splice(0).forEach((resolve) => resolve());
    },
    async pause() {
      paused = true;
      while (inflight.size > 0) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    },
    resume() {
      paused = false;
      const waiters = resumeWaiters;
      resumeWaiters = [];
      waiters.forEach((resolve) => resolve());
    },
    acked,
    inflight,
    failed,
    statusCounts,
  };
}
