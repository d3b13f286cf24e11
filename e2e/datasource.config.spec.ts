import { expect, test } from './sandboxPage';
import { closeSettings, DS, openDashboard, openSettings, saveAndTest } from './datasourcePage';

test.describe('datasource: ConfigEditor', () => {
  test('a saved bearer token is never sent back to the browser', async ({ page, consoleErrors }) => {
    const token = `e2e-secret-${Date.now().toString(36)}`;
    const fromServer: Array<{ url: string; body: string }> = [];
    page.on('response', async (response) => {
      if (/\/api\/datasources/.test(response.url()) && !/\/proxy\//.test(response.url())) {
        fromServer.push({ url: response.url(), body: await response.text().catch(() => '') });
      }
    });
    await openDashboard(page, {
      datasourceUid: DS.jaeger,
      query: { source: 'jaeger', queryType: 'dependencies', streaming: false },
    });
    await openSettings(page);
    // The radio input is visually hidden under its label inside the scrolling drawer: click it as the label would.
    const bearer = page.getByTestId('kompas-config-jaeger-auth').getByRole('radio', { name: 'Bearer token' });
    await bearer.dispatchEvent('click');
    await expect(bearer).toBeChecked();
    await page.getByTestId('kompas-config-bearer-token').fill(token);
    expect(await saveAndTest(page)).toMatch(/Jaeger query API v1.* reachable/);
    await closeSettings(page);

    // Reopen: the editor shows the token as configured (a Reset button), not its value.
    await openSettings(page);
    const secret = page.getByTestId('kompas-config-bearer-token');
    await expect(secret).toHaveValue('configured');
    await expect(secret).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Reset' }).last()).toBeVisible();

    const settings = fromServer.filter((r) => /\/api\/datasources\/uid\/kompas-jaeger$/.test(r.url));
    expect(settings.length).toBeGreaterThanOrEqual(2);
    const latest = JSON.parse(settings[settings.length - 1].body) as {
      secureJsonFields?: Record<string, boolean>;
      secureJsonData?: unknown;
    };
    expect(latest.secureJsonFields).toMatchObject({ bearerToken: true });
    expect(latest.secureJsonData).toBeUndefined();
    for (const response of fromServer) {
      expect(response.body, response.url).not.toContain(token);
    }
    // Nor in the page Grafana serves (boot data lists every datasource).
    const html = await (await page.request.get('/')).text();
    expect(html).not.toContain(token);
    const list = await (await page.request.get('/api/datasources')).text();
    expect(list).not.toContain(token);
    // Save & test asks only the v1 API (no /api/v3 probe that a v1-only Jaeger answers with 404).
    expect(consoleErrors).toEqual([]);
  });
});
