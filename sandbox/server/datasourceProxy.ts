import http from 'http';
import https from 'https';
import { StoredDataSource } from './datasourceStore';

/** A plugin.json route, as Grafana's datasource proxy reads it. */
export interface PluginRoute {
  path: string;
  method?: string;
  url?: string;
  reqRole?: string;
  headers?: Array<{ name: string; content: string }>;
  urlParams?: Array<{ name: string; content: string }>;
}

const HOP_BY_HOP = ['connection', 'keep-alive', 'transfer-encoding', 'te', 'trailer', 'upgrade', 'proxy-authorization'];
/** Grafana's proxy drops the browser's credentials before forwarding. */
const DROPPED_REQUEST_HEADERS = ['cookie', 'authorization', 'host', 'origin', 'referer', ...HOP_BY_HOP];
const PROXY_TIMEOUT_MS = 30_000;

/**
 * Go-template subset used in plugin.json routes: `{{ .JsonData.x }}` and `{{ .SecureJsonData.x }}`.
 * A missing key renders as Go's "<no value>", which is what Grafana sends upstream too.
 */
export function interpolateRouteTemplate(text: string, ds: StoredDataSource): string {
  return text.replace(/\{\{\s*\.(JsonData|SecureJsonData)\.(\w+)\s*\}\}/g, (_m, scope: string, key: string) => {
    const source: Record<string, unknown> = scope === 'JsonData' ? ds.jsonData : ds.secureJsonData;
    const value = source[key];
    return value === undefined || value === null ? '<no value>' : String(value);
  });
}

/** Picks the first route whose path prefixes the proxied path and whose method matches, as Grafana does. */
export function matchRoute(routes: PluginRoute[], proxyPath: string, method: string): PluginRoute | undefined {
  return routes.find(
    (route) =>
      proxyPath.startsWith(route.path) &&
      (!route.method || route.method === '*' || route.method.toUpperCase() === method.toUpperCase())
  );
}

function joinUrlPath(base: string, rest: string): string {
  if (!rest) {
    return base;
  }
  return `${base.replace(/\/+$/, '')}/${rest.replace(/^\/+/, '')}`;
}

/** Works out the upstream URL and headers for one proxied request, or an error message. */
export function buildUpstreamRequest(
  ds: StoredDataSource,
  routes: PluginRoute[],
  proxyPath: string,
  search: string,
  method: string
): { url: URL; headers: Record<string, string> } | { error: string; status: number } {
  const route = matchRoute(routes, proxyPath, method);
  const headers: Record<string, string> = {};
  let target: URL;
  try {
    if (route) {
      const routeUrl = new URL(interpolateRouteTemplate(route.url ?? ds.url, ds));
      routeUrl.pathname = joinUrlPath(routeUrl.pathname, proxyPath.slice(route.path.length));
      target = routeUrl;
    } else {
      if (!ds.url) {
        return { status: 400, error: 'Data source has no URL configured' };
      }
      const base = new URL(ds.url);
      base.pathname = joinUrlPath(base.pathname, proxyPath);
      target = base;
    }
  } catch {
    return { status: 400, error: 'Invalid data source URL' };
  }
  target.search = search;
  for (const param of route?.urlParams ?? []) {
    target.searchParams.set(param.name, interpolateRouteTemplate(param.content, ds));
  }
  if (ds.basicAuth) {
    const password = ds.secureJsonData.basicAuthPassword ?? '';
    headers.authorization = `Basic ${Buffer.from(`${ds.basicAuthUser}:${password}`).toString('base64')}`;
  }
  // Custom headers from the HTTP settings: jsonData.httpHeaderNameN + secureJsonData.httpHeaderValueN.
  for (const [key, name] of Object.entries(ds.jsonData)) {
    const match = /^httpHeaderName(\d+)$/.exec(key);
    if (match && typeof name === 'string' && name) {
      headers[name.toLowerCase()] = ds.secureJsonData[`httpHeaderValue${match[1]}`] ?? '';
    }
  }
  if (ds.jsonData.oauthPassThru && process.env.KOMPAS_SANDBOX_OAUTH_TOKEN) {
    headers.authorization = `Bearer ${process.env.KOMPAS_SANDBOX_OAUTH_TOKEN}`;
  }
  for (const header of route?.headers ?? []) {
    headers[header.name.toLowerCase()] = interpolateRouteTemplate(header.content, ds);
  }
  return { url: target, headers };
}

/** Forwards one request like Grafana's datasource proxy (502 when the upstream cannot be reached). */
export function forwardRequest(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
  extraHeaders: Record<string, string>
): void {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined && !DROPPED_REQUEST_HEADERS.includes(name)) {
      headers[name] = value;
    }
  }
  Object.assign(headers, extraHeaders, { 'x-grafana-org-id': '1' });
  const client = url.protocol === 'https:' ? https : http;
  const upstream = client.request(url, { method: req.method, headers, timeout: PROXY_TIMEOUT_MS }, (up) => {
    const responseHeaders: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(up.headers)) {
      if (value !== undefined && !HOP_BY_HOP.includes(name) && name !== 'set-cookie') {
        responseHeaders[name] = value;
      }
    }
    if (up.statusCode === 401) {
      // Grafana's proxy turns an upstream 401 into 400 so the browser session is not treated as logged out.
      up.resume();
      res.writeHead(400, { 'content-type': 'text/plain' });
      res.end('Authentication to data source failed');
      return;
    }
    res.writeHead(up.statusCode ?? 502, responseHeaders);
    up.pipe(res);
  });
  upstream.on('timeout', () => upstream.destroy(new Error('timeout')));
  upstream.on('error', (err) => {
    if (!res.headersSent) {
      const status = err.message === 'timeout' ? 504 : 502;
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.end(status === 504 ? 'Gateway Timeout' : 'Bad Gateway');
    } else {
      res.destroy();
    }
  });
  req.pipe(upstream);
}
