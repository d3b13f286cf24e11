import { createRandom, seedFromIds } from './lcg';
import { layoutLayeredCold, layoutLayeredWarm } from './layeredLayout';
import { defaultLayoutConfig, LayoutConfig } from './layoutConfig';
import { LayoutRequest, LayoutResult, PositionMap } from './layoutTypes';
import { placeNewNodes } from './placeNewNodes';
import { placeRadialTree } from './radialPlacement';
import { runSimulation, SimLink, SimNode } from './runSimulation';
import { buildTopology, edgeKey, Topology } from './topology';

/** Share of nodes that must have a previous position for a warm (local) re-layout instead of a cold one. */
const WARM_COVERAGE = 0.5;

function toPositions(topology: Topology, nodes: SimNode[]): PositionMap {
  const positions: PositionMap = {};
  topology.ids.forEach((id, i) => {
    positions[id] = { x: nodes[i].x, y: nodes[i].y };
  });
  return positions;
}

function createNodes(request: LayoutRequest, config: LayoutConfig, xs: Float64Array, ys: Float64Array): SimNode[] {
  const pins = request.pins ?? {};
  return request.nodes.map((node, i) => {
    const pin = pins[node.id];
    const simNode: SimNode = { x: pin?.x ?? xs[i], y: pin?.y ?? ys[i], radius: node.radius ?? config.defaultRadius };
    if (pin) {
      simNode.fx = pin.x;
      simNode.fy = pin.y;
    }
    return simNode;
  });
}

function indexGroups(request: LayoutRequest): { index: Int32Array; count: number } | undefined {
  const ids = new Map<string, number>();
  const index = Int32Array.from(request.nodes, (node) => {
    if (!node.group) {
      return -1;
    }
    if (!ids.has(node.group)) {
      ids.set(node.group, ids.size);
    }
    return ids.get(node.group) ?? -1;
  });
  return ids.size > 0 ? { index, count: ids.size } : undefined;
}

/**
 * The group force of a local (warm) relaxation: the moving nodes are pulled towards the centre of their group
 * on the whole map (known places), not of the few nodes the relaxation holds.
 */
function localGroups(
  request: LayoutRequest,
  placed: boolean[],
  xs: Float64Array,
  ys: Float64Array,
  simIndex: number[]
): { index: Int32Array; count: number; centres: Float64Array } | undefined {
  const groups = indexGroups(request);
  if (!groups) {
    return undefined;
  }
  const centres = new Float64Array(2 * groups.count);
  const members = new Float64Array(groups.count);
  groups.index.forEach((g, i) => {
    if (g >= 0 && placed[i]) {
      centres[2 * g] += xs[i];
      centres[2 * g + 1] += ys[i];
      members[g]++;
    }
  });
  // A group new to the map has no centre yet: its nodes follow their neighbours only.
  const index = Int32Array.from(simIndex, (i) => (members[groups.index[i]] > 0 ? groups.index[i] : -1));
  members.forEach((m, g) => {
    centres[2 * g] /= m || 1;
    centres[2 * g + 1] /= m || 1;
  });
  return { index, count: groups.count, centres };
}

function layoutCold(
  request: LayoutRequest,
  topology: Topology,
  config: LayoutConfig,
  random: () => number
): LayoutResult {
  let { xs, ys } = placeRadialTree(topology, config.linkDistance);
  xs = xs.map((x) => x * Math.sqrt(config.aspect));
  ys = ys.map((y) => y / Math.sqrt(config.aspect));
  const nodes = createNodes(request, config, xs, ys);
  const links: SimLink[] = topology.links.map(([source, target]) => ({ source, target }));
  runSimulation(
    {
      nodes,
      links,
      alpha: 1,
      ticks: config.coldTicks,
      centerStrength: config.centerStrength,
      charge: true,
      groups: indexGroups(request),
      random,
    },
    config
  );
  return { positions: toPositions(topology, nodes), kind: 'cold', ticks: config.coldTicks, movedNodes: nodes.length };
}

/**
 * Nodes with an edge the layout has not seen before. Edges that leave only loosen a spring, and edges that
 * return were laid out before, so those nodes stay where the user last saw them.
 */
function findChangedNodes(request: LayoutRequest, topology: Topology): Set<number> {
  const before = new Set((request.previous?.edges ?? []).map(edgeKey));
  const changed = new Set<number>();
  for (const edge of request.edges) {
    if (!before.has(edgeKey(edge))) {
      const s = topology.indexById.get(edge.source);
      const t = topology.indexById.get(edge.target);
      if (s !== undefined && t !== undefined) {
        changed.add(s);
        changed.add(t);
      }
    }
  }
  return changed;
}

