import { Locator, Page } from '@playwright/test';
import path from 'path';
import { expect, openSandbox } from './sandboxPage';

/** A node's centre in canvas CSS pixels, as the panel's opt-in debug hook reports it. */
export interface CanvasPoint {
  x: number;
  y: number;
}

export type Positions = Record<string, CanvasPoint>;

export const MAP_CANVAS = '[data-testid="kompas-dataflow-canvas"]';

export function mapCanvas(page: Page): Locator {
  return page.getByTestId('kompas-dataflow-canvas');
}

/**
 * Opens the sandbox with the panel's debug hook enabled and waits until the map has laid out nodes:
 * the canvas says how many, the layout is no longer pending and the hook reports every node's position.
 */
export async function openMap(
  page: Page,
  query = '',
  savedDashboard?: { name: string; json: unknown }
): Promise<Locator> {
  await page.addInitScript(() => {
    window.__kompasPanelDebug = true;
  });
  await openSandbox(page, query);
  if (savedDashboard) {
    // As if the user had edited and saved the dashboard: the sandbox prefers the stored copy to the file.
    await page.evaluate(
      ({ name, json }) => window.localStorage.setItem(`kompas-sandbox:${name}`, JSON.stringify(json)),
      savedDashboard
    );
    await page.reload();
  }
  const canvas = mapCanvas(page);
  await expect(canvas).toBeVisible({ timeout: 20_000 });
  await expect(canvas).not.toHaveAttribute('data-layout', 'pending', { timeout: 20_000 });
  await expect.poll(async () => Object.keys(await nodePositions(page)).length, { timeout: 20_000 }).toBeGreaterThan(0);
  return canvas;
}

/** The focusable map container that takes the keyboard shortcuts (the canvas inside has a longer label). */
export function mapContainer(page: Page): Locator {
  return page.getByLabel('Dataflow map', { exact: true });
}

export async function nodePositions(page: Page): Promise<Positions> {
  return page.evaluate(() => window.__kompasPanel?.positions() ?? {});
}

export async function nodeCount(page: Page): Promise<number> {
  return Number(await mapCanvas(page).getAttribute('data-node-count'));
}

export async function zoomLevel(page: Page): Promise<number> {
  return Number(await mapCanvas(page).getAttribute('data-zoom'));
}

/** The canvas's box in page pixels (positions are relative to its top-left corner). */
export async function canvasBox(page: Page): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await mapCanvas(page).boundingBox();
  if (!box) {
    throw new Error('the map canvas has no bounding box (not rendered?)');
  }
  return box;
}

/**
 * Waits until the layout stops moving (four reads 300 ms apart agree on the node set and within `tolerancePx`):
 * the demo stream backfills its window in chunks, so the first seconds add nodes and edges.
 */
export async function waitForSettledPositions(page: Page, tolerancePx = 0.5, timeout = 20_000): Promise<Positions> {
  let previous = await nodePositions(page);
  let stableReads = 0;
  await expect
    .poll(
      async () => {
        await page.waitForTimeout(300);
        const current = await nodePositions(page);
        const same =
          Object.keys(current).length === Object.keys(previous).length && maxShift(previous, current) <= tolerancePx;
        stableReads = same ? stableReads + 1 : 0;
        previous = current;
        return stableReads >= 3;
      },
      { timeout, intervals: [0] }
    )
    .toBe(true);
  return previous;
}

/** The largest distance a node present in both maps moved. */
export function maxShift(before: Positions, after: Positions): number {
  let max = 0;
  for (const [id, p] of Object.entries(before)) {
    const q = after[id];
    if (q) {
      max = Math.max(max, Math.hypot(q.x - p.x, q.y - p.y));
    }
  }
  return max;
}

/** The map without the demo shop's entry client `user`, which calls but is never called (its request count stays 0). */
export function servedNodes(positions: Positions): Positions {
  return Object.fromEntries(Object.entries(positions).filter(([id]) => id !== 'user'));
}

/**
 * The node with the most free space around it (inside the canvas, away from the control bar at the top right
 * and the legend at the bottom), so the pointer over its centre hits that node and nothing else.
 */
