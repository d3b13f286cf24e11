/**
 * Collector configuration from environment variables. Every variable is optional except the database URL;
 * `loadConfig` names the variable and the problem when a value is invalid.
 */
import { hostname } from 'node:os';

export interface CollectorConfig {
  /** KOMPAS_DATABASE_URL: PostgreSQL/TimescaleDB connection URL (required). */
  databaseUrl: string;
  /** KOMPAS_LISTEN_HOST (default 0.0.0.0) and KOMPAS_LISTEN_PORT (default 4318, the OTLP/HTTP port; 0 = any free port). */
  listenHost: string;
  listenPort: number;
  /** KOMPAS_AUTH_TOKEN: when set, requests need `Authorization: Bearer <token>` (else 401). */
  authToken?: string;
  /** KOMPAS_COLLECTOR_ID (default: host name): names this collector's checkpoint; unique per spool directory. */
  collectorId: string;
  /** KOMPAS_SPOOL_DIR (default ./kompas-spool): the write-ahead spool of acknowledged requests. */
  spoolDir: string;
  /** KOMPAS_SPOOL_MAX_BYTES (default 1 GiB): above this, requests get 503 + Retry-After until the database catches up. */
  spoolMaxBytes: number;
  /** KOMPAS_SPOOL_SEGMENT_BYTES (default 64 MiB): spool file size before rotating (whole files are deleted). */
  spoolSegmentBytes: number;
  /** KOMPAS_MAX_BODY_BYTES (default 8 MiB): largest request body as sent (413 above). */
  maxBodyBytes: number;
  /** KOMPAS_MAX_DECOMPRESSED_BYTES (default 64 MiB): largest body after gunzip (413 above). */
  maxDecompressedBytes: number;
  /** KOMPAS_MAX_INFLIGHT_REQUESTS (default 64): concurrent requests before 429 + Retry-After. */
  maxInflightRequests: number;
  /** KOMPAS_MAX_PENDING_ROWS (default 500000): unwritten bucket rows before 503 (database slow or down). */
  maxPendingRows: number;
  /** KOMPAS_FLUSH_INTERVAL_MS (default 1000): how often aggregates are written. */
  flushIntervalMs: number;
  /** KOMPAS_PAIRING_TTL_MS (default 5000): how long a span waits for its other half. */
  pairingTtlMs: number;
  /** KOMPAS_PAIRING_MAX_ITEMS (default 500000): most spans waiting to pair (more are dropped and counted). */
  pairingMaxItems: number;
  /** KOMPAS_DECODE_WORKERS (default 2): worker threads that decode request bodies; 0 decodes on the main thread. */
  decodeWorkers: number;
  /** KOMPAS_DB_POOL_SIZE (default 4). */
  dbPoolSize: number;
  /** KOMPAS_MIGRATE (default true): apply schema migrations at start. */
  migrate: boolean;
  /** KOMPAS_RETRY_MAX_MS (default 10000): longest backoff between database retries. */
  retryMaxMs: number;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function readInt(env: Env, name: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const raw = env[name];
  if (raw === undefined || raw === '') {
    return fallback;
  }
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name}: expected an integer between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

function readBool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') {
    return fallback;
  }
  if (/^(1|true|yes|on)$/i.test(raw)) {
    return true;
  }
  if (/^(0|false|no|off)$/i.test(raw)) {
    return false;
  }
  throw new ConfigError(`${name}: expected true or false, got "${raw}"`);
}

export function loadConfig(env: Env = process.env): CollectorConfig {
  const databaseUrl = env.KOMPAS_DATABASE_URL ?? '';
  if (!/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('KOMPAS_DATABASE_URL: expected a postgres:// URL, e.g. postgres://kompas:secret@localhost:5432/kompas');
  }
  const collectorId = env.KOMPAS_COLLECTOR_ID || hostname();
  const spoolSegmentBytes = readInt(env, 'KOMPAS_SPOOL_SEGMENT_BYTES', 64 * 2 ** 20, 64 * 1024);
  const spoolMaxBytes = readInt(env, 'KOMPAS_SPOOL_MAX_BYTES', 2 ** 30, 1024 * 1024);
  if (spoolMaxBytes < 2 * spoolSegmentBytes) {
    throw new ConfigError('KOMPAS_SPOOL_MAX_BYTES: must be at least twice KOMPAS_SPOOL_SEGMENT_BYTES');
  }
  return {
    databaseUrl,
    listenHost: env.KOMPAS_LISTEN_HOST || '0.0.0.0',
    listenPort: readInt(env, 'KOMPAS_LISTEN_PORT', 4318, 0, 65535),
    authToken: env.KOMPAS_AUTH_TOKEN || undefined,
    collectorId,
    spoolDir: env.KOMPAS_SPOOL_DIR || './kompas-spool',
    spoolMaxBytes,
    spoolSegmentBytes,
    maxBodyBytes: readInt(env, 'KOMPAS_MAX_BODY_BYTES', 8 * 2 ** 20, 1024),
    maxDecompressedBytes: readInt(env, 'KOMPAS_MAX_DECOMPRESSED_BYTES', 64 * 2 ** 20, 1024),
    maxInflightRequests: readInt(env, 'KOMPAS_MAX_INFLIGHT_REQUESTS', 64, 1),
    maxPendingRows: readInt(env, 'KOMPAS_MAX_PENDING_ROWS', 500_000, 100),
    flushIntervalMs: readInt(env, 'KOMPAS_FLUSH_INTERVAL_MS', 1000, 10, 600_000),
    pairingTtlMs: readInt(env, 'KOMPAS_PAIRING_TTL_MS', 5000, 1, 3_600_000),
    pairingMaxItems: readInt(env, 'KOMPAS_PAIRING_MAX_ITEMS', 500_000, 1),
    decodeWorkers: readInt(env, 'KOMPAS_DECODE_WORKERS', 2, 0, 64),
    dbPoolSize: readInt(env, 'KOMPAS_DB_POOL_SIZE', 4, 1, 100),
    migrate: readBool(env, 'KOMPAS_MIGRATE', true),
    retryMaxMs: readInt(env, 'KOMPAS_RETRY_MAX_MS', 10_000, 10),
  };
}
