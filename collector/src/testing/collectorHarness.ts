/**
 * Test helpers for the collector: configs on temp dirs, OTLP over real HTTP, expected edge totals from
 * servicegraph's batch derivation, and the totals the database holds.
 */
import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Pool } from 'pg';
import { edgeId } from '../../../servicegraph/src/aggregate/edgeWindow';
import { spansToObservations } from '../../../servicegraph/src/derive/spansToObservations';
import { toOtlpJson } from '../../../servicegraph/src/encode/otlpJsonEncoder';
import { toOtlpProtobuf } from '../../../servicegraph/src/encode/otlpProtobufEncoder';
import type { ConnectionType, Span } from '../../../servicegraph/src/types';
import { loadConfig, type CollectorConfig } from '../config';

export function testCollectorConfig(databaseUrl: string, overrides: Partial<CollectorConfig> = {}): CollectorConfig {
  return {
    ...loadConfig({ KOMPAS_DATABASE_URL: databaseUrl }),
    listenHost: '127.0.0.1',
    listenPort: 0,
    collectorId: 'test-collector',
    spoolDir: mkdtempSync(join(tmpdir(), 'kompas-spool-')),
    flushIntervalMs: 100,
    pairingTtlMs: 300,
    retryMaxMs: 500,
    // Jest runs TypeScript through its own transform, which worker threads do not get.
    decodeWorkers: 0,
    ...overrides,
  };
}

export interface HttpResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export interface PostOptions {
  contentType?: string;
  gzip?: boolean;
  token?: string;
  path?: string;
  method?: string;
  headers?: Record<string, string>;
}

export function postOtlp(baseUrl: string, body: Buffer | string, options: PostOptions = {}): Promise<HttpResult> {
  const raw = typeof body === 'string' ? Buffer.from(body) : body;
  const payload = options.gzip ? gzipSync(raw) : raw;
  const headers: Record<string, string | number> = {
    'Content-Type': options.contentType ?? 'application/json',
    'Content-Length': payload.length,
    ...options.headers,
  };
  if (options.gzip) {
    headers['Content-Encoding'] = 'gzip';
  }
  if (options.token) {
    headers.Authorization = `Bearer ${options.token}`;
  }
  return new Promise((resolve, reject) => {
    const req = request(`${baseUrl}${options.path ?? '/v1/traces'}`, { method: options.method ?? 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
}

export type Encoding = 'json' | 'protobuf' | 'json+gzip' | 'protobuf+gzip';

/** Sends spans in one request with the given encoding. */
export function sendSpans(baseUrl: string, spans: readonly Span[], encoding: Encoding, token?: string): Promise<HttpResult> {
  const protobuf = encoding.startsWith('protobuf');
  const body = protobuf ? Buffer.from(toOtlpProtobuf(spans)) : Buffer.from(JSON.stringify(toOtlpJson(spans)));
  return postOtlp(baseUrl, body, {
    contentType: protobuf ? 'application/x-protobuf' : 'application/json',
    gzip: encoding.endsWith('+gzip'),
    token,
  });
}

export interface EdgeTotal {
  requests: number;
  failed: number;
}

/** Edge totals servicegraph derives from these spans (the reference the database must match). */
export function expectedEdgeTotals(spans: readonly Span[]): Record<string, EdgeTotal> {
  const totals: Record<string, EdgeTotal> = {};
  for (const obs of spansToObservations(spans)) {
    const id = edgeId(obs);
    totals[id] ??= { requests: 0, failed: 0 };
    totals[id].requests += 1;
    totals[id].failed += obs.failed ? 1 : 0;
  }
  return totals;
}

/** Edge totals stored in one of the bucket tables. */
export async function databaseEdgeTotals(pool: Pool, resolution: '10s' | '1m' | '1h' | '6h' = '10s'): Promise<Record<string, EdgeTotal>> {
  const { rows } = await pool.query<{ client_service: string; server_service: string; connection_type: string; requests: string; failed: string }>(
    `SELECT client_service, server_service, connection_type, sum(requests) AS requests, sum(failed) AS failed
     FROM kompas.edge_stats_${resolution} GROUP BY 1, 2, 3`
  );
  const totals: Record<string, EdgeTotal> = {};
  for (const row of rows) {
    const id = edgeId({
      clientService: row.client_service,
      serverService: row.server_service,
      connectionType: row.connection_type as ConnectionType,
    });
    totals[id] = { requests: Number(row.requests), failed: Number(row.failed) };
  }
  return totals;
}
