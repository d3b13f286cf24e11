/**
 * HTTP front of the collector: POST /v1/traces (OTLP/HTTP, JSON or protobuf, optionally gzip), plus
 * /healthz, /readyz and /metrics. A request is acknowledged (200) only after its body is fsynced to the
 * spool and processed, so an acknowledged span survives SIGKILL.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gunzip } from 'node:zlib';
import { promisify } from 'node:util';
import { ParseError } from '../../../servicegraph/src/parse/parseError';
import type { CollectorConfig } from '../config';
import type { CollectorMetrics } from '../metrics';
import type { DecodedRequest } from '../pipeline/decodeOtlp';
import type { Processor } from '../pipeline/processor';
import { RecordType } from '../spool/recordFormat';
import type { Spool } from '../spool/spool';
import { sendExportError, sendExportSuccess, type WireFormat } from './responses';

const gunzipAsync = promisify(gunzip);
/** Seconds a client should wait before retrying after 429/503. */
const RETRY_AFTER_SECONDS = 2;

export type ReceiverConfig = Pick<
  CollectorConfig,
  'authToken' | 'maxBodyBytes' | 'maxDecompressedBytes' | 'maxInflightRequests' | 'spoolMaxBytes' | 'maxPendingRows'
>;

export interface ReceiverDeps {
  config: ReceiverConfig;
  processor: Processor;
  spool: Spool;
  metrics: CollectorMetrics;
  /** decodeOtlpBody, possibly on a worker thread (decodePool.ts). */
  decode: (type: RecordType, body: Buffer) => Promise<DecodedRequest>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string
  ) {
    super(message);
  }
}

function wireFormatOf(contentType: string | undefined): WireFormat | undefined {
  const base = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (base === 'application/json') {
    return 'json';
  }
  if (base === 'application/x-protobuf' || base === 'application/protobuf') {
    return 'protobuf';
  }
  return undefined;
}

function isAuthorized(header: string | undefined, token: string): boolean {
  const expected = Buffer.from(`Bearer ${token}`);
  const given = Buffer.from(header ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      reject(new HttpError(413, `request body of ${declared} bytes exceeds the limit of ${limit} bytes`));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        reject(new HttpError(413, `request body exceeds the limit of ${limit} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function decompress(body: Buffer, encoding: string | undefined, limit: number): Promise<Buffer> {
  const name = (encoding ?? 'identity').trim().toLowerCase();
  if (name === 'identity' || name === '') {
    return body;
  }
  if (name !== 'gzip') {
    throw new HttpError(415, `unsupported Content-Encoding "${name}" (use gzip or none)`);
  }
  try {
    return await gunzipAsync(body, { maxOutputLength: limit });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new HttpError(413, `decompressed body exceeds the limit of ${limit} bytes`);
    }
    throw new HttpError(400, `body is not valid gzip: ${(err as Error).message}`);
  }
}

/** Why new data cannot be taken right now (503), or undefined. */
function overloadReason(deps: ReceiverDeps): string | undefined {
  if (!deps.processor.ready) {
    return 'collector is starting or stopping';
  }
  if (deps.spool.sizeBytes >= deps.config.spoolMaxBytes) {
    return 'spool is full (database slow or unavailable)';
  }
  if (deps.processor.pendingRows >= deps.config.maxPendingRows) {
    return 'too many unwritten aggregates (database slow or unavailable)';
  }
  return undefined;
}

export function createRequestHandler(deps: ReceiverDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const { config, processor, metrics } = deps;
  let inflight = 0;

  async function handleExport(req: IncomingMessage, res: ServerResponse, format: WireFormat): Promise<number> {
    if (config.authToken !== undefined && !isAuthorized(req.headers.authorization, config.authToken)) {
      throw new HttpError(401, 'missing or wrong bearer token');
    }
    // `inflight` already counts this request.
    if (inflight > config.maxInflightRequests) {
      throw new HttpError(429, `more than ${config.maxInflightRequests} requests in flight`);
    }
    const overload = overloadReason(deps);
    if (overload) {
      throw new HttpError(503, overload);
    }
    const raw = await readBody(req, config.maxBodyBytes);
    const body = await decompress(raw, req.headers['content-encoding'], config.maxDecompressedBytes);
    const type = format === 'protobuf' ? RecordType.OtlpProtobuf : RecordType.OtlpJson;
    let decoded: DecodedRequest;
    try {
      decoded = await deps.decode(type, body);
    } catch (err) {
      if (err instanceof ParseError) {
        throw new HttpError(400, err.message);
      }
      throw err;
    }
    if (decoded.spans.length === 0 && decoded.rejectedSpans > 0) {
      throw new HttpError(400, decoded.errorMessage);
    }
    metrics.rejectedSpans.inc(decoded.rejectedSpans);
    let dropped = 0;
    if (decoded.spans.length > 0) {
      dropped = (await processor.accept(type, body, decoded.spans)).dropped;
    }
    const rejected = decoded.rejectedSpans + dropped;
    const message = [decoded.errorMessage, dropped > 0 ? `${dropped} spans dropped: pairing store full` : '']
      .filter(Boolean)
      .join('; ');
    sendExportSuccess(res, format, rejected, message);
    return 200;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthz') {
      res.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok\n');
      return;
    }
    if (path === '/readyz') {
      const reason = overloadReason(deps);
      res.writeHead(reason ? 503 : 200, { 'Content-Type': 'text/plain' }).end(reason ? `${reason}\n` : 'ready\n');
      return;
    }
    if (path === '/metrics') {
      const text = await metrics.registry.metrics();
      res.writeHead(200, { 'Content-Type': metrics.registry.contentType }).end(text);
      return;
    }
    if (path !== '/v1/traces') {
      sendExportError(res, 404, 'json', `no such endpoint ${path}; OTLP traces go to /v1/traces`);
      return;
    }
    if (req.method !== 'POST') {
      sendExportError(res, 405, 'json', `method ${req.method} not allowed; use POST`, { Allow: 'POST' });
      return;
    }
    const format = wireFormatOf(req.headers['content-type']);
    if (!format) {
      metrics.requests.inc({ code: '415' });
      sendExportError(res, 415, 'json', `unsupported Content-Type "${req.headers['content-type'] ?? ''}"; use application/x-protobuf or application/json`);
      req.resume();
      return;
    }
    metrics.inflightRequests.set(++inflight);
    try {
      const status = await handleExport(req, res, format);
      metrics.requests.inc({ code: String(status) });
    } catch (err) {
      const status = err instanceof HttpError ? err.status : 503;
      const message = err instanceof HttpError ? err.message : `could not store the request: ${(err as Error).message}`;
      const headers: Record<string, string | number> = status === 429 || status === 503 ? { 'Retry-After': RETRY_AFTER_SECONDS } : {};
      if (status === 413) {
        // The rest of an oversized body is not read; close so the client does not keep sending into a dead request.
        headers.Connection = 'close';
      }
      metrics.requests.inc({ code: String(status) });
      sendExportError(res, status, format, message, headers);
      if (status === 413) {
        res.on('finish', () => req.destroy());
      } else {
        req.resume();
      }
    } finally {
      metrics.inflightRequests.set(--inflight);
    }
  }

  return (req, res) => {
    handle(req, res).catch((err: Error) => {
      if (!res.headersSent) {
        sendExportError(res, 500, 'json', `internal error: ${err.message}`);
      }
    });
  };
}
