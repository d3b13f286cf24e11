import {
  DataSourceApi,
  DataSourceInstanceSettings,
  DataSourcePlugin,
  DataSourceRef,
  ScopedVars,
} from '@grafana/data';
import { DataSourceSrv, DataSourceWithBackend, GetDataSourceListFilters, config } from '@grafana/runtime';
import { importPluginModule } from './pluginLoader';

function uidOf(ref: DataSourceRef | string | null | undefined): string | undefined {
  return typeof ref === 'string' ? ref : ref?.uid;
}

/** Grafana's DataSourceSrv over the instances in grafanaBootData; plugin classes come from the built module.js. */
export class SandboxDataSourceSrv implements DataSourceSrv {
  private readonly instances = new Map<string, Promise<DataSourceApi>>();

  private all(): DataSourceInstanceSettings[] {
    return Object.values(config.datasources);
  }

  getInstanceSettings(ref?: DataSourceRef | string | null, _scopedVars?: ScopedVars): DataSourceInstanceSettings | undefined {
    const key = uidOf(ref);
    if (!key) {
      return this.all().find((ds) => ds.isDefault) ?? this.all()[0];
    }
    return this.all().find((ds) => ds.uid === key || ds.name === key);
  }

  getList(filters: GetDataSourceListFilters = {}): DataSourceInstanceSettings[] {
    return this.all().filter((ds) => {
      if (filters.pluginId && ds.type !== filters.pluginId) {
        return false;
      }
      if (filters.type && (Array.isArray(filters.type) ? !filters.type.includes(ds.type) : ds.type !== filters.type)) {
        return false;
      }
      if (filters.metrics && !ds.meta.metrics) {
        return false;
      }
      return filters.filter ? filters.filter(ds) : true;
    });
  }

  get(ref?: DataSourceRef | string | null): Promise<DataSourceApi> {
    const settings = this.getInstanceSettings(ref);
    if (!settings) {
      return Promise.reject(new Error(`Datasource ${JSON.stringify(uidOf(ref))} was not found`));
    }
    let instance = this.instances.get(settings.uid);
    if (!instance) {
      instance = this.create(settings);
      this.instances.set(settings.uid, instance);
    }
    return instance;
  }

  private async create(settings: DataSourceInstanceSettings): Promise<DataSourceApi> {
    if (settings.meta.module?.startsWith('core:')) {
      // Core backend datasources (PostgreSQL) run their queries through /api/ds/query, which the sandbox serves.
      return new DataSourceWithBackend(settings);
    }
    const module = await importPluginModule(settings.type);
    const plugin = module.plugin as DataSourcePlugin<DataSourceApi> | undefined;
    if (!plugin?.DataSourceClass) {
      throw new Error(`${settings.type}/module.js does not export a datasource plugin`);
    }
    plugin.meta = settings.meta;
    const api = new plugin.DataSourceClass(settings);
    api.components = plugin.components;
    api.meta = settings.meta;
    return api;
  }

  /**
   * After a save, Grafana reloads its frontend settings so new instances see the saved jsonData;
   * cached instances are dropped.
   */
  async reload(): Promise<void> {
    const response = await fetch('/api/frontend/settings');
    if (response.ok) {
      const settings = (await response.json()) as { datasources: typeof config.datasources };
      config.datasources = settings.datasources;
    }
    this.instances.clear();
  }

  registerRuntimeDataSource(): void {
    throw new Error('runtime datasources are not supported in the sandbox');
  }
}
