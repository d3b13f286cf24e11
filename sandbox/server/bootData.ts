import fs from 'fs';
import path from 'path';
import { StoredDataSource, toBrowserSettings } from './datasourceStore';

export type PluginJson = Record<string, unknown> & { id: string; type: string; name: string };

/** plugin.json of a built plugin, with the fields Grafana's frontend settings add. */
export function readPluginMeta(distDir: string, id: string): PluginJson | undefined {
  const file = path.join(distDir, id, 'plugin.json');
  if (!fs.existsSync(file)) {
    return undefined;
  }
  const json = JSON.parse(fs.readFileSync(file, 'utf8')) as PluginJson;
  const info = (json.info ?? {}) as { logos?: { small?: string; large?: string } };
  // Grafana serves logo paths relative to the plugin's folder.
  const logo = (p?: string) => (p ? `public/plugins/${id}/${p}` : p);
  return {
    ...json,
    info: { ...info, logos: { small: logo(info.logos?.small), large: logo(info.logos?.large) } },
    baseUrl: `public/plugins/${id}`,
    module: `public/plugins/${id}/module.js`,
  };
}

const BUILT_IN_META: Record<string, PluginJson> = {
  'grafana-postgresql-datasource': {
    id: 'grafana-postgresql-datasource',
    type: 'datasource',
    name: 'PostgreSQL',
    info: { logos: { small: '', large: '' } },
    module: 'core:plugin/grafana-postgresql-datasource',
    baseUrl: '',
    backend: true,
    metrics: true,
  },
};

/** The DataSourceInstanceSettings map Grafana puts into `grafanaBootData.settings.datasources`. */
export function frontendDataSources(distDir: string, instances: StoredDataSource[]) {
  const result: Record<string, unknown> = {};
  instances.forEach((ds, index) => {
    const meta = readPluginMeta(distDir, ds.type) ?? BUILT_IN_META[ds.type];
    if (!meta) {
      // A type the sandbox has no plugin for (e.g. Grafana's Jaeger in provisioning/): not offered.
      return;
    }
    const browser = toBrowserSettings(ds, index + 1);
    result[ds.name] = {
      id: browser.id,
      uid: ds.uid,
      type: ds.type,
      name: ds.name,
      meta,
      url: `/api/datasources/proxy/uid/${ds.uid}`,
      isDefault: ds.isDefault,
      access: ds.access,
      jsonData: ds.jsonData,
      readOnly: false,
    };
  });
  return result;
}

export function bootDataScript(distDir: string, instances: StoredDataSource[], theme: 'dark' | 'light'): string {
  const defaultDs = instances.find((ds) => ds.isDefault) ?? instances[0];
  const bootData = {
    assets: { dark: '', light: '' },
    navTree: [],
    user: {
      id: 1,
      login: 'sandbox',
      name: 'Sandbox user',
      orgId: 1,
      orgRole: 'Admin',
      isSignedIn: true,
      theme,
      timezone: 'browser',
      weekStart: 'monday',
      locale: 'en-US',
      language: 'en-US',
      regionalFormat: 'en-US',
      permissions: {},
    },
    settings: {
      appUrl: '/',
      appSubUrl: '',
      buildInfo: { version: '12.4.10', commit: 'sandbox', env: 'production', edition: 'Open Source' },
      datasources: frontendDataSources(distDir, instances),
      defaultDatasource: defaultDs?.name ?? '',
      panels: {},
      featureToggles: {},
      liveEnabled: false,
      unifiedAlertingEnabled: true,
    },
  };
  // Escape "<" so a datasource name can never close the script element.
  return `window.grafanaBootData = ${JSON.stringify(bootData).replace(/</g, '\\u003c')};`;
}
