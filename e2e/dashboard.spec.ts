import { Page } from '@playwright/test';
import fs from 'fs';
import path from 'path';
import { canvasInk, expect, saveScreenshot, test } from './sandboxPage';
import {
  canvasBox,
  CanvasPoint,
  inkAround,
  MAP_CANVAS,
  mapCanvas,
  maxShift,
  nodeCount,
  nodePositions,
  openMap,
  saveElementScreenshot,
  waitForSettledPositions,
  zoomLevel,
} from './panelPage';

const DASHBOARD_FILE = path.resolve(__dirname, '..', 'provisioning', 'dashboards', 'shop-dataflow.json');

/**
 * The seeded rows end when the test run started, and the map's live query looks at the last 5 minutes: pin the
 * page's clock just after the seed's end so the dashboard shows the seeded hour (and the payments incident in its
 * last minutes) however late in the run this file executes. Timers keep running.
 */
test.beforeEach(async ({ page }) => {
  const seedEnd = Number(process.env.KOMPAS_E2E_SEED_END_MS);
  if (!Number.isFinite(seedEnd) || seedEnd <= 0) {
    throw new Error(
      'KOMPAS_E2E_SEED_END_MS is not set: run through e2e/playwright.config.ts (its globalSetup seeds the database)'
    );
  }
  await page.clock.setFixedTime(seedEnd + 5_000);
});

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** A point on an edge of the map, in page pixels, and the tooltip the pointer got there. */
interface EdgePoint {
  x: number;
  y: number;
  tooltip: string;
}

/**
 * Moves the pointer along the edge source → target (another edge or node may lie on top of a point) until its
 * tooltip shows, with `expected` in it when given; keeps trying while the stream redraws the map.
 */
async function pointAtEdge(page: Page, source: string, target: string, expected?: RegExp): Promise<EdgePoint> {
  const tooltip = page.getByTestId('kompas-dataflow-tooltip');
  let found: EdgePoint | undefined;
  const tryEdge = async (): Promise<boolean> => {
    const positions = await nodePositions(page);
    const box = await canvasBox(page);
    const [a, b] = [positions[source], positions[target]];
    for (const t of a && b ? [0.5, 0.42, 0.58, 0.35, 0.65] : []) {
      const x = box.x + a.x + (b.x - a.x) * t;
      const y = box.y + a.y + (b.y - a.y) * t;
      await page.mouse.move(x + 1, y);
      await page.mouse.move(x, y);
      const text = (await tooltip.isVisible()) ? ((await tooltip.textContent()) ?? '') : '';
      if (text.startsWith(`${source} → ${target}`) && (!expected || expected.test(text))) {
        found = { x, y, tooltip: text };
        return true;
      }
    }
    return false;
  };
  await expect.poll(tryEdge, { timeout: 15_000, message: `the tooltip of ${source} → ${target}` }).toBe(true);
  return found!;
}

