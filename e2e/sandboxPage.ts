import { APIRequestContext, expect, Page, test as base } from '@playwright/test';
import path from 'path';

const SCREENSHOTS = path.resolve(__dirname, '..', 'artifacts', 'screenshots');

/** Console messages that are not about our plugins (the browser's own network noise is not ours to fix). */
const IGNORED_CONSOLE = [/Download the React DevTools/];

interface StoredDataSource {
  uid: string;
  secureJsonFields?: Record<string, boolean>;
}

async function listDataSources(request: APIRequestContext): Promise<StoredDataSource[]> {
  const response = await request.get('/api/datasources');
  expect(response.ok()).toBe(true);
  return response.json();
}

/**
 * A sandbox page that records console errors and page errors, so each test can assert there were none; and the
 * sandbox's datasources as they were before each test, put back after it (the server's store outlives tests).
 */
export const test = base.extend<{ consoleErrors: string[]; dataSourcesKept: void }>({
  // A fixture, not a `finally` in the test: its teardown also runs, with fresh time, after a test timed out.
  dataSourcesKept: [
    async ({ request }, use) => {
      const before = await listDataSources(request);
      await use();
      const after = await listDataSources(request);
      for (const saved of before) {
        const now = after.find((ds) => ds.uid === saved.uid);
        if (JSON.stringify(now) === JSON.stringify(saved)) {
          continue;
        }
        // Secure values cannot be read back; the ones a test added are cleared.
        const added = Object.keys(now?.secureJsonFields ?? {}).filter((key) => !saved.secureJsonFields?.[key]);
        const secureJsonData = Object.fromEntries(added.map((key) => [key, '']));
        const response = await request.put(`/api/datasources/uid/${saved.uid}`, { data: { ...saved, secureJsonData } });
        expect(response.ok()).toBe(true);
      }
    },
    { auto: true },
  ],
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && !IGNORED_CONSOLE.some((re) => re.test(message.text()))) {
        errors.push(message.text());
      }
    });
    page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
    // The console only says "404"; name the URL so a failure says what was missing.
    page.on('response', (response) => {
      if (response.status() >= 400) {
        errors.push(`HTTP ${response.status()} ${response.url()}`);
      }
    });
    await use(errors);
  },
});

export { expect };

export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

/** Fraction of canvas pixels that differ from the top-left pixel: > 0 means something was drawn. */
export async function canvasInk(page: Page, selector = 'canvas'): Promise<number> {
  return page
    .locator(selector)
    .first()
    .evaluate((node) => {
      const canvas = node as HTMLCanvasElement;
      const ctx = canvas.getContext('2d');
      if (!ctx || canvas.width === 0 || canvas.height === 0) {
        return 0;
      }
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      let differing = 0;
      for (let i = 0; i < data.length; i += 4 * 7) {
        if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2] || data[i + 3] !== data[3]) {
          differing++;
        }
      }
      return differing / (data.length / (4 * 7));
    });
}

/** Opens the sandbox with a clean slate (no saved dashboard edits from an earlier test). */
export async function openSandbox(page: Page, query = ''): Promise<void> {
  await page.goto('/');
  await page.evaluate(() => window.localStorage.clear());
  await page.goto(`/${query}`);
}
