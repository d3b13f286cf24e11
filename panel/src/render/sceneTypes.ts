import type { GraphEdge, GraphNode, NodeKind } from '../../../servicegraph/src/types';

/**
 * Health buckets, indexes into SceneTheme.health. -1 (idle) is drawn with SceneTheme.idle, -2 (unknown: a
 * foreign source gave stats but none the thresholds judge) with SceneTheme.neutral.
 */
export type HealthLevel = -2 | -1 | 0 | 1 | 2;

/** A node ready to draw: position, size and colour resolved once, so draw loops only read. */
export interface SceneNode {
  id: string;
  title: string;
  kind: NodeKind;
  group?: string;
  x: number;
  y: number;
  radius: number;
  health: HealthLevel;
  /** Share of failed requests, 0..1, drawn as an arc on the ring. */
  errorShare: number;
  pinned: boolean;
  stats: GraphNode;
}

/** An edge ready to draw. Geometry (endpoints on the node rims, control point, bounds) is in world units. */
export interface SceneEdge {
  id: string;
  source: SceneNode;
  target: SceneNode;
  /** World line width. */
  width: number;
  health: HealthLevel;
  /** Perpendicular bend for two-way pairs (0 = straight). */
  bend: number;
  x1: number;
  y1: number;
  cx: number;
  cy: number;
  x2: number;
  y2: number;
  length: number;
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  /** Particles on the edge (by request rate) and their speed in world units per second (by 1 / p95). */
  particleCount: number;
  particleSpeed: number;
  stats: GraphEdge;
}

export interface SceneHull {
  group: string;
  /** Its outline and name colour; absent = SceneTheme.hull. */
  color?: string;
  points: Array<[number, number]>;
}

export interface Scene {
  nodes: SceneNode[];
  edges: SceneEdge[];
  nodeById: Map<string, SceneNode>;
  /** Node indexes by traffic, busiest first: who gets a label when space is short. */
  labelOrder: number[];
  /** Edge indexes worst first (health, then error rate, then rate): whose stats are shown when space is short. */
  edgeLabelOrder: number[];
  hulls: SceneHull[];
}

/** Colours resolved from the Grafana theme. */
export interface SceneTheme {
  /** Colours for health 0 (ok), 1 (warning), 2 (critical). */
  health: [string, string, string];
  idle: string;
  /** Nodes and edges whose health is unknown; absent = idle. */
  neutral?: string;
  nodeFill: string;
  text: string;
  textShadow: string;
  error: string;
  /** Hull and group-name colour when the scene gives a group none. */
  hull: string;
  selection: string;
  fontFamily: string;
}

/** screen = world * k + (x, y), in CSS pixels. */
export interface ViewTransform {
  x: number;
  y: number;
  k: number;
}

/** The visible part of the world, for culling. */
export interface WorldRect {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** What is highlighted: when set, everything else is dimmed. */
export interface Highlight {
  nodes: Set<string>;
  edges: Set<string>;
}
