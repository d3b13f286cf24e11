import { Force } from 'd3-force';
import { SimNode } from './runSimulation';

/** Groups are pushed apart pairwise (groups² per tick): beyond this many only the pull to their centres runs. */
const MAX_SEPARATED_GROUPS = 256;

export interface GroupForceOptions {
  /** Group index per node (-1 = none) and the number of groups. */
  index: Int32Array;
  count: number;
  /** Pull of each node towards its group's centre, per tick (times alpha). */
  strength: number;
  /**
   * Groups whose discs (radius `spacing` × √members) overlap are pushed apart with this strength, so hulls form
   * separate clusters; 0 disables (a warm run keeps the anchored map's groups where they are).
   */
  separation: number;
  spacing: number;
  /** Fixed group centres (x, y per group): a warm run pulls towards where the group is on the whole map. */
  centres?: Float64Array;
}

/**
 * A d3 force that clusters groups (namespace, domain): each node is pulled towards its group's centre, and
 * groups that overlap are pushed apart as a whole, so the hulls the panel draws around them do not overlap.
 */
export function forceGroups(options: GroupForceOptions): Force<SimNode, undefined> {
  const { index, count: groupCount, strength, separation, spacing, centres } = options;
  let nodes: SimNode[] = [];
  const sumX = new Float64Array(groupCount);
  const sumY = new Float64Array(groupCount);
  const count = new Float64Array(groupCount);
  const shiftX = new Float64Array(groupCount);
  const shiftY = new Float64Array(groupCount);
  const separate = (alpha: number) => {
    shiftX.fill(0);
    shiftY.fill(0);
    for (let g = 0; g < groupCount; g++) {
      for (let h = g + 1; h < groupCount; h++) {
        if (count[g] === 0 || count[h] === 0) {
          continue;
        }
        const dx = sumX[h] / count[h] - sumX[g] / count[g];
        const dy = sumY[h] / count[h] - sumY[g] / count[g];
        const distance = Math.hypot(dx, dy) || 1e-6;
        const overlap = spacing * (Math.sqrt(count[g]) + Math.sqrt(count[h])) - distance;
        if (overlap > 0) {
          // The smaller group moves more, as a lighter body would.
          const push = (overlap * separation * alpha) / distance;
          const share = count[h] / (count[g] + count[h]);
          shiftX[g] -= dx * push * share;
          shiftY[g] -= dy * push * share;
          shiftX[h] += dx * push * (1 - share);
          shiftY[h] += dy * push * (1 - share);
        }
      }
    }
  };
  const force = (alpha: number) => {
    sumX.fill(0);
    sumY.fill(0);
    count.fill(0);
    nodes.forEach((node, i) => {
      const g = index[i];
      if (g >= 0) {
        sumX[g] += node.x;
        sumY[g] += node.y;
        count[g]++;
      }
    });
    if (separation > 0 && !centres && groupCount <= MAX_SEPARATED_GROUPS) {
      separate(alpha);
    }
    nodes.forEach((node, i) => {
      const g = index[i];
      if (g < 0 || (!centres && count[g] < 2)) {
        return;
      }
      const cx = centres ? centres[2 * g] : sumX[g] / count[g];
      const cy = centres ? centres[2 * g + 1] : sumY[g] / count[g];
      node.vx = (node.vx ?? 0) + (cx - node.x) * strength * alpha + shiftX[g];
      node.vy = (node.vy ?? 0) + (cy - node.y) * strength * alpha + shiftY[g];
    });
  };
  force.initialize = (initial: SimNode[]) => {
    nodes = initial;
  };
  return force;
}
