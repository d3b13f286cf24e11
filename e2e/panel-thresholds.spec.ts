import { Page } from '@playwright/test';
import { expect, test } from './sandboxPage';
import { canvasBox, mapCanvas, nodePositions, waitForSettledPositions } from './panelPage';
import { openDashboardMap, POSTGRES_DATASOURCE, sandboxDashboard, sqlTarget } from './sandboxSetup';

/** Kompas's own rate and p95 fields, or stock Node Graph stat fields as another datasource names them. */
const KOMPAS_STATS = 'rate, p95';
const NODE_GRAPH_STATS = '"detail__requests per second", "detail__latency p95"';

/** Three services from SQL with a rate and a p95: "slow" answers in 250 ms, everything else fast. */
function thresholdsDashboard(overrides: unknown[], stats = KOMPAS_STATS) {
  const dashboard = sandboxDashboard({
    panelTitle: 'Thresholds',
    datasource: POSTGRES_DATASOURCE,
    targets: [
      sqlTarget(
        'A',
        `SELECT * FROM (VALUES ('e0', 'user', 'web', 50.0, 20.0), ('e1', 'web', 'slow', 20.0, 20.0)) AS t(id, source, target, ${stats})`
      ),
      sqlTarget(
        'B',
        `SELECT * FROM (VALUES ('web', 'web', 50.0, 40.0), ('slow', 'slow', 20.0, 250.0)) AS t(id, title, ${stats})`
      ),
    ],
    // Still frames: no particles crossing the sampled pixels.
    options: { animation: false, groupField: '' },
  });
  dashboard.panels[0].fieldConfig = { defaults: {}, overrides: overrides as never[] };
  return dashboard;
}

/** Ring pixels of a node by hue: orange-ish (red well above green and blue) and green-ish. */
async function ringHues(page: Page, nodeId: string): Promise<{ orange: number; green: number }> {
  const centre = (await nodePositions(page))[nodeId];
  return mapCanvas(page).evaluate((node, { x, y }) => {
    const canvas = node as HTMLCanvasElement;
    const scale = canvas.width / canvas.clientWidth;
    const r = Math.ceil(32 * scale);
    const { data } = canvas
      .getContext('2d')!
      .getImageData(Math.round(x * scale) - r, Math.round(y * scale) - r, 2 * r, 2 * r);
    let orange = 0;
    let green = 0;
    for (let i = 0; i < data.length; i += 4) {
      const [red, grn, blue, alpha] = [data[i], data[i + 1], data[i + 2], data[i + 3]];
      if (alpha > 200 && red > grn + 40 && red > blue + 100) {
        orange++;
      } else if (alpha > 200 && grn > red + 40 && grn > blue + 40) {
        green++;
      }
    }
    return { orange, green };
  }, centre);
}

/** Standard Thresholds on the p95 field, as the migration and the provisioned dashboard write them. */
const p95Override = {
  matcher: { id: 'byName', options: 'p95' },
  properties: [
    {
      id: 'thresholds',
      value: {
        mode: 'absolute',
        steps: [
          { value: null, color: 'green' },
          { value: 200, color: 'orange' },
          { value: 800, color: 'red' },
        ],
      },
    },
  ],
};

/** With the 200 / 800 ms p95 override the 250 ms service turns orange and the legend says so. */
async function expectP95OverrideColours(page: Page): Promise<void> {
  await expect(mapCanvas(page)).toHaveAttribute('data-node-count', '3');
  await waitForSettledPositions(page);
  await expect.poll(async () => (await ringHues(page, 'slow')).orange).toBeGreaterThan(20);
  // The fast service keeps its colour: the override moved the p95 levels, not everything.
  expect((await ringHues(page, 'web')).orange).toBe(0);
  await expect(page.getByTestId('kompas-dataflow-legend')).toContainText('p95 ≥ 200 ms');
}

test.describe('health colours from the standard thresholds (issue 9: colour by health thresholds from the field config)', () => {
  test('a p95 thresholds override on the p95 field turns a 250 ms service from green to orange', async ({
    page,
    consoleErrors,
  }) => {
    await openDashboardMap(page, thresholdsDashboard([]));
    await expect(mapCanvas(page)).toHaveAttribute('data-node-count', '3');
    await waitForSettledPositions(page);
    // Default p95 thresholds 300 ms / 1 s: 250 ms is fine.
    await expect.poll(() => ringHues(page, 'slow')).toMatchObject({ orange: 0, green: expect.any(Number) });
    expect((await ringHues(page, 'slow')).green).toBeGreaterThan(20);

    await openDashboardMap(page, thresholdsDashboard([p95Override]));
    await expectP95OverrideColours(page);
    expect(consoleErrors).toEqual([]);
  });

  test("the p95 override also colours another datasource's p95 stat field, where Grafana does not apply it", async ({
    page,
    consoleErrors,
  }) => {
    await openDashboardMap(page, thresholdsDashboard([p95Override], NODE_GRAPH_STATS));
    await expectP95OverrideColours(page);
    expect(consoleErrors).toEqual([]);
  });

  test('the entry client, which serves nothing, shows in its tooltip what it sends', async ({
    page,
    consoleErrors,
  }) => {
    await openDashboardMap(page, thresholdsDashboard([]));
    await expect(mapCanvas(page)).toHaveAttribute('data-node-count', '3');
    const user = (await waitForSettledPositions(page)).user;
    const box = await canvasBox(page);
    await page.mouse.move(box.x + user.x, box.y + user.y);
    const tooltip = page.getByTestId('kompas-dataflow-tooltip');
    await expect(tooltip.getByTestId('kompas-dataflow-tooltip-sent')).toHaveText('Serves no requests; what it sends:');
    await expect(tooltip.getByRole('row', { name: /^Sent/ }).getByRole('cell')).toHaveText('50/s');
    await expect(tooltip.getByRole('row', { name: /^Calls/ }).getByRole('cell')).toHaveText('1 service');
    expect(consoleErrors).toEqual([]);
  });
});
