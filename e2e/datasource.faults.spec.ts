import { Page } from '@playwright/test';
import { expect, saveScreenshot, test } from './sandboxPage';
import {
  closeSettings,
  dataState,
  DS,
  nodeCount,
  openDashboard,
  openSettings,
  panelStatusText,
  saveAndTest,
  setJaegerUrl,
} from './datasourcePage';

const replayUrl = () => {
  const url = process.env.KOMPAS_JAEGER_URL;
  if (!url) {
    throw new Error(
      'KOMPAS_JAEGER_URL is not set: run through e2e/playwright.config.ts (globalSetup starts the replay server)'
    );
  }
  return url;
};

const TRACES_QUERY = { source: 'jaeger', queryType: 'traces', streaming: false, limit: 200 };

interface FaultCase {
  name: string;
  /** Jaeger URL typed into the ConfigEditor. */
  url: () => string;
  /** What Save & test and the panel say. */
  message: RegExp;
  /** Extra ConfigEditor edits before saving. */
  configure?: (page: Page) => Promise<void>;
  /**
   * The case depends on browser-side options (size cap, timeout): they must reach new instances right after
   * Save & test (the sandbox reloads frontend settings as Grafana does), and also after a page reload.
   */
  browserSideOption?: boolean;
}

const fault = (mode: string) => () => `${replayUrl()}/fault/${mode}`;

