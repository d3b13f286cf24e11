/**
 * A tiny HTTP control endpoint for the load generator:
 *   GET  /incidents               -> { incidents: [{ name, label, description, active }] }
 *   POST /incidents/<name>        body `on` / `off` / `{"active": true}` (empty body = on)
 *   DELETE /incidents/<name>      switches it off
 *   GET  /stats, GET /healthz     -> generator counters
 * Switches take effect for requests starting from the moment of the call.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isIncidentName } from '../incidents';
import type { Loadgen } from './loadgenRunner';

export interface ControlServer {
  /** Base URL, e.g. http://127.0.0.1:8090 */
  url: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 4096;

class RequestError extends Error {
  constructor(
    readonly status: number,
    message: string
  ) {
    super(message);
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of request) {
    body += chunk;
    if (body.length > MAX_BODY_BYTES) {
      throw new RequestError(413, `body larger than ${MAX_BODY_BYTES} bytes`);
    }
  }
  return body.trim();
}

/** Reads the wanted state from `on`/`off`/`true`/`false` or `{"active": boolean}`; empty means on. */
export function parseSwitchBody(body: string): boolean {
  const word = body.toLowerCase();
  if (word === '' || word === 'on' || word === 'true') {
    return true;
  }
  if (word === 'off' || word === 'false') {
    return false;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    parsed = undefined;
  }
  if (typeof parsed === 'object' && parsed !== null && typeof (parsed as { active?: unknown }).active === 'boolean') {
    return (parsed as { active: boolean }).active;
  }
  throw new RequestError(400, 'body must be on, off, true, false or {"active": true|false}');
}

function send(response: ServerResponse, status: number, payload: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(payload));
}

async function route(
  loadgen: Loadgen,
  request: IncomingMessage,
  response: ServerResponse,
  now: () => number
): Promise<void> {
  const path = new URL(request.url ?? '/', 'http://control').pathname.replace(/\/+$/, '');
  const method = request.method ?? 'GET';
  if (method === 'GET' && path === '/incidents') {
    return send(response, 200, { incidents: loadgen.shop.incidents() });
  }
  if (method === 'GET' && (path === '/stats' || path === '/healthz')) {
    return send(response, 200, { status: 'ok', ...loadgen.stats() });
  }
  const match = /^\/incidents\/([^/]+)$/.exec(path);
  if (match && ['POST', 'PUT', 'DELETE'].includes(method)) {
    const name = decodeURIComponent(match[1]);
    if (!isIncidentName(name)) {
      const known = loadgen.shop.incidents().map((i) => i.name);
      throw new RequestError(404, `unknown incident "${name}"; known: ${known.join(', ')}`);
    }
    const active = method === 'DELETE' ? false : parseSwitchBody(await readBody(request));
    loadgen.shop.setIncident(name, active, now());
    return send(
      response,
      200,
      loadgen.shop.incidents().find((i) => i.name === name)
    );
  }
  throw new RequestError(404, `no route for ${method} ${path || '/'}; try GET /incidents or POST /incidents/<name>`);
}

export function startControlServer(
  loadgen: Loadgen,
  port: number,
  host: string,
  now: () => number = Date.now
): Promise<ControlServer> {
  const server: Server = createServer((request, response) => {
    route(loadgen, request, response, now).catch((error: unknown) => {
      const status = error instanceof RequestError ? error.status : 500;
      send(response, status, { error: error instanceof Error ? error.message : String(error) });
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address() as AddressInfo;
      const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      resolve({
        url: `http://${shownHost}:${address.port}`,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
