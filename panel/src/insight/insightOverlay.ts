import type { Highlight, Scene, SceneEdge } from '../render/sceneTypes';
import type { AlertMatches } from './matchAlerts';
import type { EdgeInsights } from './readEdgeInsights';
import type { RequestRoute, RouteHop } from './readRoute';

/** A map edge the route passes, with the hops on it (an edge can be called several times). */
export interface RouteEdge {
  edge: SceneEdge;
  hops: RouteHop[];
  critical: boolean;
  failed: boolean;
  /** Sum of the hops' durations. */
  latencyMs: number;
}

export interface RouteOverlay {
  traceId: string;
  edges: RouteEdge[];
  /** Hops whose edge is not on the map (e.g. outside the live window). */
  missingHops: number;
  highlight: Highlight;
}

/** Everything the renderer draws on top of the map for insight: route, bottleneck, anomalies, alerts. */
export interface InsightOverlay {
  route?: RouteOverlay;
  topBottleneckEdgeId?: string;
  anomalousNodeIds: Set<string>;
  anomalousEdgeIds: Set<string>;
  alertCounts: { nodes: Map<string, number>; edges: Map<string, number> };
}

/** Places a route on the scene: hops grouped by map edge (by id, else by endpoints), in step order. */
export function placeRoute(scene: Scene, route: RequestRoute): RouteOverlay {
  const byId = new Map(scene.edges.map((e) => [e.id, e]));
  const byEnds = new Map<string, SceneEdge>();
  for (const e of scene.edges) {
    const key = `${e.source.id}\u0000${e.target.id}`;
    if (!byEnds.has(key)) {
      byEnds.set(key, e);
    }
  }
  const placed = new Map<SceneEdge, RouteEdge>();
  let missingHops = 0;
  for (const hop of route.hops) {
    const edge = byId.get(hop.edgeId) ?? byEnds.get(`${hop.source}\u0000${hop.target}`);
    if (!edge) {
      missingHops++;
      continue;
    }
    const entry = placed.get(edge) ?? { edge, hops: [], critical: false, failed: false, latencyMs: 0 };
    entry.hops.push(hop);
    entry.critical ||= hop.criticalMs > 0;
    entry.failed ||= hop.failed;
    entry.latencyMs += hop.latencyMs;
    placed.set(edge, entry);
  }
  const edges = [...placed.values()];
  const highlight: Highlight = { nodes: new Set(), edges: new Set() };
  for (const { edge } of edges) {
    highlight.edges.add(edge.id);
    highlight.nodes.add(edge.source.id);
    highlight.nodes.add(edge.target.id);
  }
  return { traceId: route.traceId, edges, missingHops, highlight };
}

/** The step numbers of a route edge as its badge says them: "3", "2,5", "1–4" for long runs. */
export function formatSteps(hops: readonly RouteHop[]): string {
  const steps = hops.map((h) => h.step);
  if (steps.length > 3) {
    return `${steps[0]}–${steps[steps.length - 1]}`;
  }
  return steps.join(',');
}

export function buildInsightOverlay(
  scene: Scene,
  route: RequestRoute | undefined,
  insights: EdgeInsights,
  alerts: AlertMatches | undefined
): InsightOverlay {
  const count = (map: Map<string, unknown[]> | undefined) => new Map([...(map ?? new Map<string, unknown[]>())].map(([id, list]) => [id, list.length]));
  return {
    route: route ? placeRoute(scene, route) : undefined,
    topBottleneckEdgeId: insights.topBottleneckId,
    anomalousNodeIds: new Set(scene.nodes.filter((n) => n.stats.anomaly).map((n) => n.id)),
    anomalousEdgeIds: new Set(scene.edges.filter((e) => e.stats.anomaly).map((e) => e.id)),
    alertCounts: { nodes: count(alerts?.nodes), edges: count(alerts?.edges) },
  };
}
