import { DataQuery, DataSourceRef, FieldConfigSource } from '@grafana/data';
import { SandboxVariable } from './templateSrv';

/** The part of a Grafana dashboard JSON the sandbox understands. */
export interface SandboxPanel {
  id: number;
  type: string;
  title?: string;
  datasource?: DataSourceRef | null;
  targets?: DataQuery[];
  options?: Record<string, unknown>;
  fieldConfig?: FieldConfigSource;
}

export interface SandboxDashboard {
  uid?: string;
  title: string;
  time: { from: string; to: string };
  refresh?: string;
  templating?: { list: Array<{ name: string; label?: string; current?: { value?: string | string[] }; query?: string; options?: Array<{ value: string }> }> };
  panels: SandboxPanel[];
}

const STORAGE_PREFIX = 'kompas-sandbox:';

export async function fetchDashboard(name: string): Promise<SandboxDashboard> {
  const response = await fetch(`/api/sandbox/dashboards/${encodeURIComponent(name)}`);
  if (!response.ok) {
    throw new Error(`Dashboard "${name}" could not be loaded (HTTP ${response.status})`);
  }
  return response.json();
}

export function loadSavedDashboard(name: string): SandboxDashboard | undefined {
  const text = window.localStorage.getItem(STORAGE_PREFIX + name);
  if (!text) {
    return undefined;
  }
  try {
    return JSON.parse(text) as SandboxDashboard;
  } catch {
    return undefined;
  }
}

export function saveDashboard(name: string, dashboard: SandboxDashboard): void {
  window.localStorage.setItem(STORAGE_PREFIX + name, JSON.stringify(dashboard));
}

export function forgetDashboard(name: string): void {
  window.localStorage.removeItem(STORAGE_PREFIX + name);
}

/** Dashboard variables, with `?var-name=value` from the URL taking precedence as in Grafana. */
export function variablesFromDashboard(templating: SandboxDashboard['templating'], search: URLSearchParams): SandboxVariable[] {
  return (templating?.list ?? []).map((v) => {
    const fromUrl = search.getAll(`var-${v.name}`);
    const current = v.current?.value ?? '';
    const options = v.options?.map((o) => o.value) ?? (v.query ? v.query.split(',').map((s) => s.trim()) : undefined);
    return {
      name: v.name,
      label: v.label,
      value: fromUrl.length > 1 ? fromUrl : fromUrl.length === 1 ? fromUrl[0] : current,
      options,
    };
  });
}
