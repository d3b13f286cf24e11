import { PositionMap } from './layoutTypes';
import { Topology } from './topology';

/**
 * Warm-start positions: known nodes keep their previous place; a new node starts at the centre of its placed
 * neighbours (BFS outwards, so chains of new nodes grow from the known map) with a small seeded offset.
 * New nodes with no placed neighbour start just outside the map.
 */
export function placeNewNodes(
  topology: Topology,
  previous: PositionMap,
  linkDistance: number,
  random: () => number
): { xs: Float64Array; ys: Float64Array; placed: boolean[] } {
  const n = topology.ids.length;
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  const placed = topology.ids.map((id) => previous[id] !== undefined);
  const known = placed.slice();
  const queue: number[] = [];
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  topology.ids.forEach((id, i) => {
    const p = previous[id];
    if (p) {
      xs[i] = p.x;
      ys[i] = p.y;
      minX = Math.min(minX, p.x);
      maxX = Math.max(maxX, p.x);
      minY = Math.min(minY, p.y);
      maxY = Math.max(maxY, p.y);
      queue.push(i);
    }
  });
  const offset = () => (random() - 0.5) * linkDistance;
  for (let head = 0; head < queue.length; head++) {
    for (const v of topology.neighbours[queue[head]]) {
      if (placed[v]) {
        continue;
      }
      let sx = 0;
      let sy = 0;
      let count = 0;
      for (const w of topology.neighbours[v]) {
        if (placed[w]) {
          sx += xs[w];
          sy += ys[w];
          count++;
        }
      }
      xs[v] = sx / count + offset();
      ys[v] = sy / count + offset();
      placed[v] = true;
      queue.push(v);
    }
  }
  const cx = Number.isFinite(minX) ? (minX + maxX) / 2 : 0;
  const cy = Number.isFinite(minY) ? (minY + maxY) / 2 : 0;
  const ring = Number.isFinite(minX) ? Math.max(maxX - minX, maxY - minY) / 2 + linkDistance : linkDistance;
  placed.forEach((isPlaced, i) => {
    if (!isPlaced) {
      const angle = random() * 2 * Math.PI;
      xs[i] = cx + ring * Math.cos(angle);
      ys[i] = cy + ring * Math.sin(angle);
    }
  });
  return { xs, ys, placed: known };
}
