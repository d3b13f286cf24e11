/** A point in layout (world) coordinates. */
export interface Point {
  x: number;
  y: number;
}

/** Positions by node id; plain objects so they survive postMessage and dashboard JSON. */
export type PositionMap = Record<string, Point>;

export type LayoutMode = 'force' | 'layered';

/** A node as the layout sees it: identity, grouping and size only. */
export interface LayoutInputNode {
  id: string;
  /** The group whose hull the panel draws around it: the force layout keeps groups together and apart. */
  group?: string;
  /** Drawn radius in world units, so collision keeps circles apart. */
  radius?: number;
}

export interface LayoutInputEdge {
  source: string;
  target: string;
}

/**
 * The base of a warm start: the last known place of every node laid out recently and every edge seen with
 * them, including nodes and edges that have since left the graph (a short window drops rarely called services
 * for a tick or two; when they return they go back where they were).
 */
export interface PreviousLayout {
  positions: PositionMap;
  edges: LayoutInputEdge[];
  /** The grouping field the map was clustered by. */
  grouping?: string;
  /** Layered mode: the column spacing of the map, so warm runs put new columns on the same grid. */
  columnGap?: number;
}

export interface LayoutRequest {
  nodes: LayoutInputNode[];
  edges: LayoutInputEdge[];
  mode: LayoutMode;
  previous?: PreviousLayout;
  /** Pinned nodes never move. */
  pins?: PositionMap;
  /**
   * The grouping field the nodes' groups come from (empty: none). A force layout remembered under another
   * grouping is laid out afresh, so switching the field regroups the map.
   */
  grouping?: string;
  seed?: number;
  /**
   * The panel's width / height, quantised (quantiseViewAspect), so a resize lays out again only in steps: the
   * layered layout spreads its columns until the diagram has about this shape. Absent: the narrowest grid.
   */
  viewAspect?: number;
}

/**
 * cold: full layout; warm: local relaxation around what changed; unchanged: nothing had to move (the same
 * topology, or only nodes and edges that left or returned to their remembered places).
 */
export type LayoutKind = 'cold' | 'warm' | 'unchanged';

export interface LayoutResult {
  positions: PositionMap;
  kind: LayoutKind;
  /** Simulation ticks run and nodes the simulation was allowed to move (for tests and benches). */
  ticks: number;
  movedNodes: number;
  /** Layered mode: the column spacing the diagram was laid out with. */
  columnGap?: number;
}
