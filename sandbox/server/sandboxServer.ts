import http from 'http';
import fs from 'fs';
import path from 'path';
import { AddressInfo } from 'net';
import { bootDataScript, frontendDataSources, readPluginMeta } from './bootData';
import { DataSourceStore, DataSourceUpdate, StoredDataSource, toBrowserSettings } from './datasourceStore';
import { buildUpstreamRequest, forwardRequest, PluginRoute } from './datasourceProxy';
import { DsQueryRequest, PostgresQueryRunner } from './postgresQuery';
import { serveGrafanaAsset } from './grafanaAssets';
import { serveFile } from './staticFiles';

export interface SandboxOptions {
  port: number;
  host?: string;
  /** Repository root: dist/ and sandbox/public/ are found from here. */
  rootDir: string;
  dataSources: StoredDataSource[];
}

export interface SandboxServer {
  url: string;
  close(): Promise<void>;
}

const MAX_JSON_BODY = 5 * 1024 * 1024;

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function readJsonBody(req: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_JSON_BODY) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      try {
        resolve(chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {});
      } catch {
        reject(new Error('request body is not valid JSON'));
      }
    });
    req.on('error', reject);
  });
}

function indexHtml(script: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8" />
<title>Kompas sandbox</title>
<meta name="viewport" content="width=device-width, initial-scale=1" />
<link rel="icon" href="/public/plugins/kompas-dataflow-panel/img/logo.svg" />
<script>${script}</script>
</head>
<body>
<div id="root"></div>
<script src="/public/build/host.js"></script>
</body>
</html>`;
}

export async function startSandboxServer(options: SandboxOptions): Promise<SandboxServer> {
  const distDir = path.join(options.rootDir, 'dist');
  const publicDir = path.join(options.rootDir, 'sandbox', 'public');
  const store = new DataSourceStore(options.dataSources);
  const postgres = new PostgresQueryRunner();
  const routesFor = (type: string): PluginRoute[] =>
    ((readPluginMeta(distDir, type)?.routes as PluginRoute[] | undefined) ?? []);

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const p = url.pathname;
    const method = req.method ?? 'GET';

    if (p === '/' && method === 'GET') {
      const theme = url.searchParams.get('theme') === 'light' ? 'light' : 'dark';
      const html = indexHtml(bootDataScript(distDir, store.list(), theme));
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html);
      return;
    }
    if (serveGrafanaAsset(res, options.rootDir, p)) {
      return;
    }
    if (p.startsWith('/public/build/') && serveFile(res, publicDir, p.slice('/public/build/'.length))) {
      return;
    }
    const pluginFile = /^\/public\/plugins\/([\w-]+)\/(.+)$/.exec(p);
    if (pluginFile && serveFile(res, path.join(distDir, pluginFile[1]), pluginFile[2])) {
      return;
    }
    const dashboard = /^\/api\/sandbox\/dashboards\/([\w.-]+)$/.exec(p);
    if (dashboard) {
      const name = `${dashboard[1].replace(/\.json$/, '')}.json`;
      for (const dir of [path.join(options.rootDir, 'sandbox', 'dashboards'), path.join(options.rootDir, 'provisioning', 'dashboards')]) {
        if (serveFile(res, dir, name)) {
          return;
        }
      }
      sendJson(res, 404, { message: `Dashboard ${name} not found` });
      return;
    }
    if (p === '/api/prometheus/grafana/api/v1/alerts' && method === 'GET') {
      // Grafana's Prometheus-compatible list of its alert instances; KOMPAS_SANDBOX_ALERTS names a JSON file in that shape.
      const file = process.env.KOMPAS_SANDBOX_ALERTS;
      sendJson(res, 200, file ? JSON.parse(fs.readFileSync(file, 'utf8')) : { status: 'success', data: { alerts: [] } });
      return;
    }
    if (p === '/api/frontend/settings' && method === 'GET') {
      // What Grafana's frontend reloads after a datasource is saved (the same map as in grafanaBootData).
      sendJson(res, 200, { datasources: frontendDataSources(distDir, store.list()) });
      return;
    }
    if (p === '/api/health') {
      sendJson(res, 200, { database: 'ok', version: '12.4.10 (sandbox)' });
      return;
    }
    if (p === '/api/datasources' && method === 'GET') {
      sendJson(res, 200, store.list().map((ds, i) => toBrowserSettings(ds, i + 1)));
      return;
    }
    const dsByUid = /^\/api\/datasources\/uid\/([^/]+)$/.exec(p);
    if (dsByUid) {
      const uid = decodeURIComponent(dsByUid[1]);
      const index = store.list().findIndex((ds) => ds.uid === uid);
      if (index < 0) {
        sendJson(res, 404, { message: 'Data source not found' });
        return;
      }
      if (method === 'PUT') {
        const updated = store.update(uid, (await readJsonBody(req)) as DataSourceUpdate);
        sendJson(res, 200, { message: 'Datasource updated', datasource: toBrowserSettings(updated!, index + 1) });
        return;
      }
      sendJson(res, 200, toBrowserSettings(store.list()[index], index + 1));
      return;
    }
    const pluginSettings = /^\/api\/plugins\/([\w-]+)\/settings$/.exec(p);
    if (pluginSettings) {
      const meta = readPluginMeta(distDir, pluginSettings[1]);
      sendJson(res, meta ? 200 : 404, meta ? { ...meta, enabled: true, pinned: false } : { message: 'Plugin not found' });
      return;
    }
    const proxy = /^\/api\/datasources\/proxy\/uid\/([^/]+)(\/.*)?$/.exec(p);
    if (proxy) {
      const ds = store.get(decodeURIComponent(proxy[1]));
      if (!ds) {
        sendJson(res, 404, { message: 'Unable to find datasource' });
        return;
      }
      const proxyPath = (proxy[2] ?? '').replace(/^\//, '');
      const upstream = buildUpstreamRequest(ds, routesFor(ds.type), proxyPath, url.search, method);
      if ('error' in upstream) {
        sendJson(res, upstream.status, { message: upstream.error });
        return;
      }
      forwardRequest(req, res, upstream.url, upstream.headers);
      return;
    }
    if (p === '/api/ds/query' && method === 'POST') {
      const body = (await readJsonBody(req)) as DsQueryRequest;
      const uid = body.queries?.[0]?.datasource?.uid ?? '';
      const ds = store.get(uid);
      if (!ds || !/postgres/.test(ds.type)) {
        sendJson(res, 400, { message: `Data source ${JSON.stringify(uid)} is not a PostgreSQL data source` });
        return;
      }
      const result = await postgres.run(ds, body);
      sendJson(res, result.status, result.body);
      return;
    }
    sendJson(res, 404, { message: 'Not found' });
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) {
        sendJson(res, 400, { message: err instanceof Error ? err.message : String(err) });
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${address.port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await postgres.close();
    },
  };
}
