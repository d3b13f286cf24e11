/**
 * Sends span batches to an OTLP/HTTP traces endpoint. Retries what the OTLP spec calls retryable
 * (429, 502, 503, 504 and network failures) with exponential backoff, honouring Retry-After, which
 * generic retry helpers do not read.
 */
import type { Span } from '../../../servicegraph/src/types';
import { toOtlpJson } from '../../../servicegraph/src/encode/otlpJsonEncoder';
import { toOtlpProtobuf } from '../../../servicegraph/src/encode/otlpProtobufEncoder';
import type { OtlpFormat } from './loadgenConfig';

export interface OtlpSenderOptions {
  endpoint: string;
  format: OtlpFormat;
  headers?: Record<string, string>;
  maxRetries?: number;
  /** First backoff delay; doubles per attempt (default 250 ms). */
  baseDelayMs?: number;
  /** Cap for backoff and Retry-After (default 30 s). */
  maxDelayMs?: number;
  /** Per-request timeout (default 10 s). */
  timeoutMs?: number;
  /** Injected in tests to record delays instead of waiting. */
  sleep?: (ms: number) => Promise<void>;
}

export interface SendResult {
  ok: boolean;
  attempts: number;
  /** Last HTTP status (0 when the request never got an answer). */
  status: number;
  /** Why the batch was not accepted. */
  error?: string;
}

export interface OtlpSender {
  send(spans: readonly Span[]): Promise<SendResult>;
}

const RETRYABLE = new Set([429, 502, 503, 504]);

/** Retry-After as seconds or an HTTP date, in ms from now; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (value === null || value.trim() === '') {
    return undefined;
  }
  const seconds = Number(value);
  if (Number.isFinite(seconds)) {
    return Math.max(0, seconds * 1000);
  }
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

function encodeBody(
  spans: readonly Span[],
  format: OtlpFormat
): { body: string | Uint8Array<ArrayBuffer>; contentType: string } {
  return format === 'json'
    ? { body: JSON.stringify(toOtlpJson(spans)), contentType: 'application/json' }
    : { body: new Uint8Array(toOtlpProtobuf(spans)), contentType: 'application/x-protobuf' };
}

function sleepFor(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function createOtlpSender(options: OtlpSenderOptions): OtlpSender {
  const {
    endpoint,
    format,
    headers = {},
    maxRetries = 5,
    baseDelayMs = 250,
    maxDelayMs = 30_000,
    timeoutMs = 10_000,
  } = options;
  const sleep = options.sleep ?? sleepFor;
  return {
    async send(spans) {
      const { body, contentType } = encodeBody(spans, format);
      let last: SendResult = { ok: false, attempts: 0, status: 0 };
      for (let attempt = 1; attempt <= maxRetries + 1; attempt++) {
        let retryAfterMs: number | undefined;
        try {
          const response = await fetch(endpoint, {
            method: 'POST',
            headers: { ...headers, 'content-type': contentType },
            body,
            signal: AbortSignal.timeout(timeoutMs),
          });
          const text = await response.text();
          if (response.ok) {
            return { ok: true, attempts: attempt, status: response.status };
          }
          last = {
            ok: false,
            attempts: attempt,
            status: response.status,
            error: `HTTP ${response.status}: ${text.slice(0, 200)}`,
          };
          if (!RETRYABLE.has(response.status)) {
            return last;
          }
          retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), Date.now());
        } catch (error) {
          last = {
            ok: false,
            attempts: attempt,
            status: 0,
            error: `cannot reach ${endpoint}: ${describeError(error)}`,
          };
        }
        if (attempt <= maxRetries) {
          await sleep(Math.min(maxDelayMs, retryAfterMs ?? backoffMs(baseDelayMs, attempt)));
        }
      }
      return last;
    },
  };
}

/** Exponential backoff with jitter, so many generators do not retry in lockstep. */
function backoffMs(baseDelayMs: number, attempt: number): number {
  return baseDelayMs * 2 ** (attempt - 1) * (0.5 + Math.random() / 2);
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
  }
  return String(error);
}
