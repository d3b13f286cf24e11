import { DrawContext } from './drawContext';
import { FrameState } from './frameState';
import { LabelPlacer } from './labelPlacer';
import { hullNameSpots, ScreenPolygon } from './hullNameSpots';
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

function toScreen(hull: SceneHull, frame: FrameState): ScreenPolygon {
  const { k, x: vx, y: vy } = frame.view;
  return hull.points.map(([x, y]): [number, number] => [x * k + vx, y * k + vy]);
}

function isHullVisible(hull: SceneHull, frame: FrameState): boolean {
  const { minX, minY, maxX, maxY } = frame.visible;
  return hull.points.some(([x, y]) => x >= minX && x <= maxX && y >= minY && y <= maxY);
}

/**
 * Group names in screen space, on top of the map: each on its own hull (its top edge first, else inside it,
 * never inside another hull) where it overlaps no node and nothing placed before it, inside the view. Placed
 * after the selected, hovered and unhealthy titles and before the others, so every group is named at the fit
 * view. A name with no free spot is left out rather than drawn over a service.
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
  const shown = scene.hulls.filter((hull) => hull.points.length > 0 && isHullVisible(hull, frame));
  const polygons = shown.map((hull) => toScreen(hull, frame));
  for (const [i, hull] of shown.entries()) {
    if (drawn >= MAX_NAMES) {
      break;
    }
    const w = ctx.measureText(hull.group).width + 8;
    const others = polygons.filter((_, j) => j !== i);
    const box = { w, h: NAME_HEIGHT, width: frame.width, height: frame.height, margin: VIEW_MARGIN };
    let spot: [number, number] | undefined;
    for (const [x, y] of hullNameSpots(polygons[i], others, box)) {
      if (placer.tryPlace(x, y, w, NAME_HEIGHT)) {
        spot = [x, y];
        break;
      }
    }
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
