import { Page } from '@playwright/test';
import { startJaegerReplay } from '../sandbox/jaeger-replay/src';
import { demoShopTraces } from '../sandbox/jaeger-replay/src/demoTraces';
import { expect, saveScreenshot, test } from './sandboxPage';
import {
  dataState,
  DS,
  edgeCount,
  hoverNode,
  nodeCount,
  openDashboard,
  openSettings,
  panelStatusText,
  readDataSource,
  restoreDataSource,
  saveAndTest,
} from './datasourcePage';
import { mapCanvas, nodePositions } from './panelPage';

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

  test('a one-shot bottleneck of the payments incident says what the edge was in the minute before', async ({
    page,
    request,
    consoleErrors,
  }) => {
    test.setTimeout(90_000);
    // Its own replay: a normal minute of the demo shop, then a minute of payments-db locking ending now.
    const endMs = Date.now();
    const replay = await startJaegerReplay({
      port: 0,
      traces: [],
      extraTraces: demoShopTraces({ endMs: endMs - 60_000, durationMs: 60_000, ratePerSecond: 5 }),
      demoShop: { endMs, durationMs: 60_000, ratePerSecond: 5, incidents: ['payments-db-locking'] },
    });
    const saved = await readDataSource(request, DS.jaeger);
    try {
      const jsonData = { ...(saved.jsonData as Record<string, unknown>), jaegerUrl: replay.url };
      expect((await request.put(`/api/datasources/uid/${DS.jaeger}`, { data: { jsonData } })).ok()).toBe(true);
      await openDashboard(page, {
        datasourceUid: DS.jaeger,
        query: { source: 'jaeger', queryType: 'traces', streaming: false, service: 'api-gateway', limit: 1000 },
        time: { from: 'now-1m', to: 'now' },
      });
      const canvas = mapCanvas(page);
      await expect(canvas).toHaveAttribute('data-bottleneck', 'payments->payments-db#database', { timeout: 30_000 });
      const positions = await nodePositions(page);
      const box = (await canvas.boundingBox())!;
      const [from, to] = [positions.payments, positions['payments-db']];
      await page.mouse.move(box.x + (from.x + to.x) / 2, box.y + (from.y + to.y) / 2);
      const tooltip = (await page.getByTestId('kompas-dataflow-tooltip').textContent()) ?? '';
      expect(tooltip).toMatch(
        /Bottleneck\s*payments → payments-db: \d+ % of critical-path time of the slowest requests, p95 [\d.]+ m?s, was \d+ ms/
      );
      console.log(`one-shot Jaeger bottleneck tooltip: ${tooltip}`);
      await saveScreenshot(page, 'datasource-jaeger-bottleneck-was');
      expect(consoleErrors).toEqual([]);
    } finally {
      await restoreDataSource(request, DS.jaeger, saved);
      await replay.close();
    }
  });

  test('Save & test on a v1-only Jaeger names the v1 API and logs no console error', async ({
    page,
    consoleErrors,
  }) => {
    await openDashboard(page, {
      datasourceUid: DS.jaeger,
      query: { source: 'jaeger', queryType: 'dependencies', streaming: false },
    });
    await openSettings(page);
    expect(await saveAndTest(page)).toMatch(/Jaeger query API v1 reachable: \d+ services/);
    expect(consoleErrors).toEqual([]);
  });

  test('a response announced above the size cap fails from its Content-Length, before the body', async ({
    page,
    request,
    consoleErrors,
  }) => {
    const saved = await readDataSource(request, DS.jaeger);
    try {
      // The replay announces 64 MB and then stalls: only a check of the header ends this query.
      const jsonData = {
        ...(saved.jsonData as Record<string, unknown>),
        maxResponseBytes: 1024 * 1024,
        jaegerUrl: `${process.env.KOMPAS_JAEGER_URL}/fault/huge-declared`,
      };
      expect((await request.put(`/api/datasources/uid/${DS.jaeger}`, { data: { jsonData } })).ok()).toBe(true);
      await openDashboard(page, {
        datasourceUid: DS.jaeger,
        query: { source: 'jaeger', queryType: 'traces', streaming: false, service: 'api-gateway' },
      });
      await expect.poll(() => dataState(page), { timeout: 20_000 }).toBe('Error');
      expect(await panelStatusText(page)).toMatch(
        /Jaeger response is larger than 1\.0 MB \(at least 64\.0 MB\): narrow the time range/
      );
      expect(consoleErrors.filter((e) => e.startsWith('page error'))).toEqual([]);
    } finally {
      await restoreDataSource(request, DS.jaeger, saved);
    }
  });
});
