/*
 * Panel benchmark in headless Chromium: canvas renderer fps vs an SVG renderer of the same scene (drawn like
 * Node Graph; baseline measured in the same run), layout settle time and warm re-layout after 5 % of edges change.
 * Usage: npm run bench -- panel [--smoke]
 */
import { build } from 'esbuild';
import path from 'path';
import { chromium } from 'playwright-core';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  baseline?: number;
  ratio?: number;
}

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

async function bundlePage(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(__dirname, 'panelBenchPage.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'error',
  });
  return result.outputFiles[0].text;
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

export async function run(opts: { smoke?: boolean } = {}): Promise<BenchResult[]> {
  const sizes = opts.smoke ? [200] : [200, 1000, 2000];
  const durationMs = opts.smoke ? 800 : 3000;
  const script = await bundlePage();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const results: BenchResult[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1300, height: 820 } });
    await page.setContent('<!doctype html><html><body style="margin:0;background:#111217"></body></html>');
    await page.addScriptTag({ content: script });
    for (const n of sizes) {
      const settle = await page.evaluate((size) => window.kompasPanelBench.settleMs(size), n);
      results.push({ name: `panel.settle_ms.${n}`, value: round(settle, 0), unit: 'ms' });
      const canvas = await page.evaluate(([size, ms]) => window.kompasPanelBench.canvasFps(size, ms), [n, durationMs]);
      const svg = await page.evaluate(([size, ms]) => window.kompasPanelBench.svgFps(size, ms), [n, durationMs]);
      results.push({ name: `panel.fps.canvas.${n}`, value: round(canvas), unit: 'fps' });
      results.push({ name: `panel.fps.svg.${n}`, value: round(svg), unit: 'fps' });
      results.push({ name: `panel.fps_ratio.${n}`, value: round(canvas / svg), unit: 'x', baseline: round(svg), ratio: round(canvas / svg) });
    }
    const relayoutSize = opts.smoke ? 200 : 2000;
    const relayout = await page.evaluate((size) => window.kompasPanelBench.relayoutMs(size), relayoutSize);
    results.push({ name: `panel.relayout_ms.${relayoutSize}`, value: round(relayout, 0), unit: 'ms' });
  } finally {
    await browser.close();
  }
  return results;
}
