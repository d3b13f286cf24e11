import { defineConfig } from '@playwright/test';

/**
 * Browser tests against the sandbox (the built plugins in a real page), driven in Debian's Chromium.
 * globalSetup starts a throwaway PostgreSQL, the Jaeger replay server and the sandbox server on free ports.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../artifacts/e2e-results',
  globalSetup: './globalSetup.ts',
  fullyParallel: false,
  workers: 1,
  // One retry in CI: the 2-core machine is noisy; a test that needed it is reported as flaky in the summary.
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: '../artifacts/e2e-report.json' }]],
  use: {
    baseURL: process.env.KOMPAS_SANDBOX_URL,
    // A click or read of an element that never comes fails with its own message, not as the whole test's timeout.
    actionTimeout: 20_000,
    viewport: { width: 1400, height: 900 },
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