export function loneNode(positions: Positions, width: number, height: number, margin = 60): [string, CanvasPoint] {
  const entries = Object.entries(positions);
  const inside = entries.filter(
    ([, p]) => p.x > margin && p.x < width - margin && p.y > margin + 40 && p.y < height - margin - 30
  );
  if (inside.length === 0) {
    throw new Error(
      `no node lies well inside the ${width}×${height} canvas: ${JSON.stringify(positions).slice(0, 300)}`
    );
  }
  let best = inside[0];
  let bestGap = -1;
  for (const candidate of inside) {
    const gap = Math.min(
      ...entries
        .filter(([id]) => id !== candidate[0])
        .map(([, p]) => Math.hypot(p.x - candidate[1].x, p.y - candidate[1].y))
    );
    if (gap > bestGap) {
      bestGap = gap;
      best = candidate;
    }
  }
  return best;
}

/** Saves a screenshot of one element (the map panel) next to saveScreenshot's full-page ones. */
export async function saveElementScreenshot(element: Locator, name: string): Promise<void> {
  await element.screenshot({ path: path.resolve(__dirname, '..', 'artifacts', 'screenshots', `${name}.png`) });
}

/**
 * How strongly something is drawn around each point: the largest RGB distance from the panel background within
 * `radius` CSS px, with the (transparent) canvas composited over that background as a person sees it.
 * Dimmed nodes and edges give a smaller number than the same ones drawn at full strength.
 */
export async function inkAround(page: Page, points: CanvasPoint[], radius = 14): Promise<number[]> {
  return mapCanvas(page).evaluate(
    (node, { points: pts, radius: r }) => {
      const canvas = node as HTMLCanvasElement;
      let element: HTMLElement | null = canvas;
      let background = 'rgb(0, 0, 0)';
      while (element) {
        const colour = getComputedStyle(element).backgroundColor;
        if (colour && colour !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(colour)) {
          background = colour;
          break;
        }
        element = element.parentElement;
      }
      const [br, bg, bb] = (background.match(/\d+/g) ?? ['0', '0', '0']).map(Number);
      const scale = canvas.width / canvas.clientWidth;
      const ctx = canvas.getContext('2d');
      if (!ctx) {
        return pts.map(() => 0);
      }
      return pts.map((p) => {
        const size = Math.ceil(2 * r * scale);
        const x0 = Math.round((p.x - r) * scale);
        const y0 = Math.round((p.y - r) * scale);
        const { data } = ctx.getImageData(x0, y0, size, size);
        let max = 0;
        for (let i = 0; i < data.length; i += 4) {
          const a = data[i + 3] / 255;
          const dr = a * (data[i] - br);
          const dg = a * (data[i + 1] - bg);
          const db = a * (data[i + 2] - bb);
          max = Math.max(max, Math.hypot(dr, dg, db));
        }
        return max;
      });
    },
    { points, radius }
  );
}

/** What the panel itself drew in a theme's colours, read from the canvas pixels (not the host page's CSS). */
export interface DrawnColours {
  /** Median R+G+B at the node centres: the node face, drawn in the theme's background colour. */
  faceSum: number;
  /** Opaque canvas pixels within a small distance of `textColour`: the glyphs of node labels. */
  textPixels: number;
  /** The colour those glyphs were compared with (the theme's primary text colour), as R+G+B. */
  textSum: number;
}

export async function drawnColours(page: Page): Promise<DrawnColours> {
  const positions = Object.values(await nodePositions(page));
  return mapCanvas(page).evaluate((node, centres) => {
    const canvas = node as HTMLCanvasElement;
    const ctx = canvas.getContext('2d')!;
    const scale = canvas.width / canvas.clientWidth;
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    const at = (x: number, y: number) => {
      const i = (Math.round(y * scale) * canvas.width + Math.round(x * scale)) * 4;
      return data[i + 3] === 255 ? data[i] + data[i + 1] + data[i + 2] : undefined;
    };
    const faces = centres
      .filter((p) => p.x >= 0 && p.y >= 0 && p.x < canvas.clientWidth && p.y < canvas.clientHeight)
      .map((p) => at(p.x, p.y))
      .filter((sum): sum is number => sum !== undefined)
      .sort((a, b) => a - b);
    // The panel draws labels in Grafana's text.primary, which the panel container also uses for its text.
    const hostText = getComputedStyle(canvas.closest('[data-testid="sandbox-panel"]') ?? canvas).color;
    const [tr, tg, tb] = (hostText.match(/\d+/g) ?? ['0', '0', '0']).map(Number);
    let textPixels = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (
        data[i + 3] === 255 &&
        Math.abs(data[i] - tr) + Math.abs(data[i + 1] - tg) + Math.abs(data[i + 2] - tb) <= 24
      ) {
        textPixels++;
      }
    }
    return { faceSum: faces[Math.floor(faces.length / 2)] ?? -1, textPixels, textSum: tr + tg + tb };
  }, positions);
}
