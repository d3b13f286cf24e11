/*
 * Runs inside headless Chromium (bundled by panel.bench.ts): the panel's own layout, canvas renderer and render
 * loop, and an SVG renderer of the same scene drawn the way Grafana's Node Graph draws it (the baseline).
 * Frame rates come two ways: in animation frames (canvasFps, svgFps, canvasPanningFps: what a person sees,
 * capped at the display's 60 fps) and back to back, each frame rasterised (canvasUncappedFps: what the renderer
 * sustains, uncapped).
 */
import { forceLayout } from '../panel/src/layout/forceLayout';
import { LayoutRequest, PositionMap } from '../panel/src/layout/layoutTypes';
import { buildScene } from '../panel/src/render/buildScene';
import { particleStride } from '../panel/src/render/drawParticles';
import { drawScene } from '../panel/src/render/drawScene';
import { FrameState } from '../panel/src/render/frameState';
import { createLabelPlacer } from '../panel/src/render/labelPlacer';
import { createLayeredDraw } from '../panel/src/render/layeredDraw';
import { createRenderLoop, RenderInputs } from '../panel/src/hooks/useCanvasRenderer';
import { levelOfDetail } from '../panel/src/render/lod';
import { Scene, SceneTheme, ViewTransform } from '../panel/src/render/sceneTypes';
import { fitView, visibleWorldRect } from '../panel/src/render/viewTransform';
import { buildNodeGraphSvg } from './nodeGraphSvg';
import { generateServiceGraph, rewireEdges } from './panelSyntheticGraph';

const WIDTH = 1280;
const HEIGHT = 800;
const theme: SceneTheme = {
  health: ['#73bf69', '#ff9830', '#f2495c'],
  idle: '#8e8e8e',
  nodeFill: '#181b1f',
  text: '#ccccdc',
  textShadow: '#111217',
  error: '#f2495c',
  hull: '#5794f2',
  selection: '#5794f2',
  fontFamily: 'Inter, Helvetica, Arial, sans-serif',
};
const health = { errorWarnPct: 1, errorCritPct: 5, latencyWarnMs: 300, latencyCritMs: 1000 };

function requestFor(services: number): { request: LayoutRequest; scene: (p: PositionMap) => Scene } {
  const graph = generateServiceGraph(services);
  const request: LayoutRequest = {
    nodes: graph.nodes.map((n) => ({ id: n.id, radius: 12 })),
    edges: graph.edges.map((e) => ({ source: e.source, target: e.target })),
    mode: 'force',
  };
  return {
    request,
    scene: (positions) =>
      buildScene(graph, positions, {
        health,
        hiddenKinds: [],
        pins: {},
        groups: new Map(graph.nodes.map((n) => [n.id, n.group ?? ''])),
      }),
  };
}

/** Frames drawn before counting starts: the first paint of a fresh scene (DOM or canvas) is set-up, not a frame. */
const WARM_UP_FRAMES = 3;

/** Frames per second over `durationMs` of animation frames, after a short warm-up. */
function measureFrames(durationMs: number, frame: (timeMs: number, elapsedMs: number) => void): Promise<number> {
  return new Promise((resolve) => {
    let seen = 0;
    let start = 0;
    const step = (now: number) => {
      seen++;
      if (seen === WARM_UP_FRAMES) {
        start = now;
      }
      frame(now, start === 0 ? 0 : now - start);
      if (start === 0 || now - start < durationMs) {
        requestAnimationFrame(step);
      } else {
        resolve(((seen - WARM_UP_FRAMES) * 1000) / (now - start));
      }
    };
    requestAnimationFrame(step);
  });
}

function layoutScene(services: number): Scene {
  const { request, scene } = requestFor(services);
  return scene(forceLayout(request).positions);
}

/** The frame state the panel would draw `scene` with at `view` (animation on, normal labels). */
function benchFrame(scene: Scene, view: ViewTransform): FrameState {
  return {
    view,
    width: WIDTH,
    height: HEIGHT,
    dpr: 1,
    timeSec: 0,
    animate: true,
    lod: levelOfDetail(view.k, 'normal', scene.nodes.length),
    labelDensity: 'normal',
    theme,
    visible: visibleWorldRect(view, WIDTH, HEIGHT, 20),
  };
}

