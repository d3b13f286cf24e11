/** @jest-environment node */
import fs from 'fs';
import http from 'http';
import os from 'os';
import path from 'path';
import { AddressInfo } from 'net';
import { StoredDataSource } from './datasourceStore';
import { SandboxServer, startSandboxServer } from './sandboxServer';

interface Seen {
  url: string;
  headers: http.IncomingHttpHeaders;
}

/** A real upstream on 127.0.0.1 that records what the proxy forwarded. */
async function startUpstream(): Promise<{ url: string; seen: Seen[]; close: () => Promise<void> }> {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    if (req.url?.endsWith('/unauthorized')) {
      res.writeHead(401, { 'www-authenticate': 'Basic' });
      res.end('no');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json', 'set-cookie': 'upstream=1' });
    res.end(JSON.stringify({ data: ['frontend'] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function dataSource(overrides: Partial<StoredDataSource>): StoredDataSource {
  return {
    uid: 'ds',
    name: 'DS',
    type: 'test-routes-datasource',
    url: '',
    access: 'proxy',
    isDefault: false,
    basicAuth: false,
    basicAuthUser: '',
    user: '',
    database: '',
    jsonData: {},
    secureJsonData: {},
    ...overrides,
  };
}

describe('sandbox server: Grafana datasource proxy emulation', () => {
  let root: string;
  let upstream: Awaited<ReturnType<typeof startUpstream>>;
  let sandbox: SandboxServer;

  beforeAll(async () => {
    upstream = await startUpstream();
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'kompas-sandbox-'));
    const pluginDir = path.join(root, 'dist', 'test-routes-datasource');
    fs.mkdirSync(pluginDir, { recursive: true });
    fs.writeFileSync(
      path.join(pluginDir, 'plugin.json'),
      JSON.stringify({
        id: 'test-routes-datasource',
        type: 'datasource',
        name: 'Routes',
        info: { logos: { small: 'img/logo.svg' } },
        routes: [
          {
            path: 'jaeger',
            url: '{{ .JsonData.jaegerUrl }}',
            headers: [{ name: 'Authorization', content: 'Bearer {{ .SecureJsonData.bearerToken }}' }],
          },
        ],
      })
    );
    sandbox = await startSandboxServer({
      port: 0,
      rootDir: root,
      dataSources: [
        dataSource({
          uid: 'routes',
          jsonData: { jaegerUrl: `${upstream.url}/base`, httpHeaderName1: 'X-Tenant' },
          secureJsonData: { bearerToken: 's3cret-token', httpHeaderValue1: 'shop' },
        }),
        dataSource({
          uid: 'basic',
          url: upstream.url,
          basicAuth: true,
          basicAuthUser: 'kompas',
          secureJsonData: { basicAuthPassword: 'pw' },
        }),
        dataSource({ uid: 'down', url: 'http://127.0.0.1:9' }),
      ],
    });
  });

  afterAll(async () => {
    await sandbox.close();
    await upstream.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('applies the plugin.json route: templated URL, secure header, custom header; drops browser credentials', async () => {
    const response = await fetch(`${sandbox.url}/api/datasources/proxy/uid/routes/jaeger/api/services?limit=2`, {
      headers: { cookie: 'grafana_session=abc', authorization: 'Bearer from-browser' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: ['frontend'] });
    expect(response.headers.get('set-cookie')).toBeNull();
    const last = upstream.seen[upstream.seen.length - 1];
    expect(last.url).toBe('/base/api/services?limit=2');
    expect(last.headers.authorization).toBe('Bearer s3cret-token');
    expect(last.headers['x-tenant']).toBe('shop');
    expect(last.headers.cookie).toBeUndefined();
  });

  it('uses the datasource URL with basic auth when no route matches', async () => {
    const response = await fetch(`${sandbox.url}/api/datasources/proxy/uid/basic/api/dependencies`);
    expect(response.status).toBe(200);
    const last = upstream.seen[upstream.seen.length - 1];
    expect(last.url).toBe('/api/dependencies');
    expect(last.headers.authorization).toBe(`Basic ${Buffer.from('kompas:pw').toString('base64')}`);
  });

  it('answers 502 when the upstream cannot be reached, 404 for an unknown datasource', async () => {
    expect((await fetch(`${sandbox.url}/api/datasources/proxy/uid/down/api/services`)).status).toBe(502);
    expect((await fetch(`${sandbox.url}/api/datasources/proxy/uid/nope/x`)).status).toBe(404);
  });

  it('never sends secureJsonData to the browser, only secureJsonFields', async () => {
    const list = await (await fetch(`${sandbox.url}/api/datasources`)).json();
    const text = JSON.stringify(list);
    expect(text).not.toContain('s3cret-token');
    expect(text).not.toContain('"pw"');
    expect(list[0].secureJsonFields).toEqual({ bearerToken: true, httpHeaderValue1: true });
    const html = await (await fetch(`${sandbox.url}/`)).text();
    expect(html).toContain('window.grafanaBootData');
    expect(html).not.toContain('s3cret-token');
  });

  it('keeps a secret on update unless a new value is given, and uses the new one afterwards', async () => {
    const put = await fetch(`${sandbox.url}/api/datasources/uid/routes`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonData: { jaegerUrl: `${upstream.url}/v2` }, secureJsonData: { bearerToken: 'rotated' } }),
    });
    expect(put.status).toBe(200);
    await fetch(`${sandbox.url}/api/datasources/proxy/uid/routes/jaeger/api/services`);
    const last = upstream.seen[upstream.seen.length - 1];
    expect(last.url).toBe('/v2/api/services');
    expect(last.headers.authorization).toBe('Bearer rotated');
  });

  it('turns an upstream 401 into 400 "Authentication to data source failed", as Grafana does', async () => {
    const response = await fetch(`${sandbox.url}/api/datasources/proxy/uid/basic/unauthorized`);
    expect(response.status).toBe(400);
    expect(await response.text()).toBe('Authentication to data source failed');
  });

  it('refuses paths that escape the plugin folder', async () => {
    const response = await fetch(`${sandbox.url}/public/plugins/test-routes-datasource/..%2F..%2Fetc%2Fpasswd`);
    expect(response.status).toBe(404);
  });
});
