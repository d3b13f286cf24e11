import { Page } from '@playwright/test';
import { canvasInk, expect, test } from './sandboxPage';
import {
  canvasBox,
  loneNode,
  MAP_CANVAS,
  maxShift,
  nodePositions,
  openMap,
  Positions,
  saveElementScreenshot,
  servedNodes,
  waitForSettledPositions,
} from './panelPage';
import {
  DEMO_QUERY,
  openDashboardMap,
  openSettledMap,
  POSTGRES_DATASOURCE,
  sandboxDashboard,
  sqlTarget,
} from './sandboxSetup';

/** "Unchanged nodes move less than 2 % of the view width" on a refresh (issue 9). */
const MAX_SHIFT_SHARE = 0.02;

/** The Requests row of the tooltip of the node under the pointer. */
async function tooltipRequests(page: Page): Promise<string> {
  const tooltip = page.getByTestId('kompas-dataflow-tooltip');
  return (
    (await tooltip
      .getByRole('row', { name: /Requests/ })
      .getByRole('cell')
      .textContent({ timeout: 2_000 })) ?? ''
  );
}

interface WorkerAnswer {
  id: number;
  result: { positions: Positions; kind: string; ticks: number; movedNodes: number };
}

test.describe('layout stability and the layout worker (issue 9)', () => {
  test('stream ticks do not move the nodes (less than 2 % of the view width)', async ({ page, consoleErrors }) => {
    const { box, positions } = await openSettledMap(page);
    let before = positions;
    const [, p] = loneNode(servedNodes(before), box.width, box.height);
    // A data tick is seen the way a person sees it: the hovered node's request count changes.
    await page.mouse.move(box.x + p.x, box.y + p.y);
    let requests = await tooltipRequests(page);
    const shifts: number[] = [];
    for (let tick = 0; tick < 3; tick++) {
      let jiggle = 0;
      await expect
        .poll(
          async () => {
            jiggle = 1 - jiggle;
            await page.mouse.move(box.x + p.x + jiggle, box.y + p.y);
            return tooltipRequests(page);
          },
          { timeout: 10_000, message: 'the live stream should update the hovered node within 10 s' }
        )
        .not.toBe(requests);
      requests = await tooltipRequests(page);
      const after = await nodePositions(page);
      expect(Object.keys(after).length).toBe(Object.keys(before).length);
      shifts.push(maxShift(before, after));
      before = after;
    }
    for (const shift of shifts) {
      expect(shift).toBeLessThan(MAX_SHIFT_SHARE * box.width);
    }
    expect(consoleErrors).toEqual([]);
  });

  test('a refresh that changes the topology nudges the map instead of reshuffling it', async ({
    page,
    consoleErrors,
  }) => {
    const { canvas, box, positions: start } = await openSettledMap(page);
    const startCount = Object.keys(start).length;
    const windowField = page.getByLabel('Window in seconds');
    const trafficField = page.getByLabel('Demo traffic multiplier');

    /** Samples the map until `done`, recording layout kinds and the largest step of any node present in both samples. */
    const follow = async (from: Positions, done: (count: number) => boolean) => {
      const layouts = new Set<string>();
      let previous = from;
      let worst = 0;
      await expect
        .poll(
          async () => {
            const current = await nodePositions(page);
            layouts.add((await canvas.getAttribute('data-layout')) ?? '');
            worst = Math.max(worst, maxShift(previous, current));
            previous = current;
            // The node count shows the new topology arrived (services that return to their remembered place
            // need no re-layout, so the layout kind may stay 'unchanged').
            return done(Object.keys(current).length);
          },
          { timeout: 25_000, intervals: [150] }
        )
        .toBe(true);
      const settled = await waitForSettledPositions(page);
      return { settled, layouts: [...layouts], worst: Math.max(worst, maxShift(previous, settled)) };
    };

    // A 15-second window of a twentieth of the traffic drops the rarely called services and edges: a warm
    // re-layout of a smaller graph.
    await trafficField.fill('0.05');
    await trafficField.blur();
    await windowField.fill('15');
    await windowField.blur();
    const shrunk = await follow(start, (count) => count < startCount);
    expect(shrunk.worst).toBeLessThan(MAX_SHIFT_SHARE * box.width);
    // Back to 5 minutes: the services return next to their neighbours, the others stay put.
    await windowField.fill('300');
    await windowField.blur();
    await trafficField.fill('1');
    await trafficField.blur();
    const grown = await follow(shrunk.settled, (count) => count >= startCount - 2);
    expect(grown.worst).toBeLessThan(MAX_SHIFT_SHARE * box.width);
    // Over both changes: services that stayed, and services that left and came back, end where they started
    // (the layout remembers where departed services were and which calls it has seen).
    expect(Object.keys(shrunk.settled).length).toBeGreaterThan(10);
    const drift = maxShift(start, grown.settled);
    expect(drift).toBeLessThan(MAX_SHIFT_SHARE * box.width);
    // Nudges, not a reshuffle: neither change made the panel lay the map out from scratch.
    expect([...shrunk.layouts, ...grown.layouts]).not.toContain('cold');
    test.info().annotations.push({
      type: 'largest step on re-layout (px)',
      description: `shrink ${shrunk.worst.toFixed(1)}, grow ${grown.worst.toFixed(1)}, drift over both ${drift.toFixed(1)}, view width ${box.width}`,
    });
    expect(consoleErrors).toEqual([]);
  });

  test('two loads of the same dashboard a few seconds apart show the same map', async ({ page, consoleErrors }) => {
    // The demo stream backfills its 5-minute window in 10-second chunks, and later loads see other chunks
    // first: the first layout waits for the topology to hold still and depends only on the node and edge sets.
    const { box, positions: first } = await openSettledMap(page);
    await page.waitForTimeout(4_000);
    await openMap(page);
    const second = await waitForSettledPositions(page);
    expect(Object.keys(second).length).toBe(Object.keys(first).length);
    const shift = maxShift(first, second);
    test.info().annotations.push({ type: 'largest difference between two loads (px)', description: shift.toFixed(1) });
    expect(shift).toBeLessThan(MAX_SHIFT_SHARE * box.width);
    expect(consoleErrors).toEqual([]);
  });

  test('two loads of the layered map a few seconds apart show the same map', async ({ page, consoleErrors }) => {
    // The flow diagram depends on the calls only (not on request rates, which differ between the two loads).
    const layered = sandboxDashboard({
      targets: [{ refId: 'A', ...DEMO_QUERY, streaming: true }],
      options: { layoutMode: 'layered' },
    });
    await openDashboardMap(page, layered);
    const box = await canvasBox(page);
    const first = await waitForSettledPositions(page);
    await page.waitForTimeout(4_000);
    await openDashboardMap(page, layered);
    const second = await waitForSettledPositions(page);
    expect(Object.keys(second).length).toBe(Object.keys(first).length);
    const shift = maxShift(first, second);
    test
      .info()
      .annotations.push({ type: 'largest difference between two layered loads (px)', description: shift.toFixed(1) });
    expect(shift).toBeLessThan(MAX_SHIFT_SHARE * box.width);
    expect(consoleErrors).toEqual([]);
  });

  test('the layout worker chunk loads from the plugin folder and lays out 200 services', async ({
    page,
    consoleErrors,
  }) => {
    await openMap(page);
    const answers = await page.evaluate(async () => {
      const nodeCount = 200;
      const nodes = Array.from({ length: nodeCount }, (_, i) => ({ id: `svc-${i}`, radius: 12 }));
      // A tree plus extra links: 3 edges per service, like the benchmark graphs.
      const edges: Array<{ source: string; target: string }> = [];
      for (let i = 1; i < nodeCount; i++) {
        edges.push({ source: `svc-${Math.floor((i - 1) / 3)}`, target: `svc-${i}` });
        edges.push({ source: `svc-${i}`, target: `svc-${(i * 7 + 3) % nodeCount}` });
        edges.push({ source: `svc-${i}`, target: `svc-${(i * 13 + 5) % nodeCount}` });
      }
      const worker = new Worker('/public/plugins/kompas-dataflow-panel/kompas-layout.js', { name: 'kompas-layout' });
      const ask = (id: number, request: unknown) =>
        new Promise<WorkerAnswer>((resolve, reject) => {
          worker.onmessage = (event: MessageEvent<WorkerAnswer>) => resolve(event.data);
          worker.onerror = (event) => reject(new Error(`layout worker failed: ${event.message}`));
          worker.postMessage({ id, request });
        });
      const request = { nodes, edges, mode: 'force', seed: 7 };
      const t0 = performance.now();
      const cold = await ask(1, request);
      const coldMs = performance.now() - t0;
      const again = await ask(2, request);
      // Warm start: 5 % more edges on the same services.
      const more = Array.from({ length: 30 }, (_, i) => ({
        source: `svc-${(i * 11) % nodeCount}`,
        target: `svc-${(i * 17 + 1) % nodeCount}`,
      }));
      const warm = await ask(3, {
        ...request,
        edges: [...edges, ...more],
        previous: { positions: cold.result.positions, edges },
      });
      worker.terminate();
      return { cold, again, warm, coldMs };
    });
    const { cold, again, warm } = answers;
    expect(cold.id).toBe(1);
    const positions = Object.values(cold.result.positions);
    expect(positions).toHaveLength(200);
    expect(positions.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))).toBe(true);
    expect(cold.result.kind).toBe('cold');
    // Spread out, not a heap: the bounding box is much larger than one node.
    const xs = positions.map((p) => p.x);
    const ys = positions.map((p) => p.y);
    expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThan(300);
    expect(Math.max(...ys) - Math.min(...ys)).toBeGreaterThan(300);
    // Seeded: the same graph gives the same map.
    expect(again.result.positions).toEqual(cold.result.positions);
    // Warm: local relaxation, most services keep their place.
    expect(warm.id).toBe(3);
    expect(warm.result.kind).toBe('warm');
    expect(warm.result.movedNodes).toBeLessThan(200);
    const shifts = Object.entries(cold.result.positions)
      .map(([id, p]) => Math.hypot(warm.result.positions[id].x - p.x, warm.result.positions[id].y - p.y))
      .sort((a, b) => a - b);
    expect(shifts[100]).toBeLessThan(5);
    test.info().annotations.push({
      type: 'worker cold layout (200 services, incl. startup)',
      description: `${answers.coldMs.toFixed(0)} ms`,
    });
    expect(consoleErrors).toEqual([]);
  });

  test('the map lays out 200 services from SQL Node Graph frames in the worker', async ({ page, consoleErrors }) => {
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    // Any datasource's edges frame is a graph to the panel: here PostgreSQL generates a 200-service tree
    // with cross links (nothing is written to the database).
    const rawSql = [
      "SELECT 't' || g AS id, 'svc-' || ((g - 1) / 3) AS source, 'svc-' || g AS target FROM generate_series(1, 199) g",
      "UNION ALL SELECT 'x' || g, 'svc-' || g, 'svc-' || ((g * 7 + 3) % 200) FROM generate_series(1, 199) g",
    ].join(' ');
    const dashboard = sandboxDashboard({
      panelTitle: '200 services from SQL',
      datasource: POSTGRES_DATASOURCE,
      targets: [sqlTarget('A', rawSql)],
    });
    const canvas = await openDashboardMap(page, dashboard);
    await expect(canvas).toHaveAttribute('data-node-count', '200');
    expect(
      workers.filter((url) => /\/public\/plugins\/kompas-dataflow-panel\/kompas-layout\.js(\?|$)/.test(url))
    ).toHaveLength(1);
    await expect(canvas).toHaveAttribute('data-layout', 'cold');
    const box = await canvasBox(page);
    const positions = Object.values(await waitForSettledPositions(page));
    expect(positions).toHaveLength(200);
    expect(positions.filter((p) => p.x < 0 || p.y < 0 || p.x > box.width || p.y > box.height)).toEqual([]);
    await expect.poll(() => canvasInk(page, MAP_CANVAS)).toBeGreaterThan(0.02);
    await saveElementScreenshot(page.getByTestId('sandbox-panel'), 'panel-200-services');
    expect(consoleErrors).toEqual([]);
  });
});
