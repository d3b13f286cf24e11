import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, SimulationLinkDatum, SimulationNodeDatum } from 'd3-force';
import { forceGroups } from './forceGroups';
import { LayoutConfig } from './layoutConfig';

/** A node inside d3 (post-copy: d3 mutates these, never the caller's input). */
export interface SimNode extends SimulationNodeDatum {
  x: number;
  y: number;
  radius: number;
}

export interface SimLink extends SimulationLinkDatum<SimNode> {
  source: number | SimNode;
  target: number | SimNode;
}

export interface SimulationPlan {
  nodes: SimNode[];
  links: SimLink[];
  alpha: number;
  ticks: number;
  /** Centre pull; 0 for local relaxation so the anchored rest of the map defines where things go. */
  centerStrength: number;
  /** Many-body repulsion; local relaxation skips it (anchored neighbours and collision already space nodes). */
  charge: boolean;
  /**
   * Group index per node (-1 = none) and the number of groups, for the group-clustering force; with fixed
   * centres (a warm run) nodes are pulled towards those and groups are not pushed apart.
   */
  groups?: { index: Int32Array; count: number; centres?: Float64Array };
  random: () => number;
}

/** Alpha reached on the last tick: lower is wasted work, the map no longer moves visibly. */
const FINAL_ALPHA = 0.02;

function radiusOf(node: SimNode | number): number {
  return typeof node === 'number' ? 0 : node.radius;
}

/** Runs a fixed number of ticks synchronously (no d3 timer) and leaves the result in plan.nodes. */
export function runSimulation(plan: SimulationPlan, config: LayoutConfig): void {
  const { nodes, links, alpha, ticks } = plan;
  if (nodes.length === 0 || ticks <= 0) {
    return;
  }
  const simulation = forceSimulation<SimNode, SimLink>(nodes)
    .stop()
    .randomSource(plan.random)
    .alpha(alpha)
    .alphaMin(0)
    .alphaDecay(1 - Math.pow(Math.min(FINAL_ALPHA / alpha, 1), 1 / ticks))
    .velocityDecay(config.velocityDecay);
  const link = forceLink<SimNode, SimLink>(links).distance(
    (l) => config.linkDistance + radiusOf(l.source) + radiusOf(l.target)
  );
  // Scale d3's degree-aware default strength (1 / min degree), which keeps hubs from collapsing.
  const baseStrength = link.strength();
  link.strength((l, i, all) => config.linkStrength * Number(typeof baseStrength === 'function' ? baseStrength(l, i, all) : baseStrength));
  simulation
    .force('link', link)
    .force('collide', forceCollide<SimNode>((n) => n.radius + config.collidePadding).strength(0.8));
  if (plan.charge) {
    simulation.force(
      'charge',
      forceManyBody<SimNode>().strength(config.chargeStrength).theta(config.theta).distanceMax(config.chargeDistanceMax)
    );
  }
  if (plan.groups && plan.groups.count > 0 && config.groupStrength > 0) {
    simulation.force(
      'group',
      forceGroups({
        ...plan.groups,
        strength: config.groupStrength,
        separation: config.groupSeparation,
        spacing: config.groupSpacing,
      })
    );
  }
  if (plan.centerStrength > 0) {
    simulation.force('x', forceX<SimNode>(0).strength(plan.centerStrength / config.aspect));
    simulation.force('y', forceY<SimNode>(0).strength(plan.centerStrength * config.aspect));
  }
  simulation.tick(ticks);
}