/** A stream tick a second, as the Demo and live sources send: the panel builds a new scene and redraws it all. */
const TICK_MS = 1000;

interface CanvasRenderer {
  ctx: CanvasRenderingContext2D;
  /** An animation frame as the panel draws it: cached still layers plus particles; a full redraw after a tick. */
  animationFrame(timeSec: number): void;
  /** Everything drawn anew, as after a tick, a pan or a zoom step. */
  fullFrame(timeSec: number): void;
}

interface ZoomedCanvas {
  canvas: HTMLCanvasElement;
  ctx: CanvasRenderingContext2D;
  /** A scene built anew from the settled layout, as a stream tick builds it. */
  sceneAt(): Scene;
  view: ViewTransform;
}

/** A fresh page canvas and one laid-out scene, fitted and then zoomed `zoom`× around the centre. */
function zoomedCanvas(services: number, zoom: number): ZoomedCanvas {
  const { request, scene: sceneFrom } = requestFor(services);
  const positions = forceLayout(request).positions;
  const sceneAt = () => sceneFrom(positions);
  document.body.innerHTML = '';
  const canvas = document.createElement('canvas');
  canvas.width = WIDTH;
  canvas.height = HEIGHT;
  document.body.appendChild(canvas);
  const ctx = canvas.getContext('2d');
  if (!ctx) {
    throw new Error('no 2d context');
  }
  const fitted = fitView(sceneAt().nodes, WIDTH, HEIGHT);
  const view = {
    k: fitted.k * zoom,
    x: WIDTH / 2 - (WIDTH / 2 - fitted.x) * zoom,
    y: HEIGHT / 2 - (HEIGHT / 2 - fitted.y) * zoom,
  };
  return { canvas, ctx, sceneAt, view };
}

/** The panel's canvas renderer set up for one scene, fitted and then zoomed `zoom`× around the centre. */
function canvasRenderer(services: number, zoom = 1): CanvasRenderer {
  const { ctx, sceneAt, view } = zoomedCanvas(services, zoom);
  let scene = sceneAt();
  const placer = createLabelPlacer();
  const layers = createLayeredDraw(() => document.createElement('canvas'), createLabelPlacer());
  const frame = benchFrame(scene, view);
  let tick = -1;
  return {
    ctx,
    animationFrame(timeSec) {
      const now = Math.floor((timeSec * 1000) / TICK_MS);
      if (now !== tick) {
        tick = now;
        scene = sceneAt();
        layers.invalidate();
      }
      frame.timeSec = timeSec;
      layers.draw(ctx, scene, frame, performance.now());
    },
    fullFrame(timeSec) {
      frame.timeSec = timeSec;
      drawScene(ctx, scene, frame, placer);
    },
  };
}

/** How a drag moves the view each animation frame (CSS px), and how long it rests between its strokes. */
const PAN_STEP = { x: -4, y: -2 };
const PAN_STROKES = 2;
const PAN_REST_MS = 250;

/**
 * Animation frames while a person pans the map zoomed `zoom`× by dragging, drawn by the panel's own render loop
 * (useCanvasRenderer's, particles on): strokes of `durationMs / PAN_STROKES` in which the view moves PAN_STEP
 * each frame, each followed by PAN_REST_MS at rest, in which the renderer's settle redraw falls. Every frame
 * of strokes and rests is counted.
 */
function canvasPanningFps(services: number, durationMs: number, zoom = 6): Promise<number> {
  const { canvas, sceneAt, view: start } = zoomedCanvas(services, zoom);
  const loop = createRenderLoop({ current: canvas });
  let inputs: RenderInputs = {
    scene: sceneAt(),
    view: start,
    width: WIDTH,
    height: HEIGHT,
    theme,
    labelDensity: 'normal',
    animate: true,
    animationSpeed: 1,
  };
  loop.setInputs(inputs);
  const strokeMs = durationMs / PAN_STROKES;
  return measureFrames(PAN_STROKES * (strokeMs + PAN_REST_MS), (now, elapsed) => {
    if (elapsed % (strokeMs + PAN_REST_MS) < strokeMs) {
      const { x, y, k } = inputs.view;
      inputs = { ...inputs, view: { k, x: x + PAN_STEP.x, y: y + PAN_STEP.y } };
      loop.setInputs(inputs);
    }
  }).finally(() => loop.dispose());
}