test.describe('the provisioned "Shop dataflow" dashboard on the seeded Timescale data (issue 7)', () => {
  test('?dashboard=shop-dataflow loads the provisioning JSON and renders the map from PostgreSQL', async ({
    page,
    consoleErrors,
  }) => {
    const file = JSON.parse(fs.readFileSync(DASHBOARD_FILE, 'utf8'));
    const mapPanel = file.panels.find((p: { type: string }) => p.type === 'kompas-dataflow-panel');
    const served = page.waitForResponse((r) => r.url().endsWith('/api/sandbox/dashboards/shop-dataflow'));
    const queries: number[] = [];
    page.on('response', (r) => {
      if (r.url().endsWith('/api/ds/query')) {
        queries.push(r.status());
      }
    });
    const canvas = await openMap(page, '?dashboard=shop-dataflow');
    // The sandbox served the provisioning file itself, not a copy.
    expect(await (await served).json()).toEqual(file);
    await expect(page.getByText(file.title, { exact: true }).first()).toBeVisible();
    await expect(page.getByTestId('sandbox-panel')).toContainText(mapPanel.title);
    await expect(page.locator('header')).toContainText('Kompas (Timescale)');
    for (const variable of ['service', 'group', 'focus']) {
      await expect(page.getByLabel(`Variable ${variable}`)).toBeVisible();
    }
    // Drawn from the collector-written rows, through /api/ds/query on the real PostgreSQL.
    await expect.poll(() => nodeCount(page), { timeout: 20_000 }).toBeGreaterThan(10);
    expect(queries.length).toBeGreaterThan(0);
    expect(queries.every((status) => status === 200)).toBe(true);
    await expect.poll(() => canvasInk(page, MAP_CANVAS), { timeout: 15_000 }).toBeGreaterThan(0.02);
    const positions = await nodePositions(page);
    for (const service of ['payments', 'checkout', 'orders']) {
      expect(Object.keys(positions)).toContain(service);
    }
    await expect(canvas).toHaveAttribute('data-focus', '');
    await expect(page.getByTestId('kompas-dataflow-message')).toHaveCount(0);
    await saveScreenshot(page, 'dashboard-shop-dataflow');
    expect(consoleErrors).toEqual([]);
  });

  test('?var-focus=payments opens the map zoomed on payments with its edges highlighted', async ({
    page,
    consoleErrors,
  }) => {
    const canvas = await openMap(page, '?dashboard=shop-dataflow&var-focus=payments');
    await expect(canvas).toHaveAttribute('data-focus', 'payments');
    await expect(page.getByLabel('Variable focus')).toHaveValue('payments');
    const box = await canvasBox(page);
    const focused = await waitForSettledPositions(page);
    const payments = focused.payments;
    expect(Math.abs(payments.x - box.width / 2)).toBeLessThan(5);
    expect(Math.abs(payments.y - box.height / 2)).toBeLessThan(5);
    const focusZoom = await zoomLevel(page);
    // A frame that throws stops the canvas redrawing: it keeps an old picture (the whole map, undimmed) while
    // the positions above follow the focus. Name such an error here rather than as "not dimmed" below.
    expect(consoleErrors, 'the map drew the focus without errors').toEqual([]);

    // Its database is a neighbour (lit); the visible services farthest from payments are not (dimmed). Three of
    // them, judged by the median: a group name (drawn undimmed, on top) can sit beside any one of them.
    expect(Object.keys(focused)).toContain('payments-db');
    const neighbour = focused['payments-db'];
    const distance = (p: CanvasPoint) => Math.hypot(p.x - payments.x, p.y - payments.y);
    const farIds = Object.entries(focused)
      .filter(
        ([id, p]) => id !== 'payments-db' && p.x > 20 && p.y > 60 && p.x < box.width - 20 && p.y < box.height - 40
      )
      .sort((a, b) => distance(b[1]) - distance(a[1]))
      .slice(0, 3)
      .map(([id]) => id);
    const inkOf = async (points: CanvasPoint[]) => {
      const reads = [await inkAround(page, points), await inkAround(page, points), await inkAround(page, points)];
      return points.map((_, i) => median(reads.map((r) => r[i])));
    };
    const [neighbourLit, ...farDimmed] = await inkOf([neighbour, ...farIds.map((id) => focused[id])]);
    await saveScreenshot(page, 'dashboard-focus-payments');
    await saveElementScreenshot(page.getByTestId('sandbox-panel'), 'dashboard-focus-payments-map');

    // Clearing the variable un-dims the map without moving the view, so the same pixels can be compared.
    const focusBox = page.getByLabel('Variable focus');
    await focusBox.fill('');
    await focusBox.press('Enter');
    await expect(canvas).toHaveAttribute('data-focus', '');
    const plain = await nodePositions(page);
    expect(maxShift(focused, plain)).toBeLessThan(1);
    // The canvas redraws on its next animation frame (and the cleared variable re-runs the live query): read the
    // plain map until it has been drawn.
    let neighbourPlain = 0;
    let farPlain: number[] = [];
    const farRatio = async () => {
      [neighbourPlain, ...farPlain] = await inkOf([plain['payments-db'], ...farIds.map((id) => plain[id])]);
      return median(farIds.map((_, i) => farDimmed[i] / farPlain[i]));
    };
    await expect
      .poll(farRatio, { timeout: 10_000, message: `${farIds.join(', ')} should be dimmed while payments is in focus` })
      .toBeLessThan(0.75);
    test.info().annotations.push({
      type: 'ink (focus / plain)',
      description: `${farIds.map((id, i) => `${id} ${farDimmed[i].toFixed(0)} / ${farPlain[i].toFixed(0)}`).join(', ')}, payments-db ${neighbourLit.toFixed(0)} / ${neighbourPlain.toFixed(0)}`,
    });
    expect(neighbourLit, 'payments-db (a neighbour) should stay lit').toBeGreaterThan(0.85 * neighbourPlain);

    // Zoomed in on payments: closer than the zoom that fits the whole map.
    await page.getByTestId('kompas-dataflow-fit').click();
    await expect.poll(() => zoomLevel(page)).toBeLessThan(focusZoom);
    expect(consoleErrors).toEqual([]);
  });

  test('a refresh a minute later (new rows, new window) keeps the map in place', async ({ page, consoleErrors }) => {
    await openMap(page, '?dashboard=shop-dataflow');
    const box = await canvasBox(page);
    const before = await waitForSettledPositions(page);
    // A minute later the 5-minute window has slid: a minute of normal traffic left it, the incident stays.
    const later = Number(process.env.KOMPAS_E2E_SEED_END_MS) + 65_000;
    await page.clock.setFixedTime(later);
    const refreshed = page.waitForResponse(
      (r) => r.url().endsWith('/api/ds/query') && Number(r.request().postDataJSON()?.to) >= later - 1_000
    );
    await page.getByTestId('data-testid RefreshPicker run button').click();
    expect((await refreshed).status()).toBe(200);
    const after = await waitForSettledPositions(page);
    expect(Object.keys(after).length).toBeGreaterThan(10);
    expect(maxShift(before, after)).toBeLessThan(0.02 * box.width);
    await expect(mapCanvas(page)).not.toHaveAttribute('data-layout', 'pending');
    expect(consoleErrors).toEqual([]);
  });

  test('"Show an example request" on payments → payments-db draws its route, fetched from Jaeger by the exemplar id (issue 8)', async ({
    page,
    consoleErrors,
  }) => {
    const canvas = await openMap(page, '?dashboard=shop-dataflow');
    await waitForSettledPositions(page);
    // The edge's tooltip names its exemplar: the slowest request the seeded buckets kept for it.
    const edge = await pointAtEdge(page, 'payments', 'payments-db');
    const exemplar = /([0-9a-f]{32}) \(right-click to show its route\)/.exec(edge.tooltip)?.[1];
    expect(exemplar, `exemplar in the tooltip: ${edge.tooltip}`).toBeDefined();

    await page.mouse.click(edge.x, edge.y, { button: 'right' });
    // The frames' data link, its title filled from the edge's row (Grafana's ${__data.fields.x}).
    await expect(page.getByRole('menuitem', { name: /^Traces from payments to payments-db/ })).toBeVisible();
    await page.getByRole('menuitem', { name: 'Show an example request' }).click();
    await expect(page.getByLabel('Variable routeTrace')).toHaveValue(exemplar!);
    const routeBar = page.getByTestId('kompas-dataflow-route');
    await expect(routeBar).toContainText(`Route of ${exemplar}`, { timeout: 30_000 });
    await expect(routeBar).toHaveAttribute('data-trace-id', exemplar!);
    await expect(routeBar).toContainText(/\d+ hops · critical path [\d.]+ (ms|s)/);
    expect(Number(await routeBar.getAttribute('data-hops'))).toBeGreaterThan(3);
    await expect.poll(async () => Number(await canvas.getAttribute('data-route-edges'))).toBeGreaterThan(3);

    // The slow hop itself: its step on the route with its duration, during the payments-db-locking incident.
    const onRoute = await pointAtEdge(page, 'payments', 'payments-db', /Step \d+/);
    expect(onRoute.tooltip).toMatch(/Step \d+\s*[\d.]+ (ms|s), (ok|failed)/);
    await saveScreenshot(page, 'dashboard-example-request-route');
    expect(consoleErrors).toEqual([]);
  });
});