const CASES: FaultCase[] = [
  // Port 9 (discard) is closed on the test machine: the proxy cannot connect.
  { name: 'unreachable URL', url: () => 'http://127.0.0.1:9', message: /could not reach Jaeger \(502 Bad Gateway\)/ },
  { name: '401', url: fault('401'), message: /access denied .*check the credentials/ },
  { name: '403', url: fault('403'), message: /access denied \(403.*check the credentials/ },
  { name: '404', url: fault('404'), message: /not found \(404\): the URL path is wrong/ },
  { name: '500', url: fault('500'), message: /replay: injected internal error \(500/ },
  { name: 'HTML instead of JSON', url: fault('html'), message: /HTML page instead of JSON/ },
  { name: 'truncated JSON', url: fault('truncated'), message: /not valid JSON \(truncated or corrupt/ },
  { name: 'errors in the body', url: fault('errors'), message: /error 503: storage backend unavailable/ },
  { name: 'not a Jaeger', url: fault('notjaeger'), message: /no "data" field, so this is not the Jaeger query API/ },
  {
    name: 'enormous response',
    url: fault('huge'),
    message: /larger than 5\.0 MB .*narrow the time range/,
    browserSideOption: true,
    configure: async (page) => {
      const max = page.getByTestId('kompas-config-max-response-mb');
      await max.fill('5');
      await max.blur();
    },
  },
  {
    name: 'timeout',
    url: fault('slow'),
    message: /no answer within 1 s \(timeout\)/,
    browserSideOption: true,
    configure: async (page) => {
      const timeout = page.getByTestId('kompas-config-timeout');
      await timeout.fill('1');
      await timeout.blur();
    },
  },
];

test.describe('datasource: bad input is shown as text', () => {
  for (const c of CASES) {
    test(`Jaeger ${c.name}: Save & test and the panel say what is wrong`, async ({ page, consoleErrors }) => {
      await openDashboard(page, { datasourceUid: DS.jaeger, query: TRACES_QUERY });
      await expect.poll(() => nodeCount(page), { timeout: 30_000 }).toBeGreaterThan(0);
      await openSettings(page);
      await setJaegerUrl(page, c.url());
      await c.configure?.(page);
      const result = await saveAndTest(page);
      expect(result).toMatch(c.message);
      expect(result).not.toMatch(/\bat \w+ \(|TypeError|undefined/);
      await closeSettings(page);

      // The saved settings re-create the datasource; the panel's query fails with the same sentence.
      await expect.poll(() => dataState(page), { timeout: 20_000 }).toBe('Error');
      expect(await panelStatusText(page)).toMatch(c.message);
      await saveScreenshot(page, `datasource-fault-${c.name.replace(/\W+/g, '-')}`);
      // No crash: the page is alive and only the expected failed requests were logged.
      expect(consoleErrors.filter((e) => e.startsWith('page error'))).toEqual([]);
      await expect(page.getByLabel('Query editor rows')).toBeVisible();
    });
  }

  for (const c of CASES.filter((k) => k.browserSideOption)) {
    test(`Jaeger ${c.name}, after a page reload: Save & test and the panel say what is wrong`, async ({
      page,
      consoleErrors,
    }) => {
      await openDashboard(page, { datasourceUid: DS.jaeger, query: TRACES_QUERY });
      await openSettings(page);
      await setJaegerUrl(page, c.url());
      await c.configure?.(page);
      await saveAndTest(page);
      // A reload brings the saved jsonData in the boot data, as Grafana's settings reload does.
      await page.reload();
      await expect.poll(() => dataState(page), { timeout: 30_000 }).toBe('Error');
      expect(await panelStatusText(page)).toMatch(c.message);
      await openSettings(page);
      expect(await saveAndTest(page)).toMatch(c.message);
      expect(consoleErrors.filter((e) => e.startsWith('page error'))).toEqual([]);
    });
  }

  test('the query editor names a failing service lookup', async ({ page }) => {
    await openDashboard(page, { datasourceUid: DS.jaeger, query: TRACES_QUERY });
    await openSettings(page);
    await setJaegerUrl(page, fault('401')());
    await saveAndTest(page);
    await closeSettings(page);
    await expect(page.getByTestId('kompas-query-lookup-error')).toContainText(/Jaeger services: access denied/);
  });

  test('a Jaeger range with no traces shows the empty state, not an error', async ({ page, consoleErrors }) => {
    const dayAgo = new Date(Date.now() - 24 * 3600_000);
    await openDashboard(page, {
      datasourceUid: DS.jaeger,
      query: TRACES_QUERY,
      time: { from: new Date(dayAgo.getTime() - 3600_000).toISOString(), to: dayAgo.toISOString() },
    });
    await expect.poll(() => dataState(page), { timeout: 30_000 }).toBe('Done');
    await expect(page.getByTestId('kompas-dataflow-message')).toContainText('No dataflow to show');
    expect(consoleErrors).toEqual([]);
  });

  test('Jaeger answering an empty list: Save & test says so, the panel shows the empty state', async ({ page }) => {
    await openDashboard(page, { datasourceUid: DS.jaeger, query: TRACES_QUERY });
    await openSettings(page);
    await setJaegerUrl(page, fault('empty')());
    expect(await saveAndTest(page)).toMatch(/reachable: no services have reported traces yet/);
    await closeSettings(page);
    await expect.poll(() => dataState(page), { timeout: 30_000 }).toBe('Done');
    await expect(page.getByTestId('kompas-dataflow-message')).toContainText('No dataflow to show');
  });

  test('an empty time range (start after end) is named', async ({ page, consoleErrors }) => {
    await openDashboard(page, {
      datasourceUid: DS.jaeger,
      query: TRACES_QUERY,
      time: { from: new Date().toISOString(), to: new Date(Date.now() - 3600_000).toISOString() },
    });
    await expect.poll(() => dataState(page), { timeout: 20_000 }).toBe('Error');
    expect(await panelStatusText(page)).toMatch(/Time range is empty: choose a range whose start is before its end/);
    expect(consoleErrors).toEqual([]);
  });

  test('a hostile $service value is passed as one literal value, never as extra query parameters', async ({
    page,
    consoleErrors,
  }) => {
    const jaegerRequests: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/datasources/proxy/uid/kompas-jaeger/jaeger/api/traces')) {
        jaegerRequests.push(r.url());
      }
    });
    const hostile = 'api-gateway&limit=1&service=ride-sharing-app" <img src=x onerror=alert(1)>';
    await openDashboard(page, {
      datasourceUid: DS.jaeger,
      query: { ...TRACES_QUERY, service: '$service' },
      path: `/?var-service=${encodeURIComponent(hostile)}`,
    });
    // No service has that name: an empty map, not the ride-sharing-app traces an injected parameter would fetch.
    await expect.poll(() => dataState(page), { timeout: 30_000 }).toBe('Done');
    await expect(page.getByTestId('kompas-dataflow-message')).toContainText('No dataflow to show');
    expect(jaegerRequests.length).toBeGreaterThan(0);
    for (const url of jaegerRequests) {
      expect(new URL(url).searchParams.getAll('service')).toEqual([hostile]);
    }
    expect(consoleErrors).toEqual([]);
  });

  test('a $service value with a line break is refused with a message', async ({ page }) => {
    await openDashboard(page, {
      datasourceUid: DS.jaeger,
      query: { ...TRACES_QUERY, service: '$service' },
      path: `/?var-service=${encodeURIComponent('api-gateway\nX-Injected: 1')}`,
    });
    await expect.poll(() => dataState(page), { timeout: 20_000 }).toBe('Error');
    expect(await panelStatusText(page)).toMatch(/Service: the value contains control characters/);
  });

  test('a live Jaeger stream shows a failing tick and recovers on the next one', async ({ page }) => {
    await openDashboard(page, {
      datasourceUid: DS.jaeger,
      query: { ...TRACES_QUERY, streaming: true, cadenceMs: 1000, windowMs: 3600_000 },
    });
    await expect.poll(() => dataState(page), { timeout: 30_000 }).toBe('Streaming');
    await expect.poll(() => nodeCount(page)).toBeGreaterThan(0);
    const nodesBefore = await nodeCount(page);

    // From now on the proxied Jaeger requests go to the replay server's 500 fault, through the real proxy.
    const proxied = '**/api/datasources/proxy/uid/kompas-jaeger/jaeger/api/traces**';
    await page.route(proxied, (route) =>
      route.continue({ url: route.request().url().replace('/jaeger/api/', '/jaeger/fault/500/api/') })
    );
    await expect.poll(() => dataState(page), { timeout: 10_000 }).toBe('Error');
    expect(await panelStatusText(page)).toMatch(/replay: injected internal error \(500/);
    // The last good map stays on screen while the error is shown.
    expect(await nodeCount(page)).toBe(nodesBefore);

    await page.unroute(proxied);
    const healedAt = Date.now();
    await expect.poll(() => dataState(page), { timeout: 5_000, intervals: [50] }).toBe('Streaming');
    console.log(`stream recovered ${Date.now() - healedAt} ms after Jaeger healed`);
    await expect(page.getByTestId('sandbox-panel').getByRole('button', { name: 'Panel status' })).toHaveCount(0);
    expect(await nodeCount(page)).toBeGreaterThan(0);
  });

  test('a live stream whose Jaeger URL is switched to a fault and back recovers', async ({ page }) => {
    await openDashboard(page, {
      datasourceUid: DS.jaeger,
      query: { ...TRACES_QUERY, streaming: true, cadenceMs: 1000, windowMs: 3600_000 },
    });
    await expect.poll(() => dataState(page), { timeout: 30_000 }).toBe('Streaming');
    await openSettings(page);
    await setJaegerUrl(page, fault('502')());
    expect(await saveAndTest(page)).toMatch(/could not reach Jaeger \(502 Bad Gateway\)/);
    await expect.poll(() => dataState(page), { timeout: 10_000 }).toBe('Error');
    await setJaegerUrl(page, replayUrl());
    expect(await saveAndTest(page)).toMatch(/Jaeger query API v1.* reachable: \d+ services/);
    await closeSettings(page);
    await expect.poll(() => dataState(page), { timeout: 10_000 }).toBe('Streaming');
    await expect.poll(() => nodeCount(page)).toBeGreaterThan(0);
    await expect(page.getByTestId('sandbox-panel').getByRole('button', { name: 'Panel status' })).toHaveCount(0);
  });
});
