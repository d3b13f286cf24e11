import { ServerResponse } from 'node:http';

/**
 * Injected failures, chosen per request with a `/fault/<mode>` path prefix or an `X-Replay-Fault`
 * header, so one server can play a healthy and a broken Jaeger in the same test.
 */
export type FaultMode =
  | '401'
  | '403'
  | '404'
  | '500'
  | '502'
  | 'html'
  | 'truncated'
  | 'errors'
  | 'empty'
  | 'notjaeger'
  | 'baddata'
  | 'badlist'
  | 'huge'
  | 'huge-declared'
  | 'slow'
  | 'hang';

export const FAULT_MODES: FaultMode[] = [
  '401',
  '403',
  '404',
  '500',
  '502',
  'html',
  'truncated',
  'errors',
  'empty',
  'notjaeger',
  'baddata',
  'badlist',
  'huge',
  'huge-declared',
  'slow',
  'hang',
];

export function isFaultMode(value: string): value is FaultMode {
  return (FAULT_MODES as string[]).includes(value);
}

export interface FaultSettings {
  /** Size of the body sent by `huge` (and announced by `huge-declared`), in bytes. */
  hugeBytes: number;
}

/** Answers a request with the failure; `slow` and `hang` are handled by the caller (they delay). */
export function sendFault(
  res: ServerResponse,
  mode: Exclude<FaultMode, 'slow' | 'hang'>,
  settings: FaultSettings
): void {
  switch (mode) {
    case '401':
      return sendText(res, 401, 'text/plain', 'Unauthorized\n');
    case '403':
      return sendText(res, 403, 'text/plain', 'Forbidden\n');
    case '404':
      return sendText(res, 404, 'text/plain; charset=utf-8', '404 page not found\n');
    case '500':
      return sendJson(res, 500, {
        data: null,
        total: 0,
        limit: 0,
        offset: 0,
        errors: [{ code: 500, msg: 'replay: injected internal error' }],
      });
    case '502':
      return sendText(res, 502, 'text/plain', 'Bad Gateway\n');
    case 'html':
      return sendText(
        res,
        200,
        'text/html; charset=utf-8',
        '<!doctype html><html><head><title>Login</title></head><body>Sign in</body></html>'
      );
    case 'truncated':
      return sendText(
        res,
        200,
        'application/json',
        '{"data":[{"traceID":"abc","spans":[{"traceID":"abc","spanID":"1","operationName":"GET /'
      );
    case 'errors':
      return sendJson(res, 200, {
        data: null,
        total: 0,
        limit: 0,
        offset: 0,
        errors: [{ code: 503, msg: 'storage backend unavailable: no available connection' }],
      });
    case 'empty':
      return sendJson(res, 200, { data: [], total: 0, limit: 0, offset: 0, errors: null });
    case 'notjaeger':
      return sendJson(res, 200, { status: 'ok', version: '1.0' });
    case 'baddata':
      return sendJson(res, 200, { data: { a: 1 }, total: 1, limit: 0, offset: 0, errors: null });
    case 'badlist':
      return sendJson(res, 200, {
        data: [{ parent: 'orders', child: 'payments', callCount: 3 }, 42, { parent: 1, kid: 'x' }],
        total: 3,
        limit: 0,
        offset: 0,
        errors: null,
      });
    case 'huge':
      return sendHuge(res, settings.hugeBytes);
    case 'huge-declared':
      return announceHuge(res, settings.hugeBytes);
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  sendText(res, status, 'application/json', JSON.stringify(body));
}

export function sendText(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

/** Streams a syntactically valid, very large Jaeger envelope without holding it in memory. */
function sendHuge(res: ServerResponse, bytes: number): void {
  const chunk = `"${'x'.repeat(64 * 1024 - 3)}",`;
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.write('{"data":[');
  let sent = 9;
  const writeMore = (): void => {
    while (sent < bytes) {
      sent += chunk.length;
      if (!res.write(chunk)) {
        res.once('drain', writeMore);
        return;
      }
    }
    res.end('"end"]}');
  };
  res.on('close', () => res.removeAllListeners('drain'));
  writeMore();
}

/**
 * Announces a huge body in Content-Length, sends its first bytes and then nothing more: a client that
 * waits for the body before checking the size hangs, one that reads the header first fails at once.
 */
function announceHuge(res: ServerResponse, bytes: number): void {
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': bytes });
  res.write('{"data":[');
}
