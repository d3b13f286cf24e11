import { computeCallLayers } from './callDepth';
import { LayoutConfig } from './layoutConfig';
import { LayoutRequest, LayoutResult, Point, PositionMap } from './layoutTypes';
import { orderLayers } from './orderLayers';
import { Topology } from './topology';
import { untangleColumns } from './untangleColumns';

/**
 * Node radii count in steps this coarse, so a change of traffic does not change the row spacing (the largest node
 * is the busiest one, drawn at full size whatever the rates, so the step only matters for maps without traffic).
 */
const RADIUS_STEP = 2;
/** Drawn-crossing repair runs on maps up to this many calls (it costs calls² per pass). */
const UNTANGLE_MAX_CALLS = 600;
/** Room under a node for its title (11 px text on a plate, 4 px off the circle) at zoom 1. */
const LABEL_ROOM = 17;
/** Columns spread at most this many times the narrowest gap: wider, a short diagram's calls get long and thin. */
const MAX_SPREAD = 2.5;

/** The grid of the flow diagram: every node sits in a column (call depth) and a row slot. */
export interface LayeredGrid {
  columnGap: number;
  rowPitch: number;
}

/**
 * Column spacing is the configured gap (wide enough for the longest title the panel draws); rows are spaced for
 * the largest node plus its title, so no two slots overlap.
 */
export function layeredGrid(request: LayoutRequest, config: LayoutConfig): LayeredGrid {
  let maxRadius = config.defaultRadius;
  for (const node of request.nodes) {
    maxRadius = Math.max(maxRadius, node.radius ?? config.defaultRadius);
  }
  const coarse = Math.ceil(maxRadius / RADIUS_STEP) * RADIUS_STEP;
  return {
    columnGap: config.layerGap,
    rowPitch: Math.max(config.layerRowGap, 2 * coarse + LABEL_ROOM + config.collidePadding),
  };
}

/**
 * The column gap that gives the diagram about the panel's shape (`viewAspect`, width / height): each column and
 * each row counted with the room it takes, never narrower than the configured gap (titles need it) nor wider than
 * MAX_SPREAD times it. Depends only on the grid and the aspect, so the same request and panel shape give the
 * same map.
 */
export function spreadColumnGap(
  grid: LayeredGrid,
  columns: number,
  rows: number,
  viewAspect: number | undefined
): number {
  if (viewAspect === undefined || columns < 2 || rows < 1) {
    return grid.columnGap;
  }
  const wanted = (viewAspect * rows * grid.rowPitch) / columns;
  return Math.round(Math.min(MAX_SPREAD * grid.columnGap, Math.max(grid.columnGap, wanted)));
}

/**
 * Integer slots in the given order, as close as possible (least squares) to the preferred ones: slots must
 * increase by at least one down the column, so fit slot - index with a non-decreasing sequence (pool adjacent
 * violators) and round.
 */
export function fitSlots(preferred: readonly number[]): number[] {
  const sums: number[] = [];
  const counts: number[] = [];
  preferred.forEach((p, i) => {
    sums.push(p - i);
    counts.push(1);
    while (
      sums.length > 1 &&
      sums[sums.length - 2] / counts[counts.length - 2] > sums[sums.length - 1] / counts[counts.length - 1]
    ) {
      const sum = sums.pop() as number;
      const count = counts.pop() as number;
      sums[sums.length - 1] += sum;
      counts[counts.length - 1] += count;
    }
  });
  const slots: number[] = [];
  sums.forEach((sum, b) => {
    const level = Math.round(sum / counts[b]);
    for (let k = 0; k < counts[b]; k++) {
      slots.push(level + slots.length);
    }
  });
  return slots;
}

function meanSlot(list: readonly number[], slot: Float64Array): number {
  return list.length === 0 ? NaN : list.reduce((sum, u) => sum + slot[u], 0) / list.length;
}

