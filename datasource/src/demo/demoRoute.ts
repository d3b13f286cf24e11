/**
 * The route of one simulated request (issue 8): the shop is deterministic, so a trace id seen on the map
 * (an edge's exemplar) is found again by regenerating recent traffic, newest first.
 */
import { DataFrame, DataQueryResponse, LoadingState } from '@grafana/data';
import { Observable, defer, of } from 'rxjs';

import type { Shop } from '../../../demo/src/index';
import { DataflowError } from '../errors';
import { Graph, spansToObservations } from '../graph/servicegraph';
import { routeToFrame, spansToRoute } from '../graph/traceRoute';
import { observationsToGraph } from '../graph/tracesToGraph';

/** How far back a trace id is looked for (the default live window), and in which slices. */
export const DEMO_ROUTE_LOOKBACK_MS = 5 * 60_000;
const SLICE_MS = 10_000;

export interface DemoRouteContext {
  refId: string;
  toMs: number;
  toFrames: (graph: Graph, options?: { highlightedEdgeIds?: Iterable<string> }) => DataFrame[];
  now?: () => number;
}

export function findDemoRequest(shop: Shop, traceId: string, endMs: number, lookbackMs = DEMO_ROUTE_LOOKBACK_MS) {
  const wanted = traceId.toLowerCase();
  for (let toMs = endMs; toMs > endMs - lookbackMs; toMs -= SLICE_MS) {
    const found = shop.requestsBetween(toMs - SLICE_MS, toMs).find((r) => r.traceId === wanted);
    if (found) {
      return found;
    }
  }
  return undefined;
}

export function runDemoRoute(shop: Shop, traceId: string, ctx: DemoRouteContext): Observable<DataQueryResponse> {
  return defer(() => {
    const endMs = Math.max(ctx.toMs, (ctx.now ?? Date.now)());
    const request = findDemoRequest(shop, traceId, endMs);
    if (!request) {
      throw new DataflowError(`Demo: no request with trace id "${traceId.slice(0, 40)}" in the last 5 minutes`);
    }
    const route = spansToRoute(request.spans);
    const graph = observationsToGraph(spansToObservations(request.spans), request.startMs, request.startMs + 1000);
    const frames = ctx.toFrames(graph, { highlightedEdgeIds: route.criticalMsByEdge.keys() });
    return of<DataQueryResponse>({ data: [...frames, routeToFrame(route, ctx.refId)], key: ctx.refId, state: LoadingState.Done });
  });
}
