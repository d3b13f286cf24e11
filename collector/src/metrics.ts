/** Prometheus metrics of one collector instance (own registry, so tests can run several in one process). */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export interface CollectorMetrics {
  registry: Registry;
  requests: Counter<'code'>;
  receivedSpans: Counter;
  rejectedSpans: Counter;
  droppedSpans: Counter;
  expiredEntries: Counter;
  unpairedSpans: Counter;
  edgesWritten: Counter;
  rowsWritten: Counter;
  writeErrors: Counter;
  writeSeconds: Histogram;
  pendingRows: Gauge;
  inflightRequests: Gauge;
  queueDepth: Gauge;
  spoolBytes: Gauge;
  checkpointSeq: Gauge;
}

export function createCollectorMetrics(withDefaults = true): CollectorMetrics {
  const registry = new Registry();
  if (withDefaults) {
    collectDefaultMetrics({ register: registry, prefix: 'kompas_collector_' });
  }
  const registers = [registry];
  return {
    registry,
    requests: new Counter({
      name: 'kompas_collector_requests_total',
      help: 'OTLP export requests by HTTP status code',
      labelNames: ['code'],
      registers,
    }),
    receivedSpans: new Counter({ name: 'kompas_collector_received_spans_total', help: 'Spans acknowledged', registers }),
    rejectedSpans: new Counter({
      name: 'kompas_collector_rejected_spans_total',
      help: 'Spans rejected as malformed (OTLP partial success)',
      registers,
    }),
    droppedSpans: new Counter({
      name: 'kompas_collector_dropped_spans_total',
      help: 'Acknowledged spans dropped because the pairing store was full',
      registers,
    }),
    expiredEntries: new Counter({
      name: 'kompas_collector_expired_total',
      help: 'Pairing entries that left the store by expiry',
      registers,
    }),
    unpairedSpans: new Counter({
      name: 'kompas_collector_unpaired_spans_total',
      help: 'Child spans whose parent never arrived within the pairing TTL',
      registers,
    }),
    edgesWritten: new Counter({
      name: 'kompas_collector_edges_written_total',
      help: 'Edge observations (requests) committed to the database',
      registers,
    }),
    rowsWritten: new Counter({ name: 'kompas_collector_rows_written_total', help: '10 s bucket rows upserted', registers }),
    writeErrors: new Counter({ name: 'kompas_collector_write_errors_total', help: 'Failed database flushes', registers }),
    writeSeconds: new Histogram({
      name: 'kompas_collector_write_duration_seconds',
      help: 'Duration of one flush transaction',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    }),
    pendingRows: new Gauge({
      name: 'kompas_collector_pending_rows',
      help: 'Bucket rows waiting to be written',
      registers,
    }),
    inflightRequests: new Gauge({
      name: 'kompas_collector_inflight_requests',
      help: 'OTLP export requests being received or stored right now',
      registers,
    }),
    queueDepth: new Gauge({
      name: 'kompas_collector_queue_depth',
      help: 'Acknowledged-pending requests waiting for fsync and processing',
      registers,
    }),
    spoolBytes: new Gauge({ name: 'kompas_collector_spool_bytes', help: 'Bytes in the write-ahead spool', registers }),
    checkpointSeq: new Gauge({
      name: 'kompas_collector_checkpoint_seq',
      help: 'Last spool record committed to the database',
      registers,
    }),
  };
}
