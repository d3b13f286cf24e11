import { Force } from 'd3-force';
import { SimNode } from './runSimulation';

/**
 * A d3 force pulling each node towards the centre of its group (namespace, domain), so group hulls stay
 * compact instead of spanning the whole map. `groups[i]` is the group index of node i, or -1.
 */
export function forceGroups(groups: Int32Array, groupCount: number, strength: number): Force<SimNode, undefined> {
  let nodes: SimNode[] = [];
  const sumX = new Float64Array(groupCount);
  const sumY = new Float64Array(groupCount);
  const count = new Float64Array(groupCount);
  const force = (alpha: number) => {
    sumX.fill(0);
    sumY.fill(0);
    count.fill(0);
    nodes.forEach((node, i) => {
      const g = groups[i];
      if (g >= 0) {
        sumX[g] += node.x;
        sumY[g] += node.y;
        count[g]++;
      }
    });
    nodes.forEach((node, i) => {
      const g = groups[i];
      if (g >= 0 && count[g] > 1) {
        node.vx = (node.vx ?? 0) + (sumX[g] / count[g] - node.x) * strength * alpha;
        node.vy = (node.vy ?? 0) + (sumY[g] / count[g] - node.y) * strength * alpha;
      }
    });
  };
  force.initialize = (initial: SimNode[]) => {
    nodes = initial;
  };
  return force;
}
