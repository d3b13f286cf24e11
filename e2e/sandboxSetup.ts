import { APIRequestContext, expect, Locator, Page } from '@playwright/test';
import { canvasBox, openMap, Positions, waitForSettledPositions } from './panelPage';

/** What a test sets up in the sandbox before it acts: the dashboard it opens, a settled map, a data source it changes. */

export interface DataSourceRef {
  uid: string;
  type: string;
}

/** A Kompas datasource provisioned by provisioning/datasources/kompas.yaml. */
export function kompasDataSource(uid: string): DataSourceRef {
  return { uid, type: 'kompas-dataflow-datasource' };
}

export const DEMO_DATASOURCE = kompasDataSource('kompas-demo');
export const POSTGRES_DATASOURCE: DataSourceRef = { uid: 'kompas-postgres', type: 'grafana-postgresql-datasource' };

/** The demo shop as the sandbox's default dashboard queries it (seed 42, 5-minute window, a tick a second). */
export const DEMO_QUERY = { source: 'demo', rate: 1, seed: 42, cadenceMs: 1000, windowMs: 300_000 } as const;

/** A raw SQL query for Grafana's PostgreSQL datasource (any datasource's Node Graph frames feed the panel). */
export function sqlTarget(refId: string, rawSql: string): Record<string, unknown> {
  return { refId, rawSql, format: 'table', rawQuery: true, editorMode: 'code' };
}

export interface SandboxDashboardSetup {
  /** The queries, each with its refId. */
  targets: Array<Record<string, unknown>>;
  /** Default: the Demo source. */
  datasource?: DataSourceRef;
  /** The panel's options (default none: the panel's defaults). */
  options?: Record<string, unknown>;
  title?: string;
  panelTitle?: string;
  time?: { from: string; to: string };
  /** Template variables; default none. */
  variables?: Array<Record<string, unknown>>;
}

/** The sandbox's one dashboard (uid kompas-sandbox) with one Kompas panel, as Grafana would store it. */
export function sandboxDashboard(setup: SandboxDashboardSetup) {
  return {
    uid: 'kompas-sandbox',
    title: setup.title ?? 'Kompas sandbox',
    time: setup.time ?? { from: 'now-5m', to: 'now' },
    refresh: '',
    templating: { list: setup.variables ?? [] },
    panels: [
      {
        id: 1,
        type: 'kompas-dataflow-panel',
        title: setup.panelTitle ?? 'Shop dataflow',
        datasource: setup.datasource ?? DEMO_DATASOURCE,
        targets: setup.targets,
        options: setup.options ?? {},
        fieldConfig: { defaults: {}, overrides: [] },
      },
    ],
  };
}

/** Opens the map of `dashboard` as if the person had saved it in the sandbox; `query` is the page's URL query. */
export function openDashboardMap(page: Page, dashboard: unknown, query = ''): Promise<Locator> {
  return openMap(page, query, { name: 'sandbox', json: dashboard });
}

export interface SettledMap {
  canvas: Locator;
  /** The canvas's box in page pixels. */
  box: { x: number; y: number; width: number; height: number };
  /** Node positions once the layout has stopped moving. */
  positions: Positions;
}

/** Opens the default sandbox map and waits until its layout has settled. */
export async function openSettledMap(page: Page): Promise<SettledMap> {
  const canvas = await openMap(page);
  const box = await canvasBox(page);
  const positions = await waitForSettledPositions(page);
  return { canvas, box, positions };
}

/** Merges `jsonData` into the datasource's stored settings; the test fixture puts the stored settings back after the test. */
export async function setDataSourceSettings(
  request: APIRequestContext,
  uid: string,
  jsonData: Record<string, unknown>
): Promise<void> {
  const response = await request.get(`/api/datasources/uid/${uid}`);
  expect(response.ok()).toBe(true);
  const saved = (await response.json()) as { jsonData: Record<string, unknown> };
  expect(
    (await request.put(`/api/datasources/uid/${uid}`, { data: { jsonData: { ...saved.jsonData, ...jsonData } } })).ok()
  ).toBe(true);
}
