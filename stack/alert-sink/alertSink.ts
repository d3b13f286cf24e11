/**
 * A webhook receiver for Grafana alert notifications, so the demo stack shows what a notification says
 * (and its "open the map focused on …" link) without a mail server or chat account:
 *   POST <any path>      a Grafana webhook payload; printed to the log and kept (newest first)
 *   GET  /               the kept notifications as plain text
 *   GET  /notifications  the same as JSON
 *   GET  /healthz
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the sink keeps of one notification. */
export interface AlertNotification {
  receivedAt: string;
  status: string;
  title: string;
  /** The rendered message (the contact point's template, e.g. kompas.message). */
  message: string;
  /** Per alert: the focus link from its annotations, else Grafana's dashboard link. */
  links: string[];
}

export interface AlertSinkOptions {
  port: number;
  host: string;
  /** How many notifications are kept (default 100). */
  keep?: number;
  log?: (line: string) => void;
}

export interface AlertSink {
  url: string;
  notifications(): AlertNotification[];
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;

class SinkError extends Error {
  constructor(
    readonly status: number,
    message: string
  ) {
    super(message);
  }
}

interface WebhookAlert {
  annotations?: Record<string, unknown>;
  dashboardURL?: unknown;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** Reads the parts of Grafana's webhook payload a person needs; names the problem when it is not one. */
export function summariseNotification(payload: unknown, receivedAt: Date): AlertNotification {
  if (typeof payload !== 'object' || payload === null || !Array.isArray((payload as { alerts?: unknown }).alerts)) {
    throw new SinkError(400, 'expected a Grafana webhook payload: a JSON object with an "alerts" list');
  }
  const body = payload as { status?: unknown; title?: unknown; message?: unknown; alerts: WebhookAlert[] };
  const links = body.alerts
    .map((alert) => text(alert.annotations?.focus_url) || text(alert.dashboardURL))
    .filter((link) => link !== '');
  return {
    receivedAt: receivedAt.toISOString(),
    status: text(body.status) || 'unknown',
    title: text(body.title),
    message: text(body.message),
    links,
  };
}

export function formatNotification(n: AlertNotification): string {
  const lines = [`[${n.receivedAt}] ${n.status.toUpperCase()} ${n.title}`.trimEnd()];
  if (n.message) {
    lines.push(n.message.trim());
  }
  for (const link of n.links) {
    if (!n.message.includes(link)) {
      lines.push(`  ${link}`);
    }
  }
  return lines.join('\n');
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      throw new SinkError(413, `body larger than ${MAX_BODY_BYTES} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new SinkError(400, 'body is not JSON');
  }
}

function reply(response: ServerResponse, status: number, contentType: string, body: string): void {
  // After an error the request body may be half read: do not reuse that connection.
  response.writeHead(status, { 'content-type': contentType, ...(status >= 400 ? { connection: 'close' } : {}) });
  response.end(body);
}

export function startAlertSink(options: AlertSinkOptions): Promise<AlertSink> {
  const keep = options.keep ?? 100;
  const kept: AlertNotification[] = [];
  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const path = new URL(request.url ?? '/', 'http://sink').pathname;
    if (request.method === 'POST') {
      const notification = summariseNotification(await readJson(request), new Date());
      kept.unshift(notification);
      kept.splice(keep);
      options.log?.(formatNotification(notification));
      return reply(response, 200, 'application/json', '{"ok":true}');
    }
    if (request.method === 'GET' && path === '/healthz') {
      return reply(response, 200, 'text/plain', 'ok\n');
    }
    if (request.method === 'GET' && path === '/notifications') {
      return reply(response, 200, 'application/json', JSON.stringify(kept));
    }
    if (request.method === 'GET' && path === '/') {
      const page = kept.length > 0 ? kept.map(formatNotification).join('\n\n') : 'No alert notifications yet.';
      return reply(response, 200, 'text/plain; charset=utf-8', `${page}\n`);
    }
    throw new SinkError(404, `no route for ${request.method} ${path}; POST a Grafana webhook payload or GET /`);
  };
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      // Drain the unread body so the client gets to read the error.
      request.resume();
      const status = error instanceof SinkError ? error.status : 500;
      reply(
        response,
        status,
        'application/json',
        JSON.stringify({ error: error instanceof Error ? error.message : String(error) })
      );
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://${options.host === '0.0.0.0' ? '127.0.0.1' : options.host}:${port}`,
        notifications: () => [...kept],
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
