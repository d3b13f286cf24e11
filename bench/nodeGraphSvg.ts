/*
 * The SVG baseline of the panel benchmark: the same scene in the DOM that Grafana's Node Graph panel renders
 * (public/app/plugins/panel/nodeGraph: Node.tsx, Edge.tsx, EdgeArrowMarker.tsx), element for element:
 * - per edge: two arrow markers in their own <defs> (plain and highlighted), a <g> with the visible line
 *   (marker-end) and a transparent 20-unit hit line;
 * - per node: a <g> (opacity transition), the main circle, one arc path per non-zero section (success and
 *   error share; a full circle when one section is 100 %), and two <foreignObject>s holding HTML: the stats
 *   (two spans) and the title/subtitle under the node, with Node Graph's ellipsis/background styles.
 * Node Graph has no animation; the particles of the same scene (exactly those the canvas draws: `particleStride`)
 * are SVG circles whose cx/cy are set each frame with setAttribute (cheaper than a React re-render would be, so
 * the baseline is not handicapped). Node Graph itself shows at most 200 nodes by default; this is its DOM for all.
 */
import { pointOnEdge } from '../panel/src/render/edgeGeometry';
import { Scene, SceneEdge, SceneNode, SceneTheme, ViewTransform } from '../panel/src/render/sceneTypes';

const SVG = 'http://www.w3.org/2000/svg';

// Node Graph's emotion styles (Node.tsx getStyles) as one stylesheet.
const NODE_GRAPH_CSS = `
.ng-main { cursor: pointer; font-size: 10px; transition: opacity 300ms; opacity: 1; }
.ng-text { fill: #ccccdc; color: #ccccdc; }
.ng-stats { text-align: center; text-overflow: ellipsis; overflow: hidden; white-space: nowrap; width: 70px; }
.ng-title { text-align: center; text-overflow: ellipsis; overflow: hidden; white-space: nowrap; width: 100px;
  background-color: #11121799; }
`;

function svgElement(name: string, attributes: Record<string, string | number>): SVGElement {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) {
    element.setAttribute(key, String(value));
  }
  return element;
}

function arrowMarker(id: string, fill: string, headHeight: number): SVGElement {
  const defs = svgElement('defs', {});
  const marker = svgElement('marker', {
    id,
    viewBox: '0 0 10 10',
    refX: 1,
    refY: 5,
    markerUnits: 'userSpaceOnUse',
    markerWidth: headHeight,
    markerHeight: headHeight,
    orient: 'auto',
  });
  marker.appendChild(svgElement('path', { d: 'M 0 0 L 10 5 L 0 10 z', fill }));
  defs.appendChild(marker);
  return defs;
}

function edgeElements(edge: SceneEdge, index: number, color: string): SVGElement[] {
  const headHeight = 10 + edge.width * 2;
  const line = { x1: edge.x1, y1: edge.y1, x2: edge.x2, y2: edge.y2 };
  const g = svgElement('g', {
    style: 'cursor: pointer',
    'aria-label': `Edge from: ${edge.source.id} to: ${edge.target.id}`,
  });
  g.appendChild(
    svgElement('line', { ...line, 'stroke-width': edge.width, stroke: color, 'marker-end': `url(#triangle-${index})` })
  );
  g.appendChild(svgElement('line', { ...line, stroke: 'transparent', 'stroke-width': 20 }));
  return [
    arrowMarker(`triangle-${index}`, color, headHeight),
    arrowMarker(`triangle-colored-${index}`, '#a00', headHeight),
    g,
  ];
}

function arcPath(node: SceneNode, start: number, share: number, color: string): SVGElement {
  const r = node.radius;
  const end = start + share;
  const d =
    `M ${node.x + Math.sin(2 * Math.PI * start) * r} ${node.y - Math.cos(2 * Math.PI * start) * r} ` +
    `A ${r} ${r} 0 ${share > 0.5 ? 1 : 0} 1 ${node.x + Math.sin(2 * Math.PI * end) * r} ${node.y - Math.cos(2 * Math.PI * end) * r}`;
  return svgElement('path', { fill: 'none', d, stroke: color, 'stroke-width': 2 });
}

function htmlLines(className: string, first: string, second: string): HTMLElement {
  const div = document.createElement('div');
  div.className = className;
  const a = document.createElement('span');
  a.textContent = first;
  const b = document.createElement('span');
  b.textContent = second;
  div.append(a, document.createElement('br'), b);
  return div;
}

