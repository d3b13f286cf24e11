import { Page } from '@playwright/test';
import { canvasInk, expect, test } from './sandboxPage';
import {
  canvasBox,
  CanvasPoint,
  MAP_CANVAS,
  maxShift,
  nodeCount,
  nodePositions,
  Positions,
  waitForSettledPositions,
} from './panelPage';
import { DEMO_QUERY, openDashboardMap, sandboxDashboard } from './sandboxSetup';

/**
 * Issue 9's "can be turned off; respects prefers-reduced-motion; pauses when the panel is off-screen or the tab
 * hidden", and "hide/show kinds", in Chromium. The data is a one-shot query (no stream ticks), so whatever
 * changes on the canvas between two reads is the animation.
 */

function staticDemo(options: Record<string, unknown> = {}) {
  return sandboxDashboard({ targets: [{ refId: 'A', ...DEMO_QUERY, streaming: false }], options });
}

/** A cheap fingerprint of the canvas pixels: equal fingerprints mean nothing moved. */
function canvasFingerprint(page: Page): Promise<number> {
  return page.evaluate((selector) => {
    const canvas = document.querySelector<HTMLCanvasElement>(selector);
    const data = canvas?.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
    let hash = 0;
    for (let i = 0; data && i < data.length; i += 4) {
      hash = (hash * 31 + data[i] + data[i + 1] * 7 + data[i + 2] * 13) | 0;
    }
    return hash;
  }, MAP_CANVAS);
}

/** Whether the canvas changes over `ms`: reads a few fingerprints apart. */
async function isMoving(page: Page, ms = 600): Promise<boolean> {
  const first = await canvasFingerprint(page);
  for (let i = 0; i < 3; i++) {
    await page.waitForTimeout(ms / 3);
    if ((await canvasFingerprint(page)) !== first) {
      return true;
    }
  }
  return false;
}

/** A point of the canvas far from every node (clear of the controls at the top and the legend at the bottom). */
function emptySpot(positions: Positions, width: number, height: number): CanvasPoint {
  let best = { x: width / 2, y: height / 2 };
  let bestGap = -1;
  for (let x = 40; x < width - 40; x += 10) {
    for (let y = 60; y < height - 60; y += 10) {
      const gap = Math.min(...Object.values(positions).map((p) => Math.hypot(p.x - x, p.y - y)));
      if (gap > bestGap) {
        bestGap = gap;
        best = { x, y };
      }
    }
  }
  return best;
}

async function openStill(page: Page, options: Record<string, unknown> = {}): Promise<void> {
  await openDashboardMap(page, staticDemo(options));
  await waitForSettledPositions(page);
}

test.describe('panel motion and kinds (issue 9)', () => {
  test('particles flow by default and stop when the animation option is off', async ({ page, consoleErrors }) => {
    await openStill(page);
    expect(await isMoving(page)).toBe(true);
    await openStill(page, { animation: false });
    // Still, but drawn: a blank canvas would be still too.
    expect(await canvasInk(page, MAP_CANVAS)).toBeGreaterThan(0.01);
    expect(await isMoving(page)).toBe(false);
    expect(consoleErrors).toEqual([]);
  });

  test('prefers-reduced-motion stops the particles, and they flow again when it is lifted', async ({
    page,
    consoleErrors,
  }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await openStill(page);
    expect(await canvasInk(page, MAP_CANVAS)).toBeGreaterThan(0.01);
    expect(await isMoving(page)).toBe(false);
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await expect.poll(() => isMoving(page), { timeout: 5_000 }).toBe(true);
    expect(consoleErrors).toEqual([]);
  });

  test('a hidden tab pauses the animation and a visible one resumes it', async ({ page, consoleErrors }) => {
    await openStill(page);
    expect(await isMoving(page)).toBe(true);
    const setHidden = (hidden: boolean) =>
      page.evaluate((value) => {
        Object.defineProperty(document, 'hidden', { configurable: true, get: () => value });
        document.dispatchEvent(new Event('visibilitychange'));
      }, hidden);
    await setHidden(true);
    await expect.poll(() => isMoving(page), { timeout: 5_000 }).toBe(false);
    await setHidden(false);
    await expect.poll(() => isMoving(page), { timeout: 5_000 }).toBe(true);
    expect(consoleErrors).toEqual([]);
  });

  test('hiding a kind takes those nodes off the map, the rest stay', async ({ page, consoleErrors }) => {
    await openStill(page);
    const all = await nodeCount(page);
    expect(Object.keys(await nodePositions(page))).toEqual(
      expect.arrayContaining(['stripe', 'payments-db', 'payments'])
    );
    await openStill(page, { hiddenKinds: ['virtual', 'database'] });
    const shown = Object.keys(await nodePositions(page));
    expect(shown).toContain('payments');
    expect(shown).not.toContain('stripe');
    expect(shown).not.toContain('payments-db');
    expect(await nodeCount(page)).toBeLessThan(all);
    expect(consoleErrors).toEqual([]);
  });

  test('a map panned and zoomed comes to rest drawn exactly as a still map at the new view', async ({
    page,
    consoleErrors,
  }) => {
    // No particles: the canvas changes only when the still parts are drawn or moved.
    await openStill(page, { animation: false });
    const box = await canvasBox(page);
    const before = await nodePositions(page);
    const start = emptySpot(before, box.width, box.height);
    await page.mouse.move(box.x + start.x, box.y + start.y);
    await page.mouse.wheel(0, -240);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) {
      await page.mouse.move(box.x + start.x + 6 * i, box.y + start.y + 3 * i);
    }
    await page.mouse.up();
    await page.waitForTimeout(500);
    const rested = await canvasFingerprint(page);
    const positions = await nodePositions(page);
    // The view did move: zoomed in around the pointer, then dragged.
    expect(maxShift(before, positions)).toBeGreaterThan(20);
    // Hovering a node and leaving it again redraws every layer at this view: the same picture if the move's
    // moved copies were replaced by a full redraw when the view came to rest.
    const [node] = Object.values(positions).filter(
      (p) => p.x > 40 && p.x < box.width - 40 && p.y > 60 && p.y < box.height - 60
    );
    await page.mouse.move(box.x + node.x, box.y + node.y);
    await expect(page.getByTestId('kompas-dataflow-tooltip')).toBeVisible();
    const away = emptySpot(positions, box.width, box.height);
    await page.mouse.move(box.x + away.x, box.y + away.y);
    await expect(page.getByTestId('kompas-dataflow-tooltip')).toBeHidden();
    await expect.poll(() => canvasFingerprint(page)).toBe(rested);
    expect(consoleErrors).toEqual([]);
  });

  test('hovering an edge shows its tooltip with both ends and its stats', async ({ page, consoleErrors }) => {
    await openStill(page, { animation: false });
    const box = await canvasBox(page);
    const positions = await nodePositions(page);
    const [a, b] = [positions['payments'], positions['payments-db']];
    expect(a && b).toBeTruthy();
    // A third of the way from payments-db: on the edge, clear of both nodes.
    await page.mouse.move(box.x + b.x + (a.x - b.x) / 3, box.y + b.y + (a.y - b.y) / 3);
    const tooltip = page.getByTestId('kompas-dataflow-tooltip');
    await expect(tooltip).toBeVisible();
    await expect(tooltip.locator('div').first()).toHaveText('payments → payments-db');
    await expect(tooltip.getByRole('rowheader', { name: 'p95', exact: true })).toBeVisible();
    expect(consoleErrors).toEqual([]);
  });
});
