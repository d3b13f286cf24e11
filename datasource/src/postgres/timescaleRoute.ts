/**
 * The route of one request in Timescale mode (issue 8). The edge tables keep aggregates, not spans, so the
 * trace is fetched from the Jaeger configured in the same datasource (its proxy route) and answered exactly
 * as Jaeger mode answers a trace query: the same client, the same request-id lookup, the same `route` frame.
 */
import { DataFrame, DataQueryResponse } from '@grafana/data';
import { Observable, throwError } from 'rxjs';

import { DEFAULT_OPTIONS } from '../defaults';
import { DataflowError } from '../errors';
import { Graph } from '../graph/servicegraph';
import { JaegerClient } from '../jaeger/jaegerClient';
import { runJaegerQuery } from '../jaeger/jaegerSource';
import { TimescaleDataflowQuery } from '../types';

export interface TimescaleRouteContext {
  refId: string;
  fromMs: number;
  toMs: number;
  /** The Jaeger client of this datasource; undefined when no Jaeger URL is configured beside the PostgreSQL one. */
  jaeger?: JaegerClient;
  /** Attribute that carries request ids; default: the datasource default (`http.request_id`). */
  requestIdAttribute?: string;
  toFrames: (graph: Graph, options?: { highlightedEdgeIds?: Iterable<string> }) => DataFrame[];
}

export const JAEGER_LINK_MISSING =
  'Timescale mode: the route of a request needs its spans, which the edge tables do not keep. ' +
  'Enter the Jaeger URL under "Jaeger" in this datasource\'s settings (beside the PostgreSQL datasource), ' +
  'or clear the trace id to see the map';

/** True when the query asks for one request's route rather than the map. */
export function isRouteQuery(query: TimescaleDataflowQuery): boolean {
  return (query.traceId ?? '').trim() !== '';
}

export function runTimescaleRoute(query: TimescaleDataflowQuery, ctx: TimescaleRouteContext): Observable<DataQueryResponse> {
  if (!ctx.jaeger) {
    return throwError(() => new DataflowError(JAEGER_LINK_MISSING));
  }
  return runJaegerQuery(
    {
      refId: query.refId,
      source: 'jaeger',
      queryType: 'trace',
      traceId: query.traceId,
      // The services filter of the map narrows the request-id search to those services (one search each).
      service: query.services?.length === 1 ? query.services[0] : undefined,
      streaming: false,
      windowMs: query.windowMs,
      cadenceMs: query.cadenceMs,
    },
    {
      client: ctx.jaeger,
      refId: ctx.refId,
      fromMs: ctx.fromMs,
      toMs: ctx.toMs,
      requestIdAttribute: ctx.requestIdAttribute ?? DEFAULT_OPTIONS.requestIdAttribute,
      extraTags: {},
      toFrames: ctx.toFrames,
    }
  );
}
