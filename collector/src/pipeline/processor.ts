/**
 * The collector's core: spool records → pairing store → bucket rows → database, exactly once.
 *
 * Every acknowledged request is a spool record; records are processed strictly in sequence order, with the
 * record's own timestamp as the pairing clock (ticks are records too), so processing is a deterministic
 * function of the spool. A flush commits the rows of records (C, S] together with checkpoint S. After a
 * crash, the spool is replayed from a pre-roll point before C (to rebuild the pairing store) and
 * observations of records <= C are discarded, because the database already counted them.
 */
import type { Pool } from 'pg';
import { createEdgeStore, TooManyEdgesError, type EdgeStore } from '../../../servicegraph/src/derive/edgeStore';
import type { Span } from '../../../servicegraph/src/types';
import { readCheckpoint, writeBatch, type WriteBatch } from '../db/writeBatch';
import type { CollectorMetrics } from '../metrics';
import { RecordType, type SpoolRecord } from '../spool/recordFormat';
import type { Spool } from '../spool/spool';
import { addToBuckets, createBucketAccumulator, nodeRows } from './bucketAccumulator';
import { decodeOtlpBody } from './decodeOtlp';

export interface ProcessorOptions {
  pool: Pool;
  spool: Spool;
  metrics: CollectorMetrics;
  collectorId: string;
  flushIntervalMs: number;
  pairingTtlMs: number;
  pairingMaxItems: number;
  retryMaxMs: number;
  /** Reports problems that are retried (database down); never throws. */
  log: (message: string) => void;
}

export interface ProcessResult {
  /** Spans of this request dropped because the pairing store was full. */
  dropped: number;
}

export interface Processor {
  /** Reads the checkpoint (retrying until the database answers) and replays the spool. */
  start(): Promise<void>;
  readonly ready: boolean;
  /** Bucket rows not yet committed. */
  readonly pendingRows: number;
  readonly committedSeq: number;
  /** Spools a request and resolves once it is durable and processed (then it may be acknowledged). */
  accept(type: RecordType, body: Buffer, spans: Span[]): Promise<ProcessResult>;
  /** Writes everything processed so far; resolves when committed (retrying). */
  flushNow(): Promise<void>;
  /** Turns `ready` off so the receiver answers 503 to new requests (start of a graceful stop). */
  refuseNew(): void;
  /** Stops timers, expires pairing entries through a spool marker, writes the rest. */
  stop(deadlineMs?: number): Promise<void>;
}

interface Queued {
  record: SpoolRecord;
  spans: Span[];
  resolve: (result: ProcessResult) => void;
}

