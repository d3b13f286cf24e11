import { Page } from '@playwright/test';
import { canvasInk, expect, test } from './sandboxPage';
import {
  canvasBox,
  MAP_CANVAS,
  mapCanvas,
  saveElementScreenshot,
  waitForSettledPositions,
  zoomLevel,
} from './panelPage';
import { DEMO_QUERY, openDashboardMap, POSTGRES_DATASOURCE, sandboxDashboard, sqlTarget } from './sandboxSetup';

/** The sandbox dashboard with the Demo source, the panel's options and the demo query's incidents. */
function dashboard(options: Record<string, unknown>, incidents: Record<string, boolean> = {}) {
  return sandboxDashboard({ targets: [{ refId: 'A', ...DEMO_QUERY, streaming: true, incidents }], options });
}

/** A web shop split into domains, as Node Graph frames from SQL (any datasource can feed the panel). */
const SHOP_EDGES: Array<[string, string, number]> = [
  ['user', 'web-frontend', 40],
  ['user', 'mobile-bff', 25],
  ['web-frontend', 'api-gateway', 40],
  ['mobile-bff', 'api-gateway', 25],
  ['api-gateway', 'catalog', 30],
  ['catalog', 'search', 12],
  ['catalog', 'catalog-db', 30],
  ['search', 'search-index', 12],
  ['catalog', 'pricing', 20],
  ['pricing', 'currency', 20],
  ['api-gateway', 'cart', 18],
  ['cart', 'redis-cache', 18],
  ['api-gateway', 'checkout', 6],
  ['checkout', 'cart', 6],
  ['checkout', 'payments', 5],
  ['checkout', 'orders', 5],
  ['orders', 'orders-db', 5],
  ['orders', 'kafka', 5],
  ['payments', 'stripe', 5],
  ['payments', 'payments-db', 5],
  ['payments', 'fraud', 5],
  ['kafka', 'shipping', 5],
  ['kafka', 'notifications', 5],
  ['shipping', 'shipping-rates', 5],
  ['shipping', 'warehouse', 5],
  ['notifications', 'email', 4],
  ['notifications', 'sms', 1],
  ['api-gateway', 'auth', 35],
  ['auth', 'session', 35],
  ['auth', 'users-db', 10],
  ['checkout', 'auth', 5],
];
const SHOP_GROUPS: Record<string, string[]> = {
  web: ['user', 'web-frontend', 'mobile-bff', 'api-gateway'],
  catalog: ['catalog', 'search', 'search-index', 'catalog-db', 'pricing', 'currency'],
  checkout: ['cart', 'redis-cache', 'checkout', 'orders', 'orders-db', 'kafka'],
  payments: ['payments', 'stripe', 'payments-db', 'fraud'],
  fulfilment: ['shipping', 'notifications', 'shipping-rates', 'email', 'sms', 'warehouse'],
  identity: ['auth', 'session', 'users-db'],
};

function groupedSqlDashboard() {
  const edges = SHOP_EDGES.map(([s, t, rate], i) => `('e${i}', '${s}', '${t}', ${rate}.0)`).join(', ');
  const nodes = Object.entries(SHOP_GROUPS)
    .flatMap(([group, ids]) => ids.map((id) => `('${id}', '${id}', '${group}')`))
    .join(', ');
  return sandboxDashboard({
    panelTitle: 'Shop by domain',
    datasource: POSTGRES_DATASOURCE,
    targets: [
      sqlTarget('A', `SELECT * FROM (VALUES ${edges}) AS t(id, source, target, rate)`),
      sqlTarget('B', `SELECT * FROM (VALUES ${nodes}) AS t(id, title, "group")`),
    ],
    options: { groupField: 'group' },
  });
}

async function settledMap(
  page: Page,
  theme: string,
  options: Record<string, unknown>,
  incidents?: Record<string, boolean>
) {
  await openDashboardMap(page, dashboard(options, incidents), `?theme=${theme}`);
  await waitForSettledPositions(page);
  await expect.poll(() => canvasInk(page, MAP_CANVAS), { timeout: 15_000 }).toBeGreaterThan(0.02);
}

test.describe('how the map looks (issue 9: a map a person would be glad to look at)', () => {
  for (const theme of ['dark', 'light'] as const) {
    test(`${theme}: the demo shop, plain and grouped by domain, with insight badges`, async ({
      page,
      consoleErrors,
    }) => {
      await settledMap(page, theme, { groupField: '' });
      await saveElementScreenshot(page.getByTestId('sandbox-panel'), `panel-look-${theme}`);

      await settledMap(page, theme, { groupField: '', layoutMode: 'layered' });
      await saveElementScreenshot(page.getByTestId('sandbox-panel'), `panel-look-${theme}-layered`);

      await openDashboardMap(page, groupedSqlDashboard(), `?theme=${theme}`);
      await expect(mapCanvas(page)).toHaveAttribute('data-node-count', '29');
      await waitForSettledPositions(page);
      const box = await canvasBox(page);
      expect(box.width).toBeGreaterThan(400);
      await saveElementScreenshot(page.getByTestId('sandbox-panel'), `panel-look-${theme}-grouped`);

      // The demo's spans carry service.namespace: grouping by "group" draws one hull per shop domain.
      await settledMap(page, theme, { groupField: 'group' });
      await expect.poll(async () => Number(await mapCanvas(page).getAttribute('data-hulls'))).toBeGreaterThanOrEqual(5);
      await saveElementScreenshot(page.getByTestId('sandbox-panel'), `panel-look-${theme}-demo-grouped`);

      await settledMap(page, theme, { groupField: 'group' }, { 'payments-db-locking': true });
      await saveElementScreenshot(page.getByTestId('sandbox-panel'), `panel-look-${theme}-incident`);
      // Zoomed out, badges shorten or step aside instead of piling up on the labels.
      const fitted = await zoomLevel(page);
      const zoomOut = page.getByTestId('sandbox-panel').getByRole('button', { name: 'Zoom out', exact: true });
      for (let i = 0; i < 4; i++) {
        await zoomOut.click();
      }
      await expect.poll(() => zoomLevel(page)).toBeLessThan(fitted * 0.5);
      await saveElementScreenshot(page.getByTestId('sandbox-panel'), `panel-look-${theme}-incident-far`);
      expect(consoleErrors).toEqual([]);
    });
  }
});