/**
 * Row slots per column: left to right, each node as near its callers' mean row as the order allows; then right
 * to left towards the mean of callers and callees, so chains run straight.
 */
function assignSlots(order: number[][], callers: number[][], callees: number[][], n: number): Float64Array {
  const slot = new Float64Array(n);
  const place = (layer: number[], preferred: (v: number, i: number) => number) => {
    const fitted = fitSlots(layer.map(preferred));
    layer.forEach((v, i) => (slot[v] = fitted[i]));
  };
  order.forEach((layer) => {
    const first = -Math.floor((layer.length - 1) / 2);
    place(layer, (v, i) => {
      const mean = meanSlot(callers[v], slot);
      return Number.isNaN(mean) ? first + i : mean;
    });
  });
  for (let l = order.length - 2; l >= 0; l--) {
    place(order[l], (v) => {
      const mean = meanSlot([...callers[v], ...callees[v]], slot);
      return Number.isNaN(mean) ? slot[v] : mean;
    });
  }
  return slot;
}

function withPins(positions: PositionMap, pins: PositionMap): PositionMap {
  for (const id of Object.keys(positions)) {
    if (pins[id]) {
      positions[id] = { x: pins[id].x, y: pins[id].y };
    }
  }
  return positions;
}

/**
 * The flow diagram from scratch (Sugiyama-style): columns by call depth, order in each column by barycentre
 * sweeps, rows on a fixed grid. Only the topology decides it (and the largest node, in coarse steps), so two
 * loads with other request rates give the same map. Pins win.
 */
export function layoutLayeredCold(request: LayoutRequest, topology: Topology, config: LayoutConfig): LayoutResult {
  const n = topology.ids.length;
  const layers = computeCallLayers(topology);
  const callers: number[][] = topology.ids.map(() => []);
  const callees: number[][] = topology.ids.map(() => []);
  for (const [s, t] of layers.calls) {
    callees[s].push(t);
    callers[t].push(s);
  }
  const order = orderLayers(n, layers);
  const slot = assignSlots(order, callers, callees, n);
  if (layers.calls.length <= UNTANGLE_MAX_CALLS) {
    untangleColumns(order, slot, layers.depth, layers.calls);
  }
  const grid = layeredGrid(request, config);
  const columns = n === 0 ? 0 : Math.max(...layers.depth) + 1;
  const rows = n === 0 ? 0 : Math.max(...slot) - Math.min(...slot) + 1;
  const columnGap = spreadColumnGap(grid, columns, rows, request.viewAspect);
  const positions: PositionMap = {};
  topology.ids.forEach((id, i) => {
    positions[id] = { x: layers.depth[i] * columnGap, y: slot[i] * grid.rowPitch };
  });
  return { positions: withPins(positions, request.pins ?? {}), kind: 'cold', ticks: 0, movedNodes: n, columnGap };
}

/** Places taken on the grid (spatial hash by column and row), so a new node never lands on another one. */
class Occupancy {
  private readonly cells = new Map<string, Point[]>();

  constructor(private readonly grid: LayeredGrid) {}

  private cell(x: number, y: number): [number, number] {
    return [Math.round(x / this.grid.columnGap), Math.round(y / this.grid.rowPitch)];
  }

  add(p: Point): void {
    const [cx, cy] = this.cell(p.x, p.y);
    const key = `${cx},${cy}`;
    const list = this.cells.get(key) ?? [];
    list.push(p);
    this.cells.set(key, list);
  }

  isFree(x: number, y: number): boolean {
    const [cx, cy] = this.cell(x, y);
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const p of this.cells.get(`${cx + dx},${cy + dy}`) ?? []) {
          if (Math.abs(p.x - x) < this.grid.columnGap / 2 && Math.abs(p.y - y) < this.grid.rowPitch - 1e-6) {
            return false;
          }
        }
      }
    }
    return true;
  }
}

