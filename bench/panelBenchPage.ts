/*
 * Runs inside headless Chromium (bundled by panel.bench.ts): the panel's own layout and canvas renderer, and
 * an SVG renderer of the same scene drawn the way Grafana's Node Graph draws it (the baseline).
 */
import { forceLayout } from '../panel/src/layout/forceLayout';
import { LayoutRequest, PositionMap } from '../panel/src/layout/layoutTypes';
import { buildScene } from '../panel/src/render/buildScene';
import { drawScene } from '../panel/src/render/drawScene';
import { FrameState } from '../panel/src/render/frameState';
import { createLabelPlacer } from '../panel/src/render/labelPlacer';
import { levelOfDetail } from '../panel/src/render/lod';
import { pointOnEdge } from '../panel/src/render/edgeGeometry';
import { Scene, SceneTheme } from '../panel/src/render/sceneTypes';
import { fitView, visibleWorldRect } from '../panel/src/render/viewTransform';
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
      buildScene(graph, positions, { health, hiddenKinds: [], pins: {}, groups: new Map(graph.nodes.map((n) => [n.id, n.group ?? ''])) }),
  };
}

function measureFrames(durationMs: number, frame: (timeMs: number) => void): Promise<number> {
  return new Promise((resolve) => {
    let frames = 0;
    let start = 0;
    const step = (now: number) => {
      if (start === 0) {
        start = now;
      }
      frame(now);
      frames++;
      if (now - start < durationMs) {
        requestAnimationFrame(step);
      } else {
        resolve((frames * 1000) / (now - start));
      }
    };
    requestAnimationFrame(step);
  });
}

function layoutScene(services: number): Scene {
  const { request, scene } = requestFor(services);
  return scene(forceLayout(request).positions);
}

async function canvasFps(services: number, durationMs: number): Promise<number> {
  const scene = layoutScene(services);
  document.body.innerHTML = '';
  const canvas = document.createElement('canvas');
  canvas.width = WIDTH;
  canvas.height = HEIGHT;
  document.body.appendChild(canvas);
  const ctx = canvas.getContext('2d');
  if (!ctx) {
    throw new Error('no 2d context');
  }
  const view = fitView(scene.nodes, WIDTH, HEIGHT);
  const placer = createLabelPlacer();
  const frame: FrameState = {
    view,
    width: WIDTH,
    height: HEIGHT,
    dpr: 1,
    timeSec: 0,
    animate: true,
    lod: levelOfDetail(view.k, 'normal'),
    labelDensity: 'normal',
    theme,
    visible: visibleWorldRect(view, WIDTH, HEIGHT, 20),
  };
  return measureFrames(durationMs, (now) => {
    frame.timeSec = now / 1000;
    drawScene(ctx, scene, frame, placer);
  });
}

const SVG = 'http://www.w3.org/2000/svg';

function svgElement(name: string, attributes: Record<string, string | number>): SVGElement {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) {
    element.setAttribute(key, String(value));
  }
  return element;
}

/** Node Graph's drawing: per node a group with circle, arc path and two texts; per edge a line with a marker. */
async function svgFps(services: number, durationMs: number): Promise<number> {
  const scene = layoutScene(services);
  document.body.innerHTML = '';
  const view = fitView(scene.nodes, WIDTH, HEIGHT);
  const svg = svgElement('svg', { width: WIDTH, height: HEIGHT });
  const defs = svgElement('defs', {});
  const marker = svgElement('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 8, refY: 5, markerWidth: 6, markerHeight: 6, orient: 'auto' });
  marker.appendChild(svgElement('path', { d: 'M0,0 L10,5 L0,10 z', fill: '#8e8e8e' }));
  defs.appendChild(marker);
  svg.appendChild(defs);
  const root = svgElement('g', { transform: `translate(${view.x},${view.y}) scale(${view.k})` });
  svg.appendChild(root);
  const color = (level: number) => (level < 0 ? theme.idle : theme.health[level]);
  for (const edge of scene.edges) {
    root.appendChild(
      svgElement('line', { x1: edge.x1, y1: edge.y1, x2: edge.x2, y2: edge.y2, stroke: color(edge.health), 'stroke-width': edge.width, 'stroke-opacity': 0.55, 'marker-end': 'url(#arrow)' })
    );
  }
  const particles: Array<{ element: SVGElement; edgeIndex: number; offset: number }> = [];
  scene.edges.forEach((edge, edgeIndex) => {
    for (let i = 0; i < edge.particleCount; i++) {
      const element = svgElement('circle', { r: 1.6 / view.k, fill: color(edge.health) });
      root.appendChild(element);
      particles.push({ element, edgeIndex, offset: i / edge.particleCount });
    }
  });
  for (const node of scene.nodes) {
    const g = svgElement('g', { transform: `translate(${node.x},${node.y})` });
    g.appendChild(svgElement('circle', { r: node.radius, fill: theme.nodeFill, stroke: color(node.health), 'stroke-width': 2 }));
    const a = node.errorShare * Math.PI * 2;
    g.appendChild(svgElement('path', { d: `M0,${-node.radius} A${node.radius},${node.radius} 0 ${a > Math.PI ? 1 : 0} 1 ${node.radius * Math.sin(a)},${-node.radius * Math.cos(a)}`, fill: 'none', stroke: theme.error, 'stroke-width': 3 }));
    const stat = svgElement('text', { 'text-anchor': 'middle', y: 3, 'font-size': 8, fill: theme.text });
    stat.textContent = `${Math.round(node.stats.rate)}/s`;
    const title = svgElement('text', { 'text-anchor': 'middle', y: node.radius + 12, 'font-size': 10, fill: theme.text });
    title.textContent = node.title;
    g.appendChild(stat);
    g.appendChild(title);
    root.appendChild(g);
  }
  document.body.appendChild(svg);
  const point = { x: 0, y: 0 };
  return measureFrames(durationMs, (now) => {
    for (const particle of particles) {
      const edge = scene.edges[particle.edgeIndex];
      const t = (now / 1000) * (edge.particleSpeed / edge.length) + particle.offset;
      pointOnEdge(edge, t - Math.floor(t), point);
      particle.element.setAttribute('cx', String(point.x));
      particle.element.setAttribute('cy', String(point.y));
    }
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
      svgFps: typeof svgFps;
      settleMs: typeof settleMs;
      relayoutMs: typeof relayoutMs;
    };
  }
}

window.kompasPanelBench = { canvasFps, svgFps, settleMs, relayoutMs };