interface PendingBatch {
  batch: WriteBatch;
  processedReceivedMs: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function createProcessor(options: ProcessorOptions): Processor {
  const { pool, spool, metrics } = options;
  const prerollMs = 3 * (options.pairingTtlMs + options.flushIntervalMs);
  let committedSeq = 0;
  let discardUpToSeq = 0;
  let processedSeq = 0;
  let processedReceivedMs = 0;
  let ready = false;
  let stopping = false;
  let accumulator = createBucketAccumulator();
  let pending: PendingBatch | undefined;
  let flushing: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let failures = 0;
  const queue: Queued[] = [];

  const store: EdgeStore = createEdgeStore({
    ttlMs: options.pairingTtlMs,
    maxItems: options.pairingMaxItems,
    onComplete: (observation) => {
      if (processedSeq > discardUpToSeq) {
        addToBuckets(accumulator, observation);
      }
    },
    onExpire: (expired) => {
      if (processedSeq > discardUpToSeq) {
        metrics.expiredEntries.inc();
        if (expired.unpairedChildren > 0) {
          metrics.unpairedSpans.inc(expired.unpairedChildren);
        }
      }
    },
  });

  function processRecord(record: SpoolRecord, spans: Span[] | undefined): ProcessResult {
    processedSeq = record.seq;
    processedReceivedMs = record.receivedMs;
    const counted = record.seq > discardUpToSeq;
    if (record.type === RecordType.Tick) {
      store.expire(record.receivedMs);
      return { dropped: 0 };
    }
    if (record.type === RecordType.FlushAll) {
      store.flush();
      return { dropped: 0 };
    }
    const list = spans ?? decodeOtlpBody(record.type, record.payload).spans;
    let dropped = 0;
    for (const span of list) {
      const group = span.resource?.['service.namespace'];
      if (counted && typeof group === 'string' && group !== '') {
        accumulator.groups.set(span.service, group);
      }
      try {
        store.addSpan(span, record.receivedMs);
      } catch (err) {
        if (!(err instanceof TooManyEdgesError)) {
          throw err;
        }
        dropped++;
      }
    }
    if (counted) {
      metrics.receivedSpans.inc(list.length);
      metrics.droppedSpans.inc(dropped);
    }
    return { dropped };
  }

  /** Processes queued records up to the durable seq, in order: an unsynced record must not be committed. */
  function drainQueue(): void {
    while (queue.length > 0 && queue[0].record.seq <= spool.syncedSeq) {
      const next = queue.shift()!;
      next.resolve(processRecord(next.record, next.spans));
    }
    metrics.queueDepth.set(queue.length);
    metrics.pendingRows.set(pendingRowCount());
  }

  function pendingRowCount(): number {
    return accumulator.rows.size + (pending?.batch.rows.length ?? 0);
  }

  /** Appends and waits for durability; processing happens in seq order however fsyncs resolve. */
  async function appendDurable(type: RecordType, body: Buffer, spans: Span[]): Promise<ProcessResult> {
    const record = spool.append(type, body);
    const done = new Promise<ProcessResult>((resolve) => queue.push({ record, spans, resolve }));
    metrics.queueDepth.set(queue.length);
    metrics.spoolBytes.set(spool.sizeBytes);
    await spool.sync(record.seq);
    drainQueue();
    return done;
  }

  function takeBatch(): PendingBatch | undefined {
    if (processedSeq <= committedSeq) {
      return undefined;
    }
    const taken = accumulator;
    accumulator = createBucketAccumulator();
    return {
      batch: {
        collectorId: options.collectorId,
        spoolId: spool.id,
        fromSeq: committedSeq,
        toSeq: processedSeq,
        rows: [...taken.rows.values()],
        nodes: nodeRows(taken),
      },
      processedReceivedMs,
    };
  }

  async function writePending(): Promise<void> {
    if (!pending) {
      pending = takeBatch();
    }
    if (!pending) {
      return;
    }
    const { batch, processedReceivedMs: clockAtBatch } = pending;
    const stopTimer = metrics.writeSeconds.startTimer();
    const outcome = await writeBatch(pool, batch);
    stopTimer();
    if (outcome === 'written') {
      metrics.rowsWritten.inc(batch.rows.length);
      metrics.edgesWritten.inc(batch.rows.reduce((sum, row) => sum + row.requests, 0));
    }
    committedSeq = batch.toSeq;
    pending = undefined;
    metrics.checkpointSeq.set(committedSeq);
    const keepFromMs = clockAtBatch - prerollMs;
    spool.prune((lastSeq, lastReceivedMs) => lastSeq <= committedSeq && lastReceivedMs < keepFromMs);
    metrics.spoolBytes.set(spool.sizeBytes);
    metrics.pendingRows.set(pendingRowCount());
  }

  /** One flush attempt; failures are counted, logged and retried by the next tick with backoff. */
  function flushOnce(): Promise<void> {
    if (!flushing) {
      flushing = writePending()
        .then(() => {
          failures = 0;
        })
        .catch((err: Error) => {
          failures++;
          metrics.writeErrors.inc();
          options.log(`database write failed (attempt ${failures}), will retry: ${err.message}`);
        })
        .finally(() => {
          flushing = undefined;
        });
    }
    return flushing;
  }

  async function tick(): Promise<void> {
    timer = undefined;
    if (store.size > 0) {
      await appendDurable(RecordType.Tick, Buffer.alloc(0), []).catch((err: Error) => options.log(`spool: ${err.message}`));
    }
    await flushOnce();
    if (!stopping) {
      const backoff = failures === 0 ? options.flushIntervalMs : Math.min(options.retryMaxMs, 100 * 2 ** Math.min(failures, 10));
      timer = setTimeout(() => void tick(), backoff);
    }
  }

  async function replay(): Promise<void> {
    let clockAtCheckpoint: number | undefined;
    if (committedSeq > 0) {
      for (const record of spool.readFrom(committedSeq)) {
        clockAtCheckpoint = record.receivedMs;
        break;
      }
    }
    const startMs = clockAtCheckpoint === undefined ? -Infinity : clockAtCheckpoint - prerollMs;
    let count = 0;
    for (const record of spool.readFrom(0)) {
      if (record.receivedMs < startMs && record.seq <= committedSeq) {
        continue;
      }
      processRecord(record, undefined);
      if (++count % 200 === 0) {
        // Let health checks answer and flushes run during a long replay.
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  }

  return {
    async start() {
      for (let attempt = 0; ; attempt++) {
        try {
          committedSeq = await readCheckpoint(pool, options.collectorId, spool.id);
          break;
        } catch (err) {
          options.log(`waiting for the database: ${(err as Error).message}`);
          await sleep(Math.min(options.retryMaxMs, 100 * 2 ** Math.min(attempt, 10)));
        }
      }
      discardUpToSeq = committedSeq;
      processedSeq = committedSeq;
      metrics.checkpointSeq.set(committedSeq);
      await replay();
      ready = true;
      timer = setTimeout(() => void tick(), options.flushIntervalMs);
    },
    get ready() {
      return ready && !stopping;
    },
    get pendingRows() {
      return pendingRowCount();
    },
    get committedSeq() {
      return committedSeq;
    },
    accept(type, body, spans) {
      return appendDurable(type, body, spans);
    },
    async flushNow() {
      while (pending || processedSeq > committedSeq) {
        await flushOnce();
        if (failures > 0) {
          await sleep(Math.min(options.retryMaxMs, 100 * 2 ** Math.min(failures, 10)));
        }
      }
    },
    refuseNew() {
      stopping = true;
    },
    async stop(deadlineMs = 30_000) {
      stopping = true;
      if (timer) {
        clearTimeout(timer);
        timer = undefined;
      }
      if (!ready) {
        spool.close();
        return;
      }
      if (store.size > 0) {
        await appendDurable(RecordType.FlushAll, Buffer.alloc(0), []);
      }
      const deadline = Date.now() + deadlineMs;
      while ((pending || processedSeq > committedSeq) && Date.now() < deadline) {
        await flushOnce();
        if (failures > 0) {
          await sleep(Math.min(options.retryMaxMs, 100 * 2 ** Math.min(failures, 10), Math.max(0, deadline - Date.now())));
        }
      }
      spool.close();
    },
  };
}
