import { canvasInk, expect, saveScreenshot, test } from './sandboxPage';
import {
  canvasBox,
  drawnColours,
  loneNode,
  MAP_CANVAS,
  mapContainer,
  nodeCount,
  nodePositions,
  openMap,
  Positions,
  saveElementScreenshot,
  servedNodes,
  waitForSettledPositions,
  zoomLevel,
} from './panelPage';

/** Positions that lie outside the canvas (with the node centre as the test: a node cut in half still counts as shown). */
function outside(positions: Positions, width: number, height: number): string[] {
  return Object.entries(positions)
    .filter(([, p]) => p.x < 0 || p.y < 0 || p.x > width || p.y > height)
    .map(([id]) => id);
}

test.describe('Kompas panel on the live demo shop (issue 9)', () => {
  test('renders the demo shop: a drawn canvas, the legend and no console errors', async ({ page, consoleErrors }) => {
    const canvas = await openMap(page);
    await expect.poll(() => canvasInk(page, MAP_CANVAS), { timeout: 15_000 }).toBeGreaterThan(0.02);
    expect(await nodeCount(page)).toBeGreaterThan(40);
    expect(Number(await canvas.getAttribute('data-edge-count'))).toBeGreaterThan(40);
    await expect(canvas).toHaveAttribute('aria-label', /Dataflow map of \d+ services and \d+ connections/);
    const legend = page.getByTestId('kompas-dataflow-legend');
    await expect(legend).toContainText('OK');
    await expect(legend).toContainText('errors or p95');
    await expect(legend).toContainText('database');
    await expect(page.getByTestId('kompas-dataflow-message')).toHaveCount(0);
    expect(consoleErrors).toEqual([]);
  });

  test('a 403 from the alerting API is a small notice over the map, not a silent "no alerts"', async ({ page }) => {
    await page.route('**/api/prometheus/grafana/api/v1/alerts', (route) =>
      route.fulfill({ status: 403, json: { message: 'You do not have permission to read alert rules' } })
    );
    await openMap(page);
    const notice = page.getByTestId('kompas-dataflow-notice');
    await expect(notice).toContainText('Alerts not shown');
    await expect(notice).toContainText('403');
    expect(await nodeCount(page)).toBeGreaterThan(40);
    await saveElementScreenshot(page.getByTestId('sandbox-panel'), 'panel-alerts-403');
  });

  test('zoom to fit brings every node back inside the canvas', async ({ page, consoleErrors }) => {
    await openMap(page);
    const { width, height } = await canvasBox(page);
    // First load is fitted already.
    expect(outside(await nodePositions(page), width, height)).toEqual([]);
    const fitZoom = await zoomLevel(page);
    const zoomIn = page.getByRole('button', { name: 'Zoom in' });
    for (let i = 0; i < 4; i++) {
      await zoomIn.click();
    }
    await expect.poll(() => zoomLevel(page)).toBeGreaterThan(fitZoom * 2);
    // Zoomed in around the centre, the outer nodes leave the view: the fit below has something to do.
    expect(outside(await nodePositions(page), width, height).length).toBeGreaterThan(5);
    await page.getByTestId('kompas-dataflow-fit').click();
    await expect.poll(() => zoomLevel(page)).toBeCloseTo(fitZoom, 2);
    const positions = await nodePositions(page);
    expect(outside(positions, width, height)).toEqual([]);
    // Fit uses the space: the nodes span most of the canvas in at least one direction.
    const xs = Object.values(positions).map((p) => p.x);
    const ys = Object.values(positions).map((p) => p.y);
    const spanShare = Math.max(
      (Math.max(...xs) - Math.min(...xs)) / width,
      (Math.max(...ys) - Math.min(...ys)) / height
    );
    expect(spanShare).toBeGreaterThan(0.6);
    expect(consoleErrors).toEqual([]);
  });

  test('zoom to fit keeps the bottom nodes and their labels clear of the legend', async ({ page, consoleErrors }) => {
    await openMap(page);
    await waitForSettledPositions(page);
    await page.getByTestId('kompas-dataflow-fit').click();
    const box = await canvasBox(page);
    const legend = await page.getByTestId('kompas-dataflow-legend').boundingBox();
    const legendTop = legend!.y - box.y;
    // A label is drawn under its node: centre + the smallest radius (~6 px) + a 12 px line of text.
    const lowest = Math.max(...Object.values(await nodePositions(page)).map((p) => p.y));
    expect(
      lowest + 18,
      `lowest node centre at ${lowest.toFixed(0)} px, legend top at ${legendTop.toFixed(0)} px`
    ).toBeLessThanOrEqual(legendTop);
    expect(consoleErrors).toEqual([]);
  });

  test('hovering a node shows a tooltip with its stats', async ({ page, consoleErrors }) => {
    await openMap(page);
    const box = await canvasBox(page);
    const [id, p] = loneNode(servedNodes(await nodePositions(page)), box.width, box.height);
    const tooltip = page.getByTestId('kompas-dataflow-tooltip');
    await expect(tooltip).toHaveCount(0);
    await page.mouse.move(box.x + p.x, box.y + p.y);
    await expect(tooltip).toBeVisible();
    await expect(tooltip).toHaveAttribute('role', 'tooltip');
    await expect(tooltip.locator('div').first()).toHaveText(id);
    for (const label of ['Rate', 'Requests', 'Failed', 'p50', 'p95', 'p99']) {
      await expect(tooltip.getByRole('rowheader', { name: label, exact: true })).toBeVisible();
    }
    const requests = await tooltip
      .getByRole('row', { name: /Requests/ })
      .getByRole('cell')
      .textContent();
    expect(Number(requests)).toBeGreaterThan(0);
    // Next to the pointer, not somewhere else on the page.
    const tipBox = await tooltip.boundingBox();
    expect(Math.abs(tipBox!.x - (box.x + p.x))).toBeLessThan(40);
    await page.mouse.move(box.x + 2, box.y + box.height - 2);
    await expect(tooltip).toHaveCount(0);
    expect(consoleErrors).toEqual([]);
  });

  test('clicking a node selects it, Esc clears the selection', async ({ page, consoleErrors }) => {
    const canvas = await openMap(page);
    const box = await canvasBox(page);
    const [id, p] = loneNode(await nodePositions(page), box.width, box.height);
    await expect(canvas).toHaveAttribute('data-selected', '');
    const before = await canvasInk(page, MAP_CANVAS);
    await page.mouse.click(box.x + p.x, box.y + p.y);
    await expect(canvas).toHaveAttribute('data-selected', id);
    // The rest of the map is dimmed: the drawing changes, not just an attribute.
    await expect.poll(() => canvasInk(page, MAP_CANVAS)).not.toBeCloseTo(before, 3);
    await mapContainer(page).press('Escape');
    await expect(canvas).toHaveAttribute('data-selected', '');
    expect(consoleErrors).toEqual([]);
  });

  test('search finds a service, zooms to it and selects it', async ({ page, consoleErrors }) => {
    const canvas = await openMap(page);
    const box = await canvasBox(page);
    const fitZoom = await zoomLevel(page);
    const search = page.getByTestId('kompas-dataflow-search');
    await search.fill('paym');
    const matches = page.getByRole('listbox', { name: 'Matching services' });
    await expect(matches.getByRole('option', { name: 'payments', exact: true })).toBeVisible();
    await search.press('Enter');
    await expect(canvas).toHaveAttribute('data-selected', 'payments');
    await expect(matches).toHaveCount(0);
    await expect.poll(() => zoomLevel(page)).toBeGreaterThanOrEqual(Math.max(1, fitZoom));
    const payments = (await nodePositions(page)).payments;
    expect(Math.abs(payments.x - box.width / 2)).toBeLessThan(3);
    expect(Math.abs(payments.y - box.height / 2)).toBeLessThan(3);
    expect(consoleErrors).toEqual([]);
  });

  test('keyboard: + and - zoom, f fits, / opens search, Esc clears', async ({ page, consoleErrors }) => {
    const canvas = await openMap(page);
    const map = mapContainer(page);
    const fitZoom = await zoomLevel(page);
    await map.focus();
    await map.press('+');
    await expect.poll(() => zoomLevel(page)).toBeCloseTo(fitZoom * 1.25, 2);
    await map.press('+');
    await expect.poll(() => zoomLevel(page)).toBeCloseTo(fitZoom * 1.25 * 1.25, 2);
    await map.press('-');
    await expect.poll(() => zoomLevel(page)).toBeCloseTo(fitZoom * 1.25, 2);
    await map.press('f');
    await expect.poll(() => zoomLevel(page)).toBeCloseTo(fitZoom, 2);
    const box = await canvasBox(page);
    const [id, p] = loneNode(await nodePositions(page), box.width, box.height);
    await page.mouse.click(box.x + p.x, box.y + p.y);
    await expect(canvas).toHaveAttribute('data-selected', id);
    await map.focus();
    await map.press('Escape');
    await expect(canvas).toHaveAttribute('data-selected', '');
    await map.press('/');
    await expect(page.getByTestId('kompas-dataflow-search')).toBeFocused();
    // Typing in the search box must not trigger map shortcuts.
    await page.keyboard.type('f+');
    await expect(page.getByTestId('kompas-dataflow-search')).toHaveValue('f+');
    expect(await zoomLevel(page)).toBeCloseTo(fitZoom, 2);
    expect(consoleErrors).toEqual([]);
  });

  test('a small panel (about 420×230): one-line legend, search behind an icon, every node between controls and legend', async ({
    page,
    consoleErrors,
  }) => {
    // The sandbox panel takes what the options column and query editor leave of the window.
    await page.setViewportSize({ width: 800, height: 720 });
    await openMap(page, '?theme=light');
    await waitForSettledPositions(page);
    const box = await canvasBox(page);
    expect(box.width).toBeLessThan(480);
    expect(box.height).toBeLessThan(300);
    await expect(page.getByTestId('kompas-dataflow-search')).toHaveCount(0);
    await page.getByTestId('kompas-dataflow-fit').click();
    const legend = (await page.getByTestId('kompas-dataflow-legend').boundingBox())!;
    expect(legend.height, 'the legend keeps to one line').toBeLessThan(30);
    const legendTop = legend.y - box.y;
    const fit = (await page.getByTestId('kompas-dataflow-fit').boundingBox())!;
    const controlsBottom = fit.y + fit.height - box.y;
    // Node centres inside the free band, the lowest with room for its label line above the legend.
    const misplaced = async () =>
      Object.entries(await nodePositions(page))
        .filter(([, p]) => p.x < 0 || p.x > box.width || p.y < controlsBottom || p.y + 12 > legendTop)
        .map(([id, p]) => `${id}@${p.x.toFixed(0)},${p.y.toFixed(0)}`);
    await expect.poll(misplaced).toEqual([]);
    const ys = Object.values(await nodePositions(page)).map((p) => p.y);
    expect(
      (Math.max(...ys) - Math.min(...ys)) / (legendTop - controlsBottom),
      'the map fills the free band'
    ).toBeGreaterThan(0.6);
    await saveElementScreenshot(page.getByTestId('sandbox-panel'), 'panel-small-light');
    const map = mapContainer(page);
    await map.focus();
    await map.press('/');
    await expect(page.getByTestId('kompas-dataflow-search')).toBeFocused();
    await page.keyboard.type('zzznothing');
    await expect(page.getByTestId('kompas-dataflow-search-nomatch')).toHaveText('No service matches “zzznothing”');
    await saveElementScreenshot(page.getByTestId('sandbox-panel'), 'panel-small-search-nomatch');
    expect(consoleErrors).toEqual([]);
  });

  test('a tiny panel (about 420×150) keeps the legend behind an icon that opens it', async ({
    page,
    consoleErrors,
  }) => {
    await page.setViewportSize({ width: 800, height: 640 });
    await openMap(page, '?theme=dark');
    await waitForSettledPositions(page);
    const legend = page.getByTestId('kompas-dataflow-legend');
    await expect(legend).not.toContainText('OK');
    await legend.getByRole('button', { name: 'Legend' }).click();
    await expect(page.getByText('≥ 1% errors or p95 ≥ 300 ms')).toBeVisible();
    await saveElementScreenshot(page.getByTestId('sandbox-panel'), 'panel-tiny-dark-legend');
    expect(consoleErrors).toEqual([]);
  });

  test('dark and light screenshots of the map', async ({ page, consoleErrors }) => {
    for (const theme of ['dark', 'light'] as const) {
      await openMap(page, `?theme=${theme}`);
      await expect.poll(() => canvasInk(page, MAP_CANVAS), { timeout: 15_000 }).toBeGreaterThan(0.02);
      await waitForSettledPositions(page);
      // What the panel drew: node faces in the theme's background, labels in its text colour (dark on light).
      const drawn = await drawnColours(page);
      expect(drawn.textPixels).toBeGreaterThan(50);
      if (theme === 'dark') {
        expect(drawn.faceSum).toBeLessThan(150);
        expect(drawn.textSum).toBeGreaterThan(450);
      } else {
        expect(drawn.faceSum).toBeGreaterThan(600);
        expect(drawn.textSum).toBeLessThan(300);
      }
      await saveScreenshot(page, `panel-${theme}`);
      await saveElementScreenshot(page.getByTestId('sandbox-panel'), `panel-map-${theme}`);
    }
    expect(consoleErrors).toEqual([]);
  });
});
