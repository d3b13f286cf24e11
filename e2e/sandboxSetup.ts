import { APIRequestContext, expect, Locator, Page } from '@playwright/test';
import { canvasBox, openMap, Positions, waitForSettledPositions } from './panelPage';
import { test } from './sandboxPage';

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

/** What the server stores for a datasource, to put back after a test changed it (the store outlives tests). */
export async function readDataSource(request: APIRequestContext, uid: string): Promise<Record<string, unknown>> {
  const response = await request.get(`/api/datasources/uid/${uid}`);
  expect(response.ok()).toBe(true);
  return response.json();
}

export async function restoreDataSource(
  request: APIRequestContext,
  uid: string,
  saved: Record<string, unknown>,
  secureKeysToReset: string[] = []
): Promise<void> {
  const secureJsonData = Object.fromEntries(secureKeysToReset.map((k) => [k, '']));
  const response = await request.put(`/api/datasources/uid/${uid}`, { data: { ...saved, secureJsonData } });
  expect(response.ok()).toBe(true);
}

/**
 * Call inside a describe block: reads the datasource before each test and puts it back after it, so a test
 * may change it through its settings page.
 */
export function restoreDataSourceAfterEach(uid: string, secureKeysToReset: string[] = []): void {
  let saved: Record<string, unknown> | undefined;
  test.beforeEach(async ({ request }) => {
    saved = await readDataSource(request, uid);
  });
  test.afterEach(async ({ request }) => {
    if (saved) {
      await restoreDataSource(request, uid, saved, secureKeysToReset);
    }
  });
}

/** Runs `run` with `jsonData` merged into the datasource's settings, then puts the stored settings back. */
export async function withDataSourceSettings(
  request: APIRequestContext,
  uid: string,
  jsonData: Record<string, unknown>,
  run: () => Promise<void>
): Promise<void> {
  const saved = await readDataSource(request, uid);
  try {
    const merged = { ...(saved.jsonData as Record<string, unknown>), ...jsonData };
    expect((await request.put(`/api/datasources/uid/${uid}`, { data: { jsonData: merged } })).ok()).toBe(true);
    await run();
  } finally {
    await restoreDataSource(request, uid, saved);
  }
}
