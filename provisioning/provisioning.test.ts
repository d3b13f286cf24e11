/**
 * @jest-environment node
 *
 * The provisioning files have the shape Grafana's file provisioning reads, and they agree with each other:
 * every datasource uid a dashboard or alert rule names is provisioned, the Kompas datasources match the
 * plugin's jsonData contract, alert annotations link the dashboard and its map panel with var-focus.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadProvisionedDataSources } from '../sandbox/server/datasourceStore';
import { startSandboxServer } from '../sandbox/server/sandboxServer';
import {
  loadAlertingFiles,
  loadAlertRules,
  loadDashboards,
  loadDatasources,
  PROVISIONING_DIR,
  provisioningFiles,
  readYamlFile,
  REPO_ROOT,
  type DashboardPanel,
} from './testing/provisioningFiles';

const KOMPAS_DATASOURCE = 'kompas-dataflow-datasource';
const KOMPAS_PANEL = 'kompas-dataflow-panel';
const DASHBOARD_UID = 'kompas-shop-dataflow';

const datasources = loadDatasources();
const uids = new Set(datasources.map((ds) => ds.uid));
const dashboards = loadDashboards();
const shop = dashboards.find((d) => d.dashboard.uid === DASHBOARD_UID)!;

function panelDatasourceUids(panel: DashboardPanel): string[] {
  return [panel.datasource?.uid, ...(panel.targets ?? []).map((t) => t.datasource?.uid)].filter(
    (uid): uid is string => !!uid
  );
}

describe('datasources', () => {
  it('each has a unique uid, a name, a type and proxy access', () => {
    expect(datasources.length).toBe(5);
    expect(uids.size).toBe(datasources.length);
    for (const ds of datasources) {
      expect(ds).toEqual(
        expect.objectContaining({
          name: expect.any(String),
          uid: expect.stringMatching(/^[\w-]{1,40}$/),
          type: expect.any(String),
          access: 'proxy',
        })
      );
    }
    expect(datasources.filter((ds) => ds.isDefault).length).toBe(1);
  });

  it('provisions Kompas in demo, Jaeger and Timescale mode with the jsonData keys the plugin reads', () => {
    const kompas = datasources.filter((ds) => ds.type === KOMPAS_DATASOURCE);
    expect(kompas.map((ds) => ds.jsonData?.defaultSource).sort()).toEqual(['demo', 'jaeger', 'timescale']);
    const jaegerMode = kompas.find((ds) => ds.jsonData?.defaultSource === 'jaeger')!;
    expect(jaegerMode.jsonData).toMatchObject({ jaegerUrl: '$KOMPAS_JAEGER_URL', tracesDatasourceUid: 'jaeger' });
    const timescaleMode = kompas.find((ds) => ds.jsonData?.defaultSource === 'timescale')!;
    const postgres = datasources.find((ds) => ds.uid === timescaleMode.jsonData?.postgresDatasourceUid);
    expect(postgres?.type).toBe('grafana-postgresql-datasource');
    // The route of a request in Timescale mode goes through the Jaeger configured beside the PostgreSQL one.
    expect(timescaleMode).toMatchObject({ url: '$KOMPAS_JAEGER_URL', jsonData: { jaegerUrl: '$KOMPAS_JAEGER_URL' } });
    // Every jsonData key must be one the datasource's options type declares.
    const optionKeys = [
      ...readFileSync(join(REPO_ROOT, 'datasource/src/types.ts'), 'utf8').matchAll(/^\s+(\w+)\?:/gm),
    ].map((m) => m[1]);
    for (const ds of kompas) {
      expect(Object.keys(ds.jsonData ?? {}).filter((key) => !optionKeys.includes(key))).toEqual([]);
    }
    // The routes in plugin.json read jaegerUrl.
    const plugin = JSON.parse(readFileSync(join(REPO_ROOT, 'datasource/src/plugin.json'), 'utf8'));
    expect(plugin.routes.map((r: { url: string }) => r.url)).toContain('{{ .JsonData.jaegerUrl }}');
  });

  it('keeps credentials out of the file: the PostgreSQL user and password come from the environment', () => {
    const postgres = datasources.find((ds) => ds.type === 'grafana-postgresql-datasource')!;
    expect(postgres).toMatchObject({
      url: '$KOMPAS_PG_HOSTPORT',
      user: '$KOMPAS_PG_USER',
      secureJsonData: { password: '$KOMPAS_PG_PASSWORD' },
    });
    expect(postgres.jsonData).toMatchObject({ database: '$KOMPAS_PG_DATABASE' });
    // Copied as it is, the file must not turn TLS off: the mode comes from the environment (require there;
    // disable only where the compose stack or the sandbox says so).
    expect(postgres.jsonData).toMatchObject({ sslmode: '$KOMPAS_PG_SSLMODE' });
    const jaeger = datasources.find((ds) => ds.type === 'jaeger')!;
    expect(jaeger).toMatchObject({ uid: 'jaeger', url: '$KOMPAS_JAEGER_URL' });
  });

  it('loads in the sandbox (same provisioning reader), with the environment expanded and secrets kept server-side', () => {
    const [file] = provisioningFiles('datasources', ['.yaml']);
    const env = {
      KOMPAS_JAEGER_URL: 'http://jaeger:16686',
      KOMPAS_PG_HOSTPORT: 'db:5432',
      KOMPAS_PG_USER: 'reader',
      KOMPAS_PG_PASSWORD: 'pw',
      KOMPAS_PG_DATABASE: 'kompas',
      KOMPAS_PG_SSLMODE: 'require',
    };
    const stored = loadProvisionedDataSources(file, env);
    expect(stored.find((ds) => ds.uid === 'kompas-postgres')?.jsonData.sslmode).toBe('require');
    expect(stored.find((ds) => ds.uid === 'kompas-jaeger')?.jsonData.jaegerUrl).toBe('http://jaeger:16686');
    expect(stored.find((ds) => ds.uid === 'kompas-postgres')?.secureJsonData).toEqual({ password: 'pw' });
  });
});

describe('dashboard provider', () => {
  it('is a file provider pointing at the folder Grafana mounts the dashboards in', () => {
    const doc = readYamlFile(join(PROVISIONING_DIR, 'dashboards', 'default.yaml')) as {
      providers: Array<Record<string, unknown>>;
    };
    expect(doc.providers).toHaveLength(1);
    expect(doc.providers[0]).toMatchObject({
      type: 'file',
      orgId: 1,
      folder: 'Kompas',
      options: { path: '/etc/grafana/provisioning/dashboards' },
    });
    const compose = readFileSync(join(REPO_ROOT, 'docker-compose.yml'), 'utf8');
    expect(compose).toContain('./provisioning/dashboards:/etc/grafana/provisioning/dashboards:ro');
  });
});

describe('Shop dataflow dashboard', () => {
  const { dashboard } = shop;

  it('is a Grafana dashboard with unique panel ids and grid positions', () => {
    expect(dashboard).toMatchObject({
      uid: DASHBOARD_UID,
      title: 'Shop dataflow',
      schemaVersion: expect.any(Number),
      time: { from: 'now-30m', to: 'now' },
    });
    const ids = dashboard.panels.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const panel of dashboard.panels) {
      expect(panel.gridPos).toEqual({
        x: expect.any(Number),
        y: expect.any(Number),
        w: expect.any(Number),
        h: expect.any(Number),
      });
      expect(panel.gridPos!.x + panel.gridPos!.w).toBeLessThanOrEqual(24);
    }
  });

  it('has the service, group, focus and routeTrace variables; focus is a textbox so ?var-focus=payments sets it', () => {
    const byName = Object.fromEntries(dashboard.templating.list.map((v) => [v.name, v]));
    expect(Object.keys(byName).sort()).toEqual(['focus', 'group', 'routeTrace', 'service']);
    expect(byName.focus).toMatchObject({ type: 'textbox', current: { value: '' } });
    expect(byName.service).toMatchObject({
      type: 'query',
      multi: true,
      includeAll: true,
      datasource: { uid: 'kompas-postgres' },
    });
    // The map's query reads $service too, so "All" must expand to the names, not a custom all value.
    expect(byName.service.allValue).toBeUndefined();
    expect(byName.group).toMatchObject({ type: 'query', includeAll: true, allValue: "'__all'" });
  });

  it('centres the Kompas panel on a provisioned Kompas datasource, focused by $focus', () => {
    const map = dashboard.panels.find((p) => p.type === KOMPAS_PANEL)!;
    expect(map.id).toBe(1);
    expect(map.gridPos).toMatchObject({ x: 0, y: 0 });
    expect(map.gridPos!.w * map.gridPos!.h).toBe(Math.max(...dashboard.panels.map((p) => p.gridPos!.w * p.gridPos!.h)));
    const ds = datasources.find((d) => d.uid === map.datasource?.uid);
    expect(ds?.type).toBe(KOMPAS_DATASOURCE);
    expect(map.targets).toEqual([
      expect.objectContaining({ refId: 'A', source: 'timescale', datasource: map.datasource }),
      // The route of one request over the map: "Show an example request" sets $routeTrace (issue 8).
      expect.objectContaining({ refId: 'B', source: 'timescale', traceId: '${routeTrace}', streaming: false }),
    ]);
    expect(map.options).toMatchObject({ focusVariable: 'focus', routeVariable: 'routeTrace' });
    expect(dashboard.templating.list.find((v) => v.name === 'routeTrace')).toMatchObject({ type: 'textbox' });
    // Panel option keys are the panel's own (no stale names).
    const optionKeys = [...readFileSync(join(REPO_ROOT, 'panel/src/types.ts'), 'utf8').matchAll(/^\s+(\w+):/gm)].map(
      (m) => m[1]
    );
    expect(Object.keys(map.options!).filter((key) => !optionKeys.includes(key))).toEqual([]);
  });

  it('links the map to Jaeger traces: edge menu template, panel link, and the trace search panel on $focus', () => {
    const map = dashboard.panels.find((p) => p.type === KOMPAS_PANEL)!;
    const template = String(map.options!.traceLinkTemplate);
    expect(template.startsWith('/explore?')).toBe(true);
    const panes = JSON.parse(
      decodeURIComponent(new URL(template.replace('${client}', 'orders'), 'http://grafana').searchParams.get('panes')!)
    );
    expect(Object.values(panes)[0]).toMatchObject({
      datasource: 'jaeger',
      queries: [{ queryType: 'search', service: 'orders' }],
    });
    expect(map.links?.[0].url).toContain('${focus}');
    const traces = dashboard.panels.find((p) => p.datasource?.type === 'jaeger')!;
    expect(traces.targets![0]).toMatchObject({ queryType: 'search', service: '${focus}' });
  });

  it('has side panels for edges, request rate, error rate and p95 on the PostgreSQL datasource, using the variables', () => {
    const sql = dashboard.panels.filter((p) => p.datasource?.uid === 'kompas-postgres');
    expect(sql.map((p) => p.type).sort()).toEqual(['table', 'timeseries', 'timeseries', 'timeseries']);
    for (const panel of sql) {
      const rawSql = String(panel.targets![0].rawSql);
      expect(rawSql).toMatch(/\$__timeFilter\(/);
      for (const variable of ['$service', '$group', '$focus']) {
        expect({ panel: panel.title, uses: rawSql.includes(variable) }).toEqual({ panel: panel.title, uses: true });
      }
    }
  });

  it('references only provisioned datasources', () => {
    for (const { file, dashboard: d } of dashboards) {
      const referenced = [
        ...d.panels.flatMap(panelDatasourceUids),
        ...d.templating.list.map((v) => v.datasource?.uid).filter(Boolean),
      ];
      expect({ file, missing: referenced.filter((uid) => !uids.has(uid!)) }).toEqual({ file, missing: [] });
    }
  });

  it('is served by the sandbox for ?dashboard=shop-dataflow, next to the provisioned datasources it names', async () => {
    const [file] = provisioningFiles('datasources', ['.yaml']);
    const sandbox = await startSandboxServer({
      port: 0,
      host: '127.0.0.1',
      rootDir: REPO_ROOT,
      dataSources: loadProvisionedDataSources(file, {}),
    });
    try {
      const served = await fetch(`${sandbox.url}/api/sandbox/dashboards/shop-dataflow`);
      expect(served.status).toBe(200);
      expect(await served.json()).toEqual(dashboard);
      const listed = (await (await fetch(`${sandbox.url}/api/datasources`)).json()) as Array<{
        uid: string;
        type: string;
      }>;
      const map = dashboard.panels.find((p) => p.type === KOMPAS_PANEL)!;
      expect(listed.find((ds) => ds.uid === map.datasource?.uid)?.type).toBe(KOMPAS_DATASOURCE);
    } finally {
      await sandbox.close();
    }
  });
});

/**
 * Renders the focus_url annotation for one alert the way Grafana's template engine would, for the only
 * two actions it may use (anything else fails the test): the external URL without its trailing slash,
 * and the server label query-escaped.
 */
