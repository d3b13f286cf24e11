/*
 * Panel benchmark in headless Chromium: the canvas renderer against an SVG renderer of the same scene drawn like
 * Node Graph (the baseline, measured in the same run), layout settle time and warm re-layout after 5 % of edges
 * change. What each record means (N = services, with 3x edges, animation on, a stream tick a second):
 * - panel.fps.canvas.N: frames per second the canvas renderer sustains drawing frames back to back, each one
 *   rasterised (cached still layers + particles; everything redrawn on each tick) - not capped by the display.
 * - panel.fps.svg.N: the SVG baseline in animation frames (it stays far below the display's 60 fps cap).
 * - panel.fps_ratio.N: canvas / SVG, the median of per-round ratios of the two measured back to back in
 *   alternating rounds (both at their own sustained rate, so like with like).
 * - panel.fps_animation.canvas.N: the canvas in animation frames, what a person sees (capped at 60 by the display).
 * - panel.frame_ms.canvas.N: one full redraw (every layer), drawn and rasterised.
 * - at 2,000 services zoomed 6x into the middle: panel.fps.canvas_zoomed.2000 (animation frames, the map still),
 *   panel.frame_ms.canvas_zoomed.2000 (full redraw) and panel.fps.canvas_panning.2000 (animation frames of the
 *   panel's render loop while a drag pans the map a few px each frame, with rests in which the settle redraw falls).
 * Usage: npm run bench -- panel [--smoke]
 */
import { build } from 'esbuild';
import path from 'path';
import { chromium, type Page } from 'playwright-core';
import { BenchResult } from './benchResult';
import { median } from './benchStats';

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
    // React (imported by the panel's render loop) reads it.
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  return result.outputFiles[0].text;
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * Canvas (frames back to back, uncapped) and SVG fps in alternating rounds (canvas first in even rounds, SVG first
 * in odd ones), so a burst of machine load lands on both renderers instead of one. Each round's pair ran back to
 * back under the same load, so the ratio is the median of the per-round ratios; the fps values are the medians of
 * their rounds.
 */
async function measureInterleaved(
  page: Page,
  services: number,
  rounds: number,
  sizes: { canvasFrames: number; svgMs: number }
): Promise<{ canvas: number; svg: number; ratio: number }> {
  const canvasRounds: number[] = [];
  const svgRounds: number[] = [];
  const ratios: number[] = [];
  const canvasFps = () =>
    page.evaluate(
      ([size, frames]) => window.kompasPanelBench.canvasUncappedFps(size, frames),
      [services, sizes.canvasFrames]
    );
  const svgFps = () => page.evaluate(([size, ms]) => window.kompasPanelBench.svgFps(size, ms), [services, sizes.svgMs]);
  for (let i = 0; i < rounds; i++) {
    let canvas: number;
    let svg: number;
    if (i % 2 === 0) {
      canvas = await canvasFps();
      svg = await svgFps();
    } else {
      svg = await svgFps();
      canvas = await canvasFps();
    }
    canvasRounds.push(canvas);
    svgRounds.push(svg);
    ratios.push(canvas / svg);
  }
  return { canvas: median(canvasRounds), svg: median(svgRounds), ratio: median(ratios) };
}

export async function run(opts: { smoke?: boolean } = {}): Promise<BenchResult[]> {
  const sizes = opts.smoke ? [200] : [200, 1000, 2000];
  const durationMs = opts.smoke ? 400 : 2000;
  const rounds = opts.smoke ? 2 : 3;
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
      const { canvas, svg, ratio } = await measureInterleaved(page, n, rounds, {
        canvasFrames: opts.smoke ? 10 : 180,
        svgMs: durationMs,
      });
      results.push({ name: `panel.fps.canvas.${n}`, value: round(canvas), unit: 'fps' });
      results.push({ name: `panel.fps.svg.${n}`, value: round(svg), unit: 'fps' });
      results.push({
        name: `panel.fps_ratio.${n}`,
        value: round(ratio),
        unit: 'x',
        baseline: round(svg),
        ratio: round(ratio),
      });
      const animation = await page.evaluate(
        ([size, ms]) => window.kompasPanelBench.canvasFps(size, ms),
        [n, durationMs]
      );
      results.push({ name: `panel.fps_animation.canvas.${n}`, value: round(animation), unit: 'fps' });
      const frameMs = await page.evaluate(
        ([size, frames]) => window.kompasPanelBench.canvasFrameMs(size, frames),
        [n, opts.smoke ? 5 : 60]
      );
      results.push({ name: `panel.frame_ms.canvas.${n}`, value: round(frameMs), unit: 'ms' });
      if (n === 2000) {
        // Zoomed 6x into the middle of the map, where edges are long and labels many.
        const zoomed = await page.evaluate(
          ([size, ms]) => window.kompasPanelBench.canvasFps(size, ms, 6),
          [n, durationMs]
        );
        results.push({ name: `panel.fps.canvas_zoomed.${n}`, value: round(zoomed), unit: 'fps' });
        const zoomedMs = await page.evaluate(
          ([size, frames]) => window.kompasPanelBench.canvasFrameMs(size, frames, 6),
          [n, opts.smoke ? 5 : 60]
        );
        results.push({ name: `panel.frame_ms.canvas_zoomed.${n}`, value: round(zoomedMs), unit: 'ms' });
        const panning: number[] = [];
        for (let i = 0; i < rounds; i++) {
          panning.push(
            await page.evaluate(([size, ms]) => window.kompasPanelBench.canvasPanningFps(size, ms, 6), [n, durationMs])
          );
        }
        results.push({ name: `panel.fps.canvas_panning.${n}`, value: round(median(panning)), unit: 'fps' });
      }
    }
    const relayoutSize = opts.smoke ? 200 : 2000;
    const relayout = await page.evaluate((size) => window.kompasPanelBench.relayoutMs(size), relayoutSize);
    results.push({ name: `panel.relayout_ms.${relayoutSize}`, value: round(relayout, 0), unit: 'ms' });
  } finally {
    await browser.close();
  }
  return results;
}
