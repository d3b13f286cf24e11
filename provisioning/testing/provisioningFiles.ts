/**
 * Typed readers of the provisioning files (Grafana's file-provisioning formats), naming the file and the
 * problem when one does not parse or lacks what Grafana needs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export const REPO_ROOT = join(__dirname, '..', '..');
export const PROVISIONING_DIR = join(REPO_ROOT, 'provisioning');

export class ProvisioningFileError extends Error {
  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = 'ProvisioningFileError';
  }
}

export interface ProvisionedDatasource {
  name: string;
  uid: string;
  type: string;
  access?: string;
  url?: string;
  user?: string;
  isDefault?: boolean;
  jsonData?: Record<string, unknown>;
  secureJsonData?: Record<string, string>;
}

export interface AlertQuery {
  refId: string;
  datasourceUid: string;
  relativeTimeRange?: { from: number; to: number };
  model: Record<string, unknown>;
}

export interface AlertRule {
  uid: string;
  title: string;
  condition: string;
  data: AlertQuery[];
  noDataState: string;
  execErrState: string;
  for: string;
  isPaused?: boolean;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export interface AlertRuleGroup {
  orgId: number;
  name: string;
  folder: string;
  interval: string;
  rules: AlertRule[];
}

export interface NotificationTemplate {
  orgId: number;
  name: string;
  template: string;
}

export interface ContactPoint {
  orgId: number;
  name: string;
  receivers: Array<{ uid: string; type: string; settings: Record<string, unknown>; disableResolveMessage?: boolean }>;
}

export interface NotificationPolicy {
  orgId: number;
  receiver: string;
  group_by?: string[];
  routes?: Array<{ receiver: string; object_matchers?: string[][]; group_by?: string[] }>;
}

/** One alerting file; every key is optional in Grafana's format. */
export interface AlertingFile {
  apiVersion: number;
  groups?: AlertRuleGroup[];
  templates?: NotificationTemplate[];
  contactPoints?: ContactPoint[];
  policies?: NotificationPolicy[];
}

export interface DashboardFile {
  file: string;
  dashboard: Dashboard;
}

export interface DashboardPanel {
  id: number;
  type: string;
  title: string;
  datasource?: { type?: string; uid?: string };
  gridPos?: { x: number; y: number; w: number; h: number };
  targets?: Array<Record<string, unknown> & { refId: string; datasource?: { type?: string; uid?: string } }>;
  options?: Record<string, unknown>;
  fieldConfig?: {
    defaults: Record<string, unknown>;
    overrides: Array<{ properties: Array<{ id: string; value: unknown }> }>;
  };
  links?: Array<{ title: string; url: string }>;
}

export interface DashboardVariable {
  name: string;
  type: string;
  query?: string;
  datasource?: { type?: string; uid?: string };
  multi?: boolean;
  includeAll?: boolean;
  allValue?: string;
  current?: { value?: string | string[] };
}

export interface Dashboard {
  uid: string;
  title: string;
  panels: DashboardPanel[];
  templating: { list: DashboardVariable[] };
  time: { from: string; to: string };
  schemaVersion: number;
}

/** Files of a provisioning folder with one of the extensions, sorted. */
export function provisioningFiles(folder: string, extensions: string[]): string[] {
  const dir = join(PROVISIONING_DIR, folder);
  return readdirSync(dir)
    .filter((name) => extensions.some((ext) => name.endsWith(ext)))
    .sort()
    .map((name) => join(dir, name));
}

export function readYamlFile(file: string): unknown {
  let doc: unknown;
  try {
    doc = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ProvisioningFileError(file, `not valid YAML: ${(error as Error).message}`);
  }
  if (typeof doc !== 'object' || doc === null) {
    throw new ProvisioningFileError(file, 'expected a YAML mapping at the top');
  }
  if ((doc as { apiVersion?: unknown }).apiVersion !== 1) {
    throw new ProvisioningFileError(file, 'expected apiVersion: 1');
  }
  return doc;
}

export function loadDatasources(): ProvisionedDatasource[] {
  return provisioningFiles('datasources', ['.yaml', '.yml']).flatMap((file) => {
    const doc = readYamlFile(file) as { datasources?: unknown };
    if (!Array.isArray(doc.datasources)) {
      throw new ProvisioningFileError(file, 'expected a "datasources" list');
    }
    return doc.datasources as ProvisionedDatasource[];
  });
}

export function loadAlertingFiles(): Array<{ file: string; doc: AlertingFile }> {
  return provisioningFiles('alerting', ['.yaml', '.yml']).map((file) => ({
    file,
    doc: readYamlFile(file) as AlertingFile,
  }));
}

export function loadAlertRules(): AlertRule[] {
  return loadAlertingFiles().flatMap(({ doc }) => (doc.groups ?? []).flatMap((group) => group.rules));
}

export function alertRule(uid: string): AlertRule {
  const rule = loadAlertRules().find((r) => r.uid === uid);
  if (!rule) {
    throw new Error(`no alert rule with uid ${uid} in provisioning/alerting`);
  }
  return rule;
}

export function loadDashboards(): DashboardFile[] {
  return provisioningFiles('dashboards', ['.json']).map((file) => {
    try {
      return { file, dashboard: JSON.parse(readFileSync(file, 'utf8')) as Dashboard };
    } catch (error) {
      throw new ProvisioningFileError(file, `not valid JSON: ${(error as Error).message}`);
    }
  });
}
