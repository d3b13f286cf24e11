import { expect, Page } from '@playwright/test';
import { kompasDataSource, sandboxDashboard } from './sandboxSetup';

/** The sandbox's localStorage key of its default dashboard (sandbox/src/dashboardModel.ts). */
const DASHBOARD_KEY = 'kompas-sandbox:sandbox';

/** Datasource uids provisioned by provisioning/datasources/kompas.yaml. */
export const DS = {
  demo: 'kompas-demo',
  jaeger: 'kompas-jaeger',
  timescale: 'kompas-timescale',
} as const;

export interface DashboardSetup {
  datasourceUid: string;
  /** One query; refId A is added. */
  query?: Record<string, unknown>;
  time?: { from: string; to: string };
  /** Values of the sandbox dashboard's textbox variables. */
  variables?: Record<string, string>;
  /** Page URL to open, e.g. `/?var-service=…` (default `/`). */
  path?: string;
}

/**
 * Opens the sandbox with a dashboard saved beforehand, the way a person's saved edits come back; also
 * turns on the panel's read-only position hook so tests can point at a node or an edge.
 */
export async function openDashboard(page: Page, setup: DashboardSetup): Promise<void> {
  const dashboard = sandboxDashboard({
    datasource: kompasDataSource(setup.datasourceUid),
    targets: [{ refId: 'A', ...(setup.query ?? {}) }],
    time: setup.time ?? { from: 'now-1h', to: 'now' },
    variables: ['focus', 'service'].map((name) => ({
      name,
      label: name[0].toUpperCase() + name.slice(1),
      type: 'textbox',
      current: { value: setup.variables?.[name] ?? '' },
    })),
  });
  await page.addInitScript(
    ({ key, json }) => {
      // Only on the first load of this page: later reloads keep what the person edited.
      if (!window.sessionStorage.getItem('kompas-e2e-preloaded')) {
        window.sessionStorage.setItem('kompas-e2e-preloaded', '1');
        window.localStorage.setItem(key, json);
      }
      (window as unknown as { __kompasPanelDebug: boolean }).__kompasPanelDebug = true;
    },
    { key: DASHBOARD_KEY, json: JSON.stringify(dashboard) }
  );
  await page.goto(setup.path ?? '/');
}

/** Turns the panel's position hook on for a plain `openSandbox`. */
export async function enablePanelPositions(page: Page): Promise<void> {
  await page.addInitScript(() => {
    (window as unknown as { __kompasPanelDebug: boolean }).__kompasPanelDebug = true;
  });
}

export function mapCanvas(page: Page) {
  return page.getByTestId('kompas-dataflow-canvas');
}

export async function nodeCount(page: Page): Promise<number> {
  const count = await mapCanvas(page)
    .getAttribute('data-node-count', { timeout: 1000 })
    .catch(() => null);
  return Number(count ?? 0);
}

export async function edgeCount(page: Page): Promise<number> {
  const count = await mapCanvas(page)
    .getAttribute('data-edge-count', { timeout: 1000 })
    .catch(() => null);
  return Number(count ?? 0);
}

/** The stats rows of the panel's tooltip, e.g. { Requests: '120', p95: '35 ms' }, and its title. */
export interface TooltipReading {
  title: string;
  rows: Record<string, string>;
  /** Insight lines under the statistics (route step, bottleneck, anomaly, alerts). */
  notes: string[];
  /** Everything the tooltip says, as one string. */
  text: string;
}

async function readTooltip(page: Page): Promise<TooltipReading | undefined> {
  const tooltip = page.getByTestId('kompas-dataflow-tooltip');
  if (!(await tooltip.isVisible())) {
    return undefined;
  }
  return tooltip.evaluate((el) => {
    const rows: Record<string, string> = {};
    el.querySelectorAll('tr').forEach((tr) => {
      rows[tr.querySelector('th')?.textContent ?? ''] = tr.querySelector('td')?.textContent ?? '';
    });
    const notes = [...el.querySelectorAll('[data-testid="kompas-dataflow-tooltip-note"]')].map(
      (n) => n.textContent ?? ''
    );
    return { title: el.firstElementChild?.textContent ?? '', rows, notes, text: el.textContent ?? '' };
  });
}

type Positions = Record<string, { x: number; y: number }>;