/** Known nodes pulled by a new edge move at most `maxNudge` from where the user saw them: a nudge, not a jump. */
function limitNudges(nodes: SimNode[], known: boolean[], xs: Float64Array, ys: Float64Array, maxNudge: number): void {
  nodes.forEach((node, i) => {
    const dx = node.x - xs[i];
    const dy = node.y - ys[i];
    const moved = Math.hypot(dx, dy);
    if (known[i] && moved > maxNudge) {
      node.x = xs[i] + (dx * maxNudge) / moved;
      node.y = ys[i] + (dy * maxNudge) / moved;
    }
  });
}

function layoutWarm(
  request: LayoutRequest,
  topology: Topology,
  config: LayoutConfig,
  random: () => number
): LayoutResult {
  const previous = request.previous?.positions ?? {};
  const pins = request.pins ?? {};
  const { xs, ys, placed } = placeNewNodes(topology, previous, config.linkDistance, random);
  const movable = findChangedNodes(request, topology);
  placed.forEach((isKnown, i) => !isKnown && movable.add(i));
  const pinsMoved = topology.ids.some((id, i) => pins[id] && (pins[id].x !== xs[i] || pins[id].y !== ys[i]));
  const nodes = createNodes(request, config, xs, ys);
  if (movable.size === 0) {
    return { positions: toPositions(topology, nodes), kind: pinsMoved ? 'warm' : 'unchanged', ticks: 0, movedNodes: 0 };
  }
  // Local relaxation: the changed nodes move, their neighbours anchor them, everything else stays put.
  const local = new Map<number, number>();
  const simNodes: SimNode[] = [];
  const simIndex: number[] = [];
  const include = (i: number) => {
    if (!local.has(i)) {
      local.set(i, simNodes.length);
      simNodes.push(nodes[i]);
      simIndex.push(i);
    }
  };
  movable.forEach((i) => {
    include(i);
    topology.neighbours[i].forEach(include);
  });
  local.forEach((_, i) => {
    if (!movable.has(i) && nodes[i].fy === undefined) {
      nodes[i].fx = nodes[i].x;
      nodes[i].fy = nodes[i].y;
    }
  });
  const links: SimLink[] = [];
  for (const [a, b] of topology.links) {
    if (movable.has(a) || movable.has(b)) {
      links.push({ source: local.get(a) ?? 0, target: local.get(b) ?? 0 });
    }
  }
  runSimulation(
    {
      nodes: simNodes,
      links,
      alpha: config.warmAlpha,
      ticks: config.warmTicks,
      centerStrength: 0,
      charge: false,
      groups: localGroups(request, placed, xs, ys, simIndex),
      random,
    },
    config
  );
  const nudgeable = placed.map((isKnown, i) => isKnown && !pins[topology.ids[i]]);
  limitNudges(nodes, nudgeable, xs, ys, config.maxNudge);
  return { positions: toPositions(topology, nodes), kind: 'warm', ticks: config.warmTicks, movedNodes: movable.size };
}

/**
 * The request with nodes in id order and edges in (source, target) order: the layout then depends only on the
 * sets, not on the order a datasource (or a stream's backfill) happened to list them in.
 */
function sortRequest(request: LayoutRequest): LayoutRequest {
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return {
    ...request,
    nodes: [...request.nodes].sort((a, b) => byText(a.id, b.id)),
    edges: [...request.edges].sort((a, b) => byText(a.source, b.source) || byText(a.target, b.target)),
  };
}

/**
 * Positions for every node of the request. A cold layout is deterministic for the same node and edge sets, in
 * any order (seeded from the sorted ids unless a seed is given). With a previous layout covering most nodes it
 * only relaxes what changed, starting from the remembered places (those already fix the map, so the warm path
 * skips the sorting); a force map remembered under another grouping field is laid out afresh. Layered mode is
 * the flow diagram of layeredLayout, cold and warm alike.
 */
export function forceLayout(request: LayoutRequest, config: LayoutConfig = defaultLayoutConfig): LayoutResult {
  const previous = request.previous?.positions;
  const known = previous ? request.nodes.filter((node) => previous[node.id]).length : 0;
  const layered = request.mode === 'layered';
  const sameGrouping = layered || (request.previous?.grouping ?? '') === (request.grouping ?? '');
  if (request.nodes.length > 0 && known / request.nodes.length >= WARM_COVERAGE && sameGrouping) {
    const topology = buildTopology(request.nodes, request.edges);
    if (layered) {
      return layoutLayeredWarm(request, topology, config);
    }
    return layoutWarm(request, topology, config, createRandom(request.seed ?? seedFromIds(topology.ids)));
  }
  const sorted = sortRequest(request);
  const topology = buildTopology(sorted.nodes, sorted.edges);
  if (layered) {
    return layoutLayeredCold(sorted, topology, config);
  }
  return layoutCold(sorted, topology, config, createRandom(sorted.seed ?? seedFromIds(topology.ids)));
}
