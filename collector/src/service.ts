/**
 * Wires a collector together: database pool (+ migrations), spool, processor, HTTP server. Used by main.ts,
 * the tests and the benchmark.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'pg';
import type { CollectorConfig } from './config';
import { migrate } from './db/migrate';
import { createRequestHandler } from './http/receiver';
import { createCollectorMetrics, type CollectorMetrics } from './metrics';
import { createDecodePool } from './pipeline/decodePool';
import { createProcessor, type Processor } from './pipeline/processor';
import { openSpool } from './spool/spool';

export interface RunningCollector {
  /** Base URL, e.g. http://127.0.0.1:4318 (OTLP traces go to `${url}/v1/traces`). */
  url: string;
  port: number;
  metrics: CollectorMetrics;
  processor: Processor;
  /** Graceful stop: refuse new requests, expire pairing entries, write everything, close. */
  stop(): Promise<void>;
}

export interface StartOptions {
  log?: (message: string) => void;
  /** Collect Node process metrics (off in tests running several collectors in one process). */
  processMetrics?: boolean;
}

/** How long a graceful stop waits for requests in progress before closing their connections. */
const STOP_GRACE_MS = 10_000;

function listen(server: Server, host: string, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server.address() as AddressInfo));
  });
}

export async function startCollector(config: CollectorConfig, options: StartOptions = {}): Promise<RunningCollector> {
  const log = options.log ?? ((message: string) => console.error(`kompas-collector: ${message}`));
  const pool = new Pool({ connectionString: config.databaseUrl, max: config.dbPoolSize, connectionTimeoutMillis: 5000 });
  // An idle client losing its connection (database restart) must not crash the process.
  pool.on('error', (err) => log(`database connection lost: ${err.message}`));
  const metrics = createCollectorMetrics(options.processMetrics ?? true);
  const spool = openSpool({ dir: config.spoolDir, segmentBytes: config.spoolSegmentBytes });
  const processor = createProcessor({
    pool,
    spool,
    metrics,
    collectorId: config.collectorId,
    flushIntervalMs: config.flushIntervalMs,
    pairingTtlMs: config.pairingTtlMs,
    pairingMaxItems: config.pairingMaxItems,
    retryMaxMs: config.retryMaxMs,
    log,
  });
  const decodePool = createDecodePool(config.decodeWorkers);
  const server = createServer(createRequestHandler({ config, processor, spool, metrics, decode: decodePool.decode }));
  server.keepAliveTimeout = 65_000;
  const address = await listen(server, config.listenHost, config.listenPort);

  if (config.migrate) {
    for (let attempt = 0; ; attempt++) {
      try {
        await migrate(pool);
        break;
      } catch (err) {
        log(`migration not applied yet: ${(err as Error).message}`);
        await new Promise((resolve) => setTimeout(resolve, Math.min(config.retryMaxMs, 200 * 2 ** Math.min(attempt, 8))));
      }
    }
  }
  await processor.start();

  const host = address.address === '0.0.0.0' || address.address === '::' ? '127.0.0.1' : address.address;
  let stopped: Promise<void> | undefined;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`,
    port: address.port,
    metrics,
    processor,
    stop() {
      stopped ??= (async () => {
        // Requests already inside get their answer (and are spooled) before the final flush.
        processor.refuseNew();
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, STOP_GRACE_MS).unref())]);
        server.closeAllConnections();
        await processor.stop();
        await decodePool.close();
        await pool.end();
      })();
      return stopped;
    },
  };
}