async function nodePositions(page: Page): Promise<Positions> {
  return page.evaluate(
    () => (window as unknown as { __kompasPanel?: { positions(): Positions } }).__kompasPanel?.positions() ?? {}
  );
}

/** Where along the source → target line the pointer tries, so another node or edge on the way is skipped. */
const EDGE_SAMPLES = [0.5, 0.42, 0.58, 0.35, 0.65, 0.28, 0.72];

/**
 * Hovers the edge source → target like a person would and returns what the tooltip says about it, or
 * undefined when the edge is not on the map (or hidden under others at every sampled point).
 */
export async function hoverEdge(page: Page, source: string, target: string): Promise<TooltipReading | undefined> {
  const positions = await nodePositions(page);
  const a = positions[source];
  const b = positions[target];
  const box = await mapCanvas(page).boundingBox();
  if (!a || !b || !box) {
    return undefined;
  }
  const title = `${source} → ${target}`;
  for (const t of EDGE_SAMPLES) {
    const x = box.x + a.x + (b.x - a.x) * t;
    const y = box.y + a.y + (b.y - a.y) * t;
    if (x < box.x || y < box.y || x > box.x + box.width || y > box.y + box.height) {
      continue;
    }
    // A small wiggle, so the pointer really moves and the panel hit-tests the current scene.
    await page.mouse.move(x + 1, y);
    await page.mouse.move(x, y);
    const reading = await readTooltip(page);
    if (reading?.title === title) {
      return reading;
    }
  }
  return undefined;
}

/** Hovers a node and returns its tooltip, or undefined when it is not on the map. */
export async function hoverNode(page: Page, id: string): Promise<TooltipReading | undefined> {
  const positions = await nodePositions(page);
  const box = await mapCanvas(page).boundingBox();
  const p = positions[id];
  if (!p || !box) {
    return undefined;
  }
  await page.mouse.move(box.x + p.x + 1, box.y + p.y);
  await page.mouse.move(box.x + p.x, box.y + p.y);
  return readTooltip(page);
}

/** "35 ms" / "1.2 s" / "0 ms" → milliseconds. */
export function parseMs(text: string): number {
  const match = /^([\d.]+)\s*(ms|s)$/.exec(text.trim());
  if (!match) {
    throw new Error(`not a duration: ${JSON.stringify(text)}`);
  }
  return Number(match[1]) * (match[2] === 's' ? 1000 : 1);
}

/** The text of the panel header's error status (PanelChrome shows it as a tooltip of the status button). */
export async function panelStatusText(page: Page): Promise<string> {
  const status = page.getByTestId('sandbox-panel').getByRole('button', { name: 'Panel status' });
  await status.hover();
  const tooltip = page.getByRole('tooltip').filter({ hasNotText: '→' }).last();
  await expect(tooltip).toBeVisible();
  const text = (await tooltip.textContent()) ?? '';
  await page.mouse.move(0, 0);
  return text;
}

/** The state of the panel's data (data-state of the query section): Streaming, Done, Error, Loading. */
export async function dataState(page: Page): Promise<string> {
  return (await page.getByTestId('sandbox-queries').getAttribute('data-state')) ?? '';
}

/** Opens the settings drawer of the panel's datasource. */
export async function openSettings(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Datasource settings' }).click();
  await expect(page.getByRole('button', { name: 'Save & test' })).toBeEnabled();
}

/** Types a Jaeger URL into the ConfigEditor (blur commits it like a person tabbing away). */
export async function setJaegerUrl(page: Page, url: string): Promise<void> {
  const input = page.getByTestId('kompas-config-jaeger-url');
  await input.fill(url);
  await input.blur();
}

/** Clicks "Save & test" and returns the result alert's text. */
export async function saveAndTest(page: Page, timeout = 30_000): Promise<string> {
  const result = page.getByTestId('datasource-test-result');
  await page.getByRole('button', { name: 'Save & test' }).click();
  await expect(page.getByRole('button', { name: 'Save & test' })).toBeEnabled({ timeout });
  await expect(result).toBeVisible();
  return (await result.textContent()) ?? '';
}

export async function closeSettings(page: Page): Promise<void> {
  // The drawer's footer button (the header's × is also named "Close").
  await page.getByRole('button', { name: 'Close', exact: true }).last().click();
  await expect(page.getByRole('button', { name: 'Save & test' })).toHaveCount(0);
}
