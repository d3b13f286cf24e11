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
}

export interface LayoutRequest {
  nodes: LayoutInputNode[];
  edges: LayoutInputEdge[];
  mode: LayoutMode;
  previous?: PreviousLayout;
  /** Pinned nodes never move. */
  pins?: PositionMap;
  seed?: number;
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
}
