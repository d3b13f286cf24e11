import { DrawContext } from './drawContext';
import { FrameState } from './frameState';
import { Scene } from './sceneTypes';

/** Group hulls (namespace, domain): a soft rounded outline behind the nodes with the group name on top. */
export function drawHulls(ctx: DrawContext, scene: Scene, frame: FrameState): void {
  if (scene.hulls.length === 0) {
    return;
  }
  const { k } = frame.view;
  ctx.lineJoin = 'round';
  ctx.beginPath();
  for (const hull of scene.hulls) {
    hull.points.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
    ctx.closePath();
  }
  ctx.globalAlpha = 0.07;
  ctx.fillStyle = frame.theme.hull;
  ctx.fill();
  // A 1-px outline: wide translucent strokes are slow to rasterise in software canvas.
  ctx.globalAlpha = 0.4;
  ctx.strokeStyle = frame.theme.hull;
  ctx.lineWidth = 1 / k;
  ctx.stroke();
  ctx.globalAlpha = 1;
  if (k < 0.25) {
    return;
  }
  ctx.font = `${12 / k}px ${frame.theme.fontFamily}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  ctx.fillStyle = frame.theme.hull;
  for (const hull of scene.hulls) {
    let top: [number, number] | undefined;
    for (const p of hull.points) {
      if (!top || p[1] < top[1]) {
        top = p;
      }
    }
    if (top) {
      ctx.fillText(hull.group, top[0], top[1] - 8 / k);
    }
  }
}