/** The free row nearest to `y` in the column at `x`, trying below before above at each distance. */
function findFreeRow(occupied: Occupancy, x: number, y: number, pitch: number): number {
  for (let k = 0; ; k++) {
    if (occupied.isFree(x, y + k * pitch)) {
      return y + k * pitch;
    }
    if (k > 0 && occupied.isFree(x, y - k * pitch)) {
      return y - k * pitch;
    }
  }
}

/**
 * A warm flow diagram: every node already on the map keeps its column and row; a new node goes one column right
 * of its rightmost placed caller (or left of its callees) into the free row nearest its placed neighbours. Rows
 * of departed nodes stay reserved, so a service that returns finds its place free. New nodes are placed in
 * rounds outwards from the known map, in id order, so the result does not depend on the order of the request.
 */
export function layoutLayeredWarm(request: LayoutRequest, topology: Topology, config: LayoutConfig): LayoutResult {
  const previous = request.previous?.positions ?? {};
  const pins = request.pins ?? {};
  // New columns go on the grid the map was laid out with.
  const grid = { ...layeredGrid(request, config), columnGap: request.previous?.columnGap ?? config.layerGap };
  const occupied = new Occupancy(grid);
  Object.values(previous).forEach((p) => occupied.add(p));
  Object.values(pins).forEach((p) => occupied.add(p));
  const at: Array<Point | undefined> = topology.ids.map((id) => pins[id] ?? previous[id]);
  const callers: number[][] = topology.ids.map(() => []);
  const callees: number[][] = topology.ids.map(() => []);
  for (const [s, t] of topology.directed) {
    callees[s].push(t);
    callers[t].push(s);
  }
  let pending = topology.ids.map((_, i) => i).filter((i) => !at[i]);
  const newCount = pending.length;
  const byId = (a: number, b: number) =>
    topology.ids[a] < topology.ids[b] ? -1 : topology.ids[a] > topology.ids[b] ? 1 : 0;
  let depth: Int32Array | undefined;
  while (pending.length > 0) {
    const hasPlacedNeighbour = (i: number) => topology.neighbours[i].some((j) => at[j]);
    let round = pending.filter(hasPlacedNeighbour);
    if (round.length === 0) {
      round = pending;
    }
    const placedNow = new Set(round);
    round.sort(byId);
    for (const i of round) {
      const placedCallers = callers[i].map((j) => at[j]).filter((p): p is Point => p !== undefined);
      const placedCallees = callees[i].map((j) => at[j]).filter((p): p is Point => p !== undefined);
      const near = [...placedCallers, ...placedCallees];
      let x: number;
      if (placedCallers.length > 0) {
        x = Math.max(...placedCallers.map((p) => p.x)) + grid.columnGap;
      } else if (placedCallees.length > 0) {
        x = Math.min(...placedCallees.map((p) => p.x)) - grid.columnGap;
      } else {
        depth = depth ?? computeCallLayers(topology).depth;
        x = depth[i] * grid.columnGap;
      }
      const meanY = near.length === 0 ? 0 : near.reduce((sum, p) => sum + p.y, 0) / near.length;
      const y = findFreeRow(occupied, x, Math.round(meanY / grid.rowPitch) * grid.rowPitch, grid.rowPitch);
      at[i] = { x, y };
      occupied.add(at[i] as Point);
    }
    pending = pending.filter((i) => !placedNow.has(i));
  }
  const positions: PositionMap = {};
  topology.ids.forEach((id, i) => {
    positions[id] = { ...(at[i] as Point) };
  });
  const pinsMoved = topology.ids.some(
    (id) => pins[id] && previous[id] && (pins[id].x !== previous[id].x || pins[id].y !== previous[id].y)
  );
  const kind = newCount > 0 || pinsMoved ? 'warm' : 'unchanged';
  return { positions, kind, ticks: 0, movedNodes: newCount, columnGap: grid.columnGap };
}