function statTexts(node: SceneNode, scale: number): [string, string] {
  return [`${(node.stats.p95Ms * scale).toFixed(2)} ms/r`, `${(node.stats.rate * scale).toFixed(2)} r/sec`];
}

function nodeElement(node: SceneNode, theme: SceneTheme): SVGElement {
  const g = svgElement('g', { class: 'ng-main', 'data-node-id': node.id, 'aria-label': `Node: ${node.title}` });
  g.appendChild(svgElement('circle', { r: node.radius, cx: node.x, cy: node.y, fill: theme.nodeFill }));
  const success = 1 - node.errorShare;
  if (success >= 1 || node.errorShare >= 1) {
    const color = success >= 1 ? theme.health[0] : theme.error;
    g.appendChild(
      svgElement('circle', { fill: 'none', stroke: color, 'stroke-width': 2, r: node.radius, cx: node.x, cy: node.y })
    );
  } else {
    g.appendChild(arcPath(node, 0, success, theme.health[0]));
    g.appendChild(arcPath(node, success, node.errorShare, theme.error));
  }
  const text = svgElement('g', { class: 'ng-text' });
  const stats = svgElement('foreignObject', { x: node.x - 35, y: node.y - 15, width: 70, height: 40 });
  stats.appendChild(htmlLines('ng-stats', ...statTexts(node, 1)));
  const title = svgElement('foreignObject', { x: node.x - 50, y: node.y + node.radius + 5, width: 100, height: 40 });
  title.appendChild(htmlLines('ng-title', node.title, node.kind));
  text.append(stats, title);
  g.appendChild(text);
  return g;
}

export interface NodeGraphSvg {
  svg: SVGSVGElement;
  /** Moves the particles to their places at `timeSec` (the only per-frame work: Node Graph itself is static). */
  animate(timeSec: number): void;
  /**
   * A stream tick: every node's stats change, and Node Graph (React) re-renders the two stat lines of each
   * node whose values changed — as the canvas redraws everything on a tick. Edges keep their widths here.
   */
  tick(index: number): void;
}

export function buildNodeGraphSvg(
  scene: Scene,
  view: ViewTransform,
  width: number,
  height: number,
  theme: SceneTheme,
  particleStride = 1
): NodeGraphSvg {
  const svg = svgElement('svg', { width, height }) as SVGSVGElement;
  const style = document.createElementNS(SVG, 'style');
  style.textContent = NODE_GRAPH_CSS;
  svg.appendChild(style);
  const root = svgElement('g', { transform: `translate(${view.x},${view.y}) scale(${view.k})` });
  svg.appendChild(root);
  const color = (level: number) => (level < 0 ? theme.idle : theme.health[level]);
  const edges = svgElement('g', {});
  scene.edges.forEach((edge, index) => edges.append(...edgeElements(edge, index, color(edge.health))));
  root.appendChild(edges);
  const particles: Array<{ element: SVGElement; edge: SceneEdge; offset: number }> = [];
  const particleLayer = svgElement('g', {});
  for (const edge of scene.edges) {
    for (let i = 0; i < edge.particleCount; i += particleStride) {
      const element = svgElement('circle', { r: 1.6 / view.k, fill: color(edge.health) });
      particleLayer.appendChild(element);
      particles.push({ element, edge, offset: i / edge.particleCount });
    }
  }
  root.appendChild(particleLayer);
  const nodes = svgElement('g', {});
  const statSpans: Array<{ node: SceneNode; spans: NodeListOf<HTMLSpanElement> }> = [];
  for (const node of scene.nodes) {
    const element = nodeElement(node, theme);
    nodes.appendChild(element);
    statSpans.push({ node, spans: element.querySelectorAll<HTMLSpanElement>('.ng-stats span') });
  }
  root.appendChild(nodes);
  const point = { x: 0, y: 0 };
  return {
    svg,
    animate(timeSec) {
      for (const { element, edge, offset } of particles) {
        const t = timeSec * (edge.particleSpeed / edge.length) + offset;
        pointOnEdge(edge, t - Math.floor(t), point);
        element.setAttribute('cx', String(point.x));
        element.setAttribute('cy', String(point.y));
      }
    },
    tick(index) {
      const scale = 1 + 0.01 * (index % 7);
      for (const { node, spans } of statSpans) {
        const [p95, rate] = statTexts(node, scale);
        spans[0].textContent = p95;
        spans[1].textContent = rate;
      }
    },
  };
}
