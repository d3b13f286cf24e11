import { Page } from '@playwright/test';
import { expect, test } from './sandboxPage';
import { mapCanvas, nodePositions, waitForSettledPositions } from './panelPage';
import { openDashboardMap, POSTGRES_DATASOURCE, sandboxDashboard, sqlTarget } from './sandboxSetup';

/** Three services from SQL with Kompas's rate and p95 fields: "slow" answers in 250 ms, everything else fast. */
function thresholdsDashboard(overrides: unknown[]) {
  const dashboard = sandboxDashboard({
    panelTitle: 'Thresholds',
    datasource: POSTGRES_DATASOURCE,
    targets: [
      sqlTarget(
        'A',
        `SELECT * FROM (VALUES ('e0', 'user', 'web', 50.0, 20.0), ('e1', 'web', 'slow', 20.0, 20.0)) AS t(id, source, target, rate, p95)`
      ),
      sqlTarget(
        'B',
        `SELECT * FROM (VALUES ('web', 'web', 50.0, 40.0), ('slow', 'slow', 20.0, 250.0)) AS t(id, title, rate, p95)`
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
    await openDashboardMap(page, thresholdsDashboard([p95Override]));
    await expect(mapCanvas(page)).toHaveAttribute('data-node-count', '3');
    await waitForSettledPositions(page);
    await expect.poll(async () => (await ringHues(page, 'slow')).orange).toBeGreaterThan(20);
    // The fast service keeps its colour: the override moved the p95 levels, not everything.
    expect((await ringHues(page, 'web')).orange).toBe(0);
    await expect(page.getByTestId('kompas-dataflow-legend')).toContainText('p95 ≥ 200 ms');
    expect(consoleErrors).toEqual([]);
  });
});
