import { Observable } from 'rxjs';

/** What the Jaeger client needs from an HTTP response; the body stays text so it can be checked first. */
export interface HttpTextResponse {
  status: number;
  statusText: string;
  contentType: string;
  body: string;
}

/** Why a request never produced a response. */
export type TransportFailureKind = 'dns' | 'refused' | 'unreachable' | 'too-large' | 'aborted';

/** A request that failed below HTTP (DNS, connection, size cap). */
export class TransportError extends Error {
  constructor(
    readonly kind: TransportFailureKind,
    message: string
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

/** GET a URL; unsubscribing aborts the request. Errors are TransportError. */
export type HttpGet = (url: string) => Observable<HttpTextResponse>;

export interface FetchHttpOptions {
  maxBytes: number;
  headers?: Record<string, string>;
  /** Default: the global fetch. */
  fetch?: typeof fetch;
  /** Message for a network failure, when the host is not the one to blame (the browser talks to Grafana). */
  unreachableMessage?: string;
}

/**
 * An HttpGet on the standard `fetch` (Node 20+ and browsers). A declared Content-Length above `maxBytes`
 * fails before any of the body is read; otherwise the body is streamed and the request aborted as soon
 * as it passes `maxBytes`, so an enormous response never sits in memory whole.
 */
export function createFetchHttpGet(options: FetchHttpOptions): HttpGet {
  return (url) =>
    new Observable<HttpTextResponse>((subscriber) => {
      const controller = new AbortController();
      readCapped(url, controller, options)
        .then((response) => {
          subscriber.next(response);
          subscriber.complete();
        })
        .catch((error: unknown) => subscriber.error(toTransportError(error, url, options.unreachableMessage)));
      return () => controller.abort();
    });
}

async function readCapped(
  url: string,
  controller: AbortController,
  options: FetchHttpOptions
): Promise<HttpTextResponse> {
  const response = await (options.fetch ?? fetch)(url, {
    signal: controller.signal,
    headers: options.headers,
    credentials: 'same-origin',
  });
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > options.maxBytes) {
    controller.abort();
    throw new TransportError('too-large', tooLargeMessage(declared, options.maxBytes));
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (response.body) {
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        break;
      }
      size += value.byteLength;
      if (size > options.maxBytes) {
        controller.abort();
        throw new TransportError('too-large', tooLargeMessage(size, options.maxBytes));
      }
      chunks.push(value);
    }
  }
  const body = new TextDecoder().decode(concatChunks(chunks, size));
  return {
    status: response.status,
    statusText: response.statusText,
    contentType: response.headers.get('content-type') ?? '',
    body,
  };
}

function concatChunks(chunks: Uint8Array[], size: number): Uint8Array {
  const all = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return all;
}

export function tooLargeMessage(bytes: number, maxBytes: number): string {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `Jaeger response is larger than ${mb(maxBytes)} (at least ${mb(bytes)}): narrow the time range, add filters or lower the limit`;
}

function toTransportError(error: unknown, url: string, unreachableMessage?: string): TransportError {
  if (error instanceof TransportError) {
    return error;
  }
  if (isAbort(error)) {
    return new TransportError('aborted', 'Request to Jaeger was cancelled');
  }
  if (unreachableMessage !== undefined) {
    return new TransportError('unreachable', unreachableMessage);
  }
  const host = safeHost(url);
  const code = errorCode(error);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new TransportError('dns', `Cannot resolve the Jaeger host ${host} (DNS lookup failed): check the URL`);
  }
  if (code === 'ECONNREFUSED') {
    return new TransportError(
      'refused',
      `Jaeger at ${host} refused the connection: is it running, and is the port right?`
    );
  }
  return new TransportError('unreachable', `Jaeger at ${host} is unreachable (${code ?? 'network error'})`);
}

function isAbort(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

function errorCode(error: unknown): string | undefined {
  // No instanceof: errors from another realm (Node internals under jest, iframes) are not `Error` here.
  const cause = typeof error === 'object' && error !== null ? (error as { cause?: unknown }).cause : undefined;
  if (cause && typeof cause === 'object' && 'code' in cause && typeof cause.code === 'string') {
    return cause.code;
  }
  return undefined;
}

function safeHost(url: string): string {
  try {
    return new URL(url, 'http://localhost').host;
  } catch {
    return 'the configured URL';
  }
}
