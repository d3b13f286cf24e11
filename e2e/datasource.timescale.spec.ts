import { expect, saveScreenshot, test } from './sandboxPage';
import { dataState, DS, edgeCount, hoverEdge, mapCanvas, nodeCount, openDashboard } from './datasourcePage';
import { expectedSeedEdges, seedEndMs } from './shopExpectations';

/** How many edges' tooltips must be read and match (some edges hide under nodes at every sampled point). */
const EDGES_TO_COMPARE = 5;

test.describe('datasource: Timescale source on the collector-written PostgreSQL', () => {
  test('the historical map shows the same edge counts servicegraph derives from the same spans', async ({
    page,
    consoleErrors,
  }) => {
    test.setTimeout(120_000);
    const end = seedEndMs();
    const expected = expectedSeedEdges(end);
    expect(expected.length).toBeGreaterThan(40);
    // A range around the whole seeded hour, so every bucket the collector wrote is inside it.
    await openDashboard(page, {
      datasourceUid: DS.timescale,
      query: { source: 'timescale', streaming: false, topN: 0 },
      time: { from: new Date(end - 3 * 3600_000).toISOString(), to: new Date(Date.now() + 60_000).toISOString() },
    });
    await expect.poll(() => nodeCount(page), { timeout: 30_000 }).toBeGreaterThan(40);
    await expect.poll(() => dataState(page)).toBe('Done');
    expect(await edgeCount(page)).toBe(expected.length);

    const compared: string[] = [];
    for (const edge of expected) {
      if (compared.length >= EDGES_TO_COMPARE) {
        break;
      }
      const reading = await hoverEdge(page, edge.client, edge.server);
      if (!reading) {
        continue;
      }
      // The tooltip prints the exact count ("Requests 1234") and "failed (share)".
      expect(`${edge.client} → ${edge.server}: ${reading.rows.Requests}`).toBe(
        `${edge.client} → ${edge.server}: ${edge.requests}`
      );
      expect(reading.rows.Failed.split(' ')[0]).toBe(String(edge.failed));
      compared.push(`${edge.client} → ${edge.server} ${edge.requests}`);
    }
    console.log(`Timescale edges compared through the tooltip: ${compared.join('; ')}`);
    expect(compared.length).toBeGreaterThanOrEqual(3);
    await saveScreenshot(page, 'datasource-timescale-history');
    expect(consoleErrors).toEqual([]);
  });

  test('live mode keeps re-reading the sliding window', async ({ page, consoleErrors }) => {
    const end = seedEndMs();
    await openDashboard(page, {
      datasourceUid: DS.timescale,
      query: { source: 'timescale', streaming: false, topN: 0 },
      time: { from: new Date(end - 3600_000).toISOString(), to: new Date(end).toISOString() },
    });
    await expect.poll(() => nodeCount(page), { timeout: 30_000 }).toBeGreaterThan(40);

    await page.getByTestId('kompas-query-streaming').click({ force: true });
    await expect(page.getByTestId('kompas-query-streaming')).toBeChecked();
    // A window whose start lies 90 s before the end of the seeded traffic: as it slides, the oldest
    // 10-second buckets leave it, so the counts a person reads keep going down.
    const windowSeconds = Math.round((Date.now() - end) / 1000) + 90;
    const windowInput = page.getByTestId('kompas-query-window-seconds');
    await windowInput.fill(String(windowSeconds));
    await windowInput.blur();
    await expect.poll(() => dataState(page), { timeout: 15_000 }).toBe('Streaming');

    const requests = async () => Number((await hoverEdge(page, 'api-gateway', 'orders'))?.rows.Requests ?? NaN);
    await expect.poll(requests, { timeout: 15_000 }).toBeGreaterThan(0);
    const first = await requests();
    await expect
      .poll(requests, { timeout: 25_000, message: 'live counts change as the window slides' })
      .toBeLessThan(first);
    expect(await dataState(page)).toBe('Streaming');
    expect(consoleErrors).toEqual([]);
  });

  test('a hostile $service value in the services filter is a literal, and the tables survive', async ({
    page,
    consoleErrors,
  }) => {
    const hostile = "x'); DROP TABLE kompas.edge_stats_10s; --";
    await openDashboard(page, {
      datasourceUid: DS.timescale,
      query: { source: 'timescale', streaming: false, topN: 0, services: ['$service'] },
      path: `/?var-service=${encodeURIComponent(hostile)}`,
    });
    await expect.poll(() => dataState(page), { timeout: 30_000 }).toBe('Done');
    await expect(page.getByTestId('kompas-dataflow-message')).toContainText('No dataflow to show');

    // The same panel with a real service value still reads the tables.
    await page.getByLabel('Variable service').fill('payments');
    await page.getByLabel('Variable service').press('Enter');
    await expect.poll(() => nodeCount(page), { timeout: 30_000 }).toBeGreaterThan(1);
    await expect
      .poll(async () => (await hoverEdge(page, 'payments', 'payments-db'))?.rows.Requests ?? '', { timeout: 10_000 })
      .toMatch(/^[1-9]\d*$/);
    expect(consoleErrors).toEqual([]);
  });

  test('the seeded payments incident is flagged, and slow edges offer an example request (issue 8)', async ({
    page,
    consoleErrors,
  }) => {
    const end = seedEndMs();
    await openDashboard(page, {
      datasourceUid: DS.timescale,
      query: { source: 'timescale', streaming: false, topN: 0 },
      time: { from: new Date(end - 10 * 60_000).toISOString(), to: new Date(end).toISOString() },
    });
    await expect.poll(() => nodeCount(page), { timeout: 30_000 }).toBeGreaterThan(20);
    // Anomaly flags come from the minute series in PostgreSQL, in the same frame field as Jaeger and Demo.
    await expect
      .poll(async () => Number(await mapCanvas(page).getAttribute('data-anomalies')), { timeout: 15_000 })
      .toBeGreaterThan(0);
    await expect
      .poll(async () => (await hoverEdge(page, 'payments', 'payments-db'))?.notes.join(' | ') ?? '', {
        timeout: 15_000,
      })
      .toMatch(/p95 .* the usual .*[0-9a-f]{32} \(right-click to show its route\)/);
    await saveScreenshot(page, 'datasource-timescale-anomaly');
    expect(consoleErrors).toEqual([]);
  });

  test('the route of a request comes from the Jaeger configured beside the PostgreSQL datasource', async ({
    page,
    consoleErrors,
  }) => {
    // A recorded Jaeger trace (genaiTestTrace) that the Jaeger stand-in serves, shifted to the last minutes.
    const traceId = '4a1b2c3d4e5f60718293a4b5c6d7e8f9';
    await openDashboard(page, {
      datasourceUid: DS.timescale,
      query: { source: 'timescale', streaming: false, topN: 0, traceId },
      time: { from: 'now-1h', to: 'now' },
    });
    const routeBar = page.getByTestId('kompas-dataflow-route');
    await expect(routeBar).toContainText(`Route of ${traceId}`, { timeout: 30_000 });
    await expect.poll(async () => Number(await mapCanvas(page).getAttribute('data-route-edges'))).toBeGreaterThan(3);
    expect(await dataState(page)).toBe('Done');
    expect(consoleErrors).toEqual([]);
  });
});
