/**
 * Tuning of the force layout. Stock d3 settings (300 ticks, theta 0.9, unbounded many-body) take ~15 s at
 * 2,000 nodes / 6,000 links; a radial-tree initial placement lets far fewer ticks settle the map.
 */
export interface LayoutConfig {
  linkDistance: number;
  linkStrength: number;
  chargeStrength: number;
  /** Barnes–Hut accuracy: larger is faster and coarser. */
  theta: number;
  /** Beyond this distance nodes do not repel: keeps the quadtree walk short. */
  chargeDistanceMax: number;
  collidePadding: number;
  /** Pull towards the centre so separate components stay together. */
  centerStrength: number;
  /**
   * Width / height the cold layout aims for: dashboard panels are wide, and a round map fitted into a wide
   * panel leaves its sides empty and draws everything small. Fixed (not the panel's own size), so the same
   * graph still gives everyone the same map.
   */
  aspect: number;
  coldTicks: number;
  warmTicks: number;
  warmAlpha: number;
  /** Farthest a node already on the map moves in a warm re-layout (world units): refreshes nudge, never jump. */
  maxNudge: number;
  velocityDecay: number;
  /**
   * Layered mode: spacing between call-depth columns (wider than the longest title the panel draws, 28
   * characters at zoom 1, so titles of neighbouring columns never meet; spread wider to fill a wide panel) and the
   * least spacing between rows (rows also fit the largest node and its title, which decides it on most maps).
   */
  layerGap: number;
  layerRowGap: number;
  /** Pull of each node towards its group's centre, so group hulls stay compact; 0 disables. */
  groupStrength: number;
  /** Push between groups whose discs (groupSpacing × √members) overlap, so hulls do not overlap; 0 disables. */
  groupSeparation: number;
  groupSpacing: number;
  defaultRadius: number;
}

export const defaultLayoutConfig: LayoutConfig = {
  linkDistance: 70,
  linkStrength: 0.35,
  chargeStrength: -140,
  theta: 1.2,
  chargeDistanceMax: 320,
  collidePadding: 6,
  centerStrength: 0.02,
  aspect: 1.8,
  coldTicks: 55,
  warmTicks: 8,
  warmAlpha: 0.3,
  maxNudge: 12,
  velocityDecay: 0.45,
  layerGap: 200,
  layerRowGap: 64,
  groupStrength: 0.3,
  groupSeparation: 0.3,
  groupSpacing: 40,
  defaultRadius: 12,
};

/** Graphs at least this large are laid out in a Web Worker so the UI never blocks. */
export const WORKER_NODE_THRESHOLD = 150;
