import { Page } from '@playwright/test';
import { expect, saveScreenshot, test } from './sandboxPage';
import { dataState, DS, edgeCount, hoverNode, nodeCount, openDashboard } from './datasourcePage';

/** Services of the recorded real traces (sandbox/jaeger-replay/testdata, from the Jaeger UI's fixtures). */
const RECORDED_SERVICES = ['customers-service', 'api-gateway', 'ride-sharing-app'];

async function searchServices(page: Page, text: string): Promise<string[]> {
  const search = page.getByTestId('kompas-dataflow-search');
  await search.fill(text);
  const list = page.getByRole('listbox', { name: 'Matching services' });
  const names = (await list.isVisible()) ? await list.getByRole('option').allTextContents() : [];
  await search.fill('');
  return names;
}

async function expectRecordedServices(page: Page): Promise<void> {
  for (const service of RECORDED_SERVICES) {
    await expect.poll(() => searchServices(page, service), { message: `${service} is on the map` }).toContain(service);
  }
}

test.describe('datasource: Jaeger source against the replay server', () => {
  test('traces mode shows the graph of the recorded traces', async ({ page, consoleErrors }) => {
    await openDashboard(page, {
      datasourceUid: DS.jaeger,
      query: { source: 'jaeger', queryType: 'traces', streaming: false, limit: 1000 },
    });
    await expect.poll(() => nodeCount(page), { timeout: 30_000 }).toBeGreaterThan(0);
    await expect.poll(() => dataState(page)).toBe('Done');
    expect(await edgeCount(page)).toBeGreaterThan(0);
    await expectRecordedServices(page);
    // The recorded customers-service (called by api-gateway) is a node a person can hover and read
    // (its edge can hide under the demo shop's api-gateway edges in this crowded map).
    await expect
      .poll(async () => (await hoverNode(page, 'customers-service'))?.rows.Requests ?? '', { timeout: 10_000 })
      .toMatch(/^[1-9]\d*$/);
    // The query editor's service picker is filled from the replayed /api/services.
    await page.getByTestId('kompas-query-service').fill('customers');
    await expect(page.getByRole('option', { name: 'customers-service', exact: true })).toBeVisible();
    await page.keyboard.press('Escape');
    await saveScreenshot(page, 'datasource-jaeger-traces');
    expect(consoleErrors).toEqual([]);
  });

  test('dependencies mode shows the recorded services too', async ({ page, consoleErrors }) => {
    await openDashboard(page, {
      datasourceUid: DS.jaeger,
      query: { source: 'jaeger', queryType: 'dependencies', streaming: false },
    });
    const queryType = page.getByTestId('kompas-query-type');
    await expect(queryType.getByRole('radio', { name: 'Dependencies' })).toBeChecked();
    await expect.poll(() => nodeCount(page), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await edgeCount(page)).toBeGreaterThan(0);
    await expectRecordedServices(page);
    await saveScreenshot(page, 'datasource-jaeger-dependencies');

    // Switching the mode in the editor re-runs the query as traces and still shows them.
    await queryType.getByRole('radio', { name: 'Traces' }).check({ force: true });
    await expect(queryType.getByRole('radio', { name: 'Traces' })).toBeChecked();
    await expect.poll(() => dataState(page), { timeout: 30_000 }).toBe('Done');
    await expectRecordedServices(page);
    expect(consoleErrors).toEqual([]);
  });
});
