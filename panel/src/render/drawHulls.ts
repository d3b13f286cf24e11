import { DrawContext } from './drawContext';
import { FrameState } from './frameState';
import { LabelPlacer } from './labelPlacer';
import { Scene, SceneHull } from './sceneTypes';

const NAME_FONT_PX = 12;
const NAME_HEIGHT = NAME_FONT_PX + 4;
/** Keeps names off the very edge of the panel. */
const VIEW_MARGIN = 4;
const MAX_NAMES = 40;

function groupColor(frame: FrameState, hull: SceneHull): string {
  return hull.color ?? frame.theme.hull;
}

/**
 * Group hulls (namespace, domain): a soft rounded outline behind the nodes, one colour per group so
 * neighbouring groups tell apart. Their names come later, on top.
 */
export function drawHulls(ctx: DrawContext, scene: Scene, frame: FrameState): void {
  ctx.lineJoin = 'round';
  // A 1-px outline: wide translucent strokes are slow to rasterise in software canvas.
  ctx.lineWidth = 1 / frame.view.k;
  for (const hull of scene.hulls) {
    if (hull.points.length === 0 || !isHullVisible(hull, frame)) {
      continue;
    }
    ctx.beginPath();
    hull.points.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
    ctx.closePath();
    const color = groupColor(frame, hull);
    ctx.globalAlpha = 0.07;
    ctx.fillStyle = color;
    ctx.fill();
    ctx.globalAlpha = 0.45;
    ctx.strokeStyle = color;
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
}

/**
 * Spots for a hull's name (top-left corner of the box), best first: above the hull's top, then just outside
 * each corner of the hull going round from the top, then below it; each clamped inside the view, so a hull
 * running off the panel still shows its name at the panel edge.
 */
function nameSpots(hull: SceneHull, frame: FrameState, w: number): Array<[number, number]> {
  const { k, x: vx, y: vy } = frame.view;
  const points = hull.points.map(([x, y]): [number, number] => [x * k + vx, y * k + vy]);
  const cx = points.reduce((sum, p) => sum + p[0], 0) / points.length;
  const cy = points.reduce((sum, p) => sum + p[1], 0) / points.length;
  const byHeight = [...points].sort((a, b) => a[1] - b[1]);
  const spots: Array<[number, number]> = [];
  for (const [px, py] of byHeight) {
    // Just outside the hull at this corner, on the side away from its centre.
    const x = px > cx + w / 2 ? px : px < cx - w / 2 ? px - w : px - w / 2;
    spots.push([x, py < cy ? py - NAME_HEIGHT - 2 : py + 2]);
  }
  const clampX = (x: number) => Math.min(Math.max(x, VIEW_MARGIN), frame.width - VIEW_MARGIN - w);
  const clampY = (y: number) => Math.min(Math.max(y, VIEW_MARGIN), frame.height - VIEW_MARGIN - NAME_HEIGHT);
  return spots.map(([x, y]) => [clampX(x), clampY(y)]);
}

function isHullVisible(hull: SceneHull, frame: FrameState): boolean {
  const { minX, minY, maxX, maxY } = frame.visible;
  return hull.points.some(([x, y]) => x >= minX && x <= maxX && y >= minY && y <= maxY);
}

/**
 * Group names in screen space, on top of the map: each where it overlaps no node and nothing placed before it,
 * inside the view. A name with no free spot is left out rather than drawn over a service.
 */
export function drawHullNames(ctx: DrawContext, scene: Scene, frame: FrameState, placer: LabelPlacer): number {
  if (scene.hulls.length === 0) {
    return 0;
  }
  ctx.setTransform(frame.dpr, 0, 0, frame.dpr, 0, 0);
  ctx.font = `600 ${NAME_FONT_PX}px ${frame.theme.fontFamily}`;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'top';
  let drawn = 0;
  for (const hull of scene.hulls) {
    if (drawn >= MAX_NAMES || hull.points.length === 0 || !isHullVisible(hull, frame)) {
      continue;
    }
    const w = ctx.measureText(hull.group).width + 8;
    const spot = nameSpots(hull, frame, w).find(([x, y]) => placer.tryPlace(x, y, w, NAME_HEIGHT));
    if (!spot) {
      continue;
    }
    ctx.globalAlpha = 0.8;
    ctx.fillStyle = frame.theme.textShadow;
    ctx.fillRect(spot[0], spot[1], w, NAME_HEIGHT);
    ctx.globalAlpha = 1;
    ctx.fillStyle = groupColor(frame, hull);
    ctx.fillText(hull.group, spot[0] + 4, spot[1] + 2);
    drawn++;
  }
  return drawn;
}