function renderFocusUrl(template: string, externalUrl: string, server: string): string {
  return template.replace(/\{\{(.*?)\}\}/g, (_whole, action: string) => {
    switch (action.trim()) {
      case 'reReplaceAll "/$" "" (externalURL)':
        return externalUrl.replace(/\/$/, '');
      case 'urlquery $labels.server':
        // Go's urlquery is url.QueryEscape: spaces become "+".
        return encodeURIComponent(server).replace(/%20/g, '+');
      default:
        throw new Error(`focus_url uses an action this check cannot render: {{${action}}}`);
    }
  });
}

describe('alerting', () => {
  const files = loadAlertingFiles();
  const rules = loadAlertRules();

  it('parses, with rule groups, a template, a contact point and a policy', () => {
    const all = files.map((f) => f.doc);
    expect(all.flatMap((d) => d.groups ?? [])).toEqual([
      expect.objectContaining({ orgId: 1, folder: 'Kompas', interval: expect.stringMatching(/^\d+[smh]$/) }),
    ]);
    expect(all.flatMap((d) => d.templates ?? []).map((t) => t.name)).toEqual(['kompas']);
    expect(all.flatMap((d) => d.contactPoints ?? []).map((c) => c.name)).toEqual(['Kompas alert log']);
    expect(all.flatMap((d) => d.policies ?? [])).toEqual([
      expect.objectContaining({ orgId: 1, receiver: 'Kompas alert log' }),
    ]);
  });

  it('has the four edge rules, each complete for Grafana', () => {
    expect(rules.map((r) => r.uid).sort()).toEqual([
      'kompas-consumer-lag',
      'kompas-edge-error-rate',
      'kompas-edge-p95-latency',
      'kompas-edge-traffic-drop',
    ]);
    for (const rule of rules) {
      expect(rule).toEqual(
        expect.objectContaining({
          title: expect.any(String),
          condition: 'C',
          noDataState: 'OK',
          execErrState: 'Error',
          for: expect.stringMatching(/^\d+[smh]$/),
        })
      );
      const [query, reduce, threshold] = rule.data;
      expect(query).toMatchObject({
        refId: 'A',
        datasourceUid: 'kompas-postgres',
        relativeTimeRange: { from: expect.any(Number), to: 0 },
        model: { format: 'table', rawQuery: true },
      });
      expect(reduce).toMatchObject({
        refId: 'B',
        datasourceUid: '__expr__',
        model: { type: 'reduce', expression: 'A' },
      });
      expect(threshold).toMatchObject({
        refId: 'C',
        datasourceUid: '__expr__',
        model: { type: 'threshold', expression: 'B' },
      });
      expect(uids.has(query.datasourceUid)).toBe(true);
      // Labels client and server come from the query's text columns.
      expect(String(query.model.rawSql)).toMatch(/AS client, e\.server_service AS server|SELECT client, server/);
    }
  });

  it('links each alert to the dashboard, the map panel and the map focused on the server service', () => {
    const mapPanel = shop.dashboard.panels.find((p) => p.type === KOMPAS_PANEL)!;
    for (const rule of rules) {
      expect(rule.annotations).toMatchObject({
        __dashboardUid__: DASHBOARD_UID,
        __panelId__: String(mapPanel.id),
        summary: expect.stringContaining('{{ $labels.server }}'),
      });
      const url = new URL(renderFocusUrl(rule.annotations!.focus_url, 'http://grafana.example:3000/', 'payments & co'));
      expect(url.origin + url.pathname).toBe('http://grafana.example:3000/d/kompas-shop-dataflow/shop-dataflow');
      expect(url.searchParams.get('var-focus')).toBe('payments & co');
    }
  });

  it('prints the focus link in the notification the contact point sends', () => {
    const template = files.flatMap((f) => f.doc.templates ?? [])[0].template;
    expect(template).toMatch(/define "kompas\.message"/);
    expect(template).toContain('.Annotations.focus_url');
    const receiver = files.flatMap((f) => f.doc.contactPoints ?? [])[0].receivers[0];
    expect(receiver.settings).toMatchObject({
      url: '$KOMPAS_ALERT_WEBHOOK_URL',
      message: '{{ template "kompas.message" . }}',
    });
  });

  it('uses "$" only where Grafana should expand an environment variable (it expands labels, settings, templates)', () => {
    // Grafana interpolates $VARS in alerting files except in annotations and queries; a stray $labels there
    // would be silently emptied.
    for (const rule of rules) {
      expect(JSON.stringify(rule.labels ?? {})).not.toContain('$');
    }
    for (const { doc } of files) {
      for (const template of doc.templates ?? []) {
        expect(template.template).not.toContain('$');
      }
      for (const point of doc.contactPoints ?? []) {
        const settings = JSON.stringify(point.receivers.map((r) => r.settings));
        expect(settings.match(/\$\w+/g)).toEqual(['$KOMPAS_ALERT_WEBHOOK_URL']);
      }
    }
  });
});
