import { canvasInk, expect, openSandbox, saveScreenshot, test } from './sandboxPage';
import { drawnColours, openMap, waitForSettledPositions } from './panelPage';

test.describe('sandbox loads the built plugins like Grafana', () => {
  test('both module.js files load through SystemJS and the panel draws the demo shop', async ({
    page,
    consoleErrors,
  }) => {
    const modules: string[] = [];
    page.on('response', (response) => {
      if (/\/public\/plugins\/kompas-dataflow-(panel|datasource)\/module\.js$/.test(response.url()) && response.ok()) {
        modules.push(response.url());
      }
    });
    await openSandbox(page);
    const panel = page.getByTestId('sandbox-panel');
    await expect(panel.locator('canvas').first()).toBeVisible();
    await expect
      .poll(() => canvasInk(page, '[data-testid="sandbox-panel"] canvas'), { timeout: 20_000 })
      .toBeGreaterThan(0.01);
    expect(modules.some((m) => m.includes('kompas-dataflow-panel'))).toBe(true);
    expect(modules.some((m) => m.includes('kompas-dataflow-datasource'))).toBe(true);
    await expect(page.getByLabel('Query editor rows')).toBeVisible();
    await saveScreenshot(page, 'sandbox-dark');
    expect(consoleErrors).toEqual([]);
  });

  test('light theme renders too', async ({ page, consoleErrors }) => {
    await openMap(page, '?theme=light');
    await expect
      .poll(() => canvasInk(page, '[data-testid="sandbox-panel"] canvas'), { timeout: 20_000 })
      .toBeGreaterThan(0.01);
    await waitForSettledPositions(page);
    // The panel's own pixels: near-white node faces and dark label glyphs (the dark theme draws the reverse).
    const drawn = await drawnColours(page);
    expect(drawn.faceSum).toBeGreaterThan(600);
    expect(drawn.textSum).toBeLessThan(300);
    expect(drawn.textPixels).toBeGreaterThan(50);
    await saveScreenshot(page, 'sandbox-light');
    expect(consoleErrors).toEqual([]);
  });
});
