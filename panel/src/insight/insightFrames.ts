import type { DataFrame } from '@grafana/data';

/** Frame names the datasource adds beside the Node Graph frames (see datasource graph/traceRoute, insight/). */
export const ROUTE_FRAME = 'route';
export const TIMELINE_FRAME = 'timeline';

export interface SplitSeries {
  /** Frames to read the map from. */
  graph: DataFrame[];
  route?: DataFrame;
  timeline?: DataFrame;
}

/**
 * Separates the insight frames from the map's frames. A route usually comes from its own query (refId B, trace
 * mode) that also returns the trace's own nodes/edges: those are dropped when another query gives the map, so
 * the route is drawn over the live map instead of merging one request's edges into it.
 */
export function splitInsightFrames(series: DataFrame[]): SplitSeries {
  const route = series.find((f) => f.name === ROUTE_FRAME && f.length > 0);
  const timeline = series.find((f) => f.name === TIMELINE_FRAME && f.length > 0);
  const rest = series.filter((f) => f.name !== ROUTE_FRAME && f.name !== TIMELINE_FRAME);
  const routeRefId = route?.refId;
  const others = routeRefId === undefined ? [] : rest.filter((f) => f.refId !== routeRefId && f.length > 0);
  const graph = others.length > 0 ? rest.filter((f) => f.refId !== routeRefId) : rest;
  return { graph, route, timeline };
}