/** Canvas animation frames as the panel draws them (cached still layers + particles, a tick a second). */
async function canvasFps(services: number, durationMs: number, zoom = 1): Promise<number> {
  const renderer = canvasRenderer(services, zoom);
  return measureFrames(durationMs, (now) => renderer.animationFrame(now / 1000));
}

/**
 * Canvas animation frames drawn back to back, each rasterised (getImageData forces the deferred paint), with the
 * same tick a second of simulated 60 fps time: the frame rate the renderer sustains without the 60 fps cap of
 * animation frames. (The page's compositing of the finished canvas is not in it.)
 */
function canvasUncappedFps(services: number, frames: number, zoom = 1): number {
  const renderer = canvasRenderer(services, zoom);
  renderer.animationFrame(0);
  renderer.ctx.getImageData(0, 0, 1, 1);
  const start = performance.now();
  for (let i = 1; i <= frames; i++) {
    renderer.animationFrame(i / 60);
    renderer.ctx.getImageData(0, 0, 1, 1);
  }
  return (frames * 1000) / (performance.now() - start);
}

/**
 * Median time of one full canvas frame (everything redrawn, as after a tick, pan or zoom step) drawn and
 * rasterised (getImageData forces the deferred paint), frames back to back: what a frame costs without the
 * cached layers and below the 60 fps animation-frame cap that `canvasFps` cannot see past.
 */
function canvasFrameMs(services: number, frames: number, zoom = 1): number {
  const renderer = canvasRenderer(services, zoom);
  const times: number[] = [];
  for (let i = 0; i < frames; i++) {
    const start = performance.now();
    renderer.fullFrame(i / 60);
    renderer.ctx.getImageData(0, 0, 1, 1);
    times.push(performance.now() - start);
  }
  return median(times);
}

/** The same scene in Node Graph's SVG DOM (nodeGraphSvg.ts): particles moved each animation frame, stats each tick. */
async function svgFps(services: number, durationMs: number): Promise<number> {
  const scene = layoutScene(services);
  document.body.innerHTML = '';
  const view = fitView(scene.nodes, WIDTH, HEIGHT);
  // The particles the canvas draws (its level of detail and frame budget), no more: the same scene.
  const stride = particleStride(scene, benchFrame(scene, view));
  const { svg, animate, tick } = buildNodeGraphSvg(scene, view, WIDTH, HEIGHT, theme, stride);
  document.body.appendChild(svg);
  let ticks = -1;
  return measureFrames(durationMs, (now) => {
    // The same tick a second as the canvas gets (see canvasRenderer).
    const index = Math.floor(now / TICK_MS);
    if (index !== ticks) {
      ticks = index;
      tick(index);
    }
    animate(now / 1000);
  });
}

function median(values: number[]): number {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Median of three cold layouts (the first also warms up the JIT, as a long-lived worker would be). */
function settleMs(services: number): number {
  const { request } = requestFor(services);
  return median(
    [0, 1, 2].map(() => {
      const start = performance.now();
      forceLayout(request);
      return performance.now() - start;
    })
  );
}

function relayoutMs(services: number): number {
  const graph = generateServiceGraph(services);
  const nodes = graph.nodes.map((n) => ({ id: n.id, radius: 12 }));
  const request: LayoutRequest = { nodes, edges: graph.edges, mode: 'force' };
  const first = forceLayout(request);
  // Median over three different 5 % rewirings of the same settled map.
  return median(
    [7, 8, 9].map((seed) => {
      const changed = rewireEdges(graph, 0.05, seed);
      const start = performance.now();
      forceLayout({ ...request, edges: changed.edges, previous: { positions: first.positions, edges: graph.edges } });
      return performance.now() - start;
    })
  );
}

declare global {
  interface Window {
    kompasPanelBench: {
      canvasFps: typeof canvasFps;
      canvasFrameMs: typeof canvasFrameMs;
      canvasPanningFps: typeof canvasPanningFps;
      canvasUncappedFps: typeof canvasUncappedFps;
      svgFps: typeof svgFps;
      settleMs: typeof settleMs;
      relayoutMs: typeof relayoutMs;
    };
  }
}

window.kompasPanelBench = {
  canvasFps,
  canvasFrameMs,
  canvasPanningFps,
  canvasUncappedFps,
  svgFps,
  settleMs,
  relayoutMs,
};
