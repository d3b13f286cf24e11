/**
 * The Jaeger source: one Observable of DataQueryResponse per query target, for the three query
 * types (traces, dependencies, one trace / request id), one-shot or streaming.
 */
import { DataFrame, DataQueryResponse, LoadingState, QueryResultMetaNotice } from '@grafana/data';
import {
  Observable,
  SchedulerLike,
  catchError,
  concatMap,
  defer,
  filter,
  from,
  map,
  of,
  take,
  tap,
  throwError,
  toArray,
} from 'rxjs';

import { DataflowError } from '../errors';
import { dependenciesToGraph } from '../graph/dependenciesToGraph';
import { infoNotice, withNotices } from '../graph/frameNotices';
import { EdgeObservation, Graph, spansToObservations } from '../graph/servicegraph';
import { createBottleneckTracker } from '../insight/bottleneckTracker';
import { routeToFrame, spansToRoute } from '../graph/traceRoute';
import { observationsToGraph, readJaegerSpans } from '../graph/tracesToGraph';
import { streamGraph } from '../streaming/streamGraph';
import { JaegerDataflowQuery } from '../types';
import { JaegerClient } from './jaegerClient';
import { parseLookbackMs } from './jaegerUrls';
import { ServicesToSearch, searchServicesOnce, servicesNotices, servicesToSearch } from './allServicesTraces';
import { runTraces } from './oneShotTraces';
import { JAEGER_LATE_MS, createSettlingTraces } from './settlingTraces';
import { limitOf, searchOf } from './searchOptions';

export interface JaegerRunContext {
  client: JaegerClient;
  refId: string;
  fromMs: number;
  toMs: number;
  /** Attribute that carries request ids (trace mode). */
  requestIdAttribute: string;
  /** Ad-hoc filters as tags. */
  extraTags: Record<string, string>;
  toFrames: (graph: Graph, options?: { highlightedEdgeIds?: Iterable<string> }) => DataFrame[];
  now?: () => number;
  scheduler?: SchedulerLike;
}

export function runJaegerQuery(query: JaegerDataflowQuery, ctx: JaegerRunContext): Observable<DataQueryResponse> {
  switch (query.queryType) {
    case 'dependencies':
      return runDependencies(query, ctx);
    case 'trace':
      return runSingleTrace(query, ctx);
    default:
      return query.streaming ? streamTraces(query, ctx) : runTraces(query, ctx);
  }
}

function runDependencies(query: JaegerDataflowQuery, ctx: JaegerRunContext): Observable<DataQueryResponse> {
  return defer(() => {
    const lookbackMs = query.lookback ? parseLookbackMs(query.lookback) : ctx.toMs - ctx.fromMs;
    return ctx.client.getDependencies(ctx.toMs, lookbackMs).pipe(
      map((links): DataQueryResponse => {
        const graph = dependenciesToGraph(links, ctx.toMs - lookbackMs, ctx.toMs);
        const notices = links.length === 0 ? [infoNotice('Jaeger has no dependency links for this lookback')] : [];
        return { data: withNotices(ctx.toFrames(graph), notices), key: ctx.refId, state: LoadingState.Done };
      })
    );
  });
}

/** A trace id, or a request id found through the request-id attribute (in one service, or in each). */
function runSingleTrace(query: JaegerDataflowQuery, ctx: JaegerRunContext): Observable<DataQueryResponse> {
  const id = (query.traceId ?? '').trim();
  if (!id) {
    return throwError(() => new DataflowError('Trace id: enter a trace id or a request id'));
  }
  const byTraceId = /^[0-9a-f]{8,32}$/i.test(id)
    ? ctx.client.getTrace(id).pipe(map((e) => e.data))
    : throwError(() => new Error('not a trace id'));
  return byTraceId.pipe(
    catchError(() => findByRequestId(id, query, ctx)),
    map((traces): DataQueryResponse => {
      const spans = readJaegerSpans(traces);
      const route = spansToRoute(spans);
      const graph = observationsToGraph(spansToObservations(spans), ctx.fromMs, ctx.toMs);
      const frames = ctx.toFrames(graph, { highlightedEdgeIds: route.criticalMsByEdge.keys() });
      return { data: [...frames, routeToFrame(route, ctx.refId)], key: ctx.refId, state: LoadingState.Done };
    })
  );
}

function findByRequestId(requestId: string, query: JaegerDataflowQuery, ctx: JaegerRunContext): Observable<unknown[]> {
  const attribute = ctx.requestIdAttribute;
  const services$ = query.service ? of([query.service]) : ctx.client.getServices();
  return services$.pipe(
    concatMap((services) => from(services)),
    concatMap((service) =>
      ctx.client.searchTraces({
        service,
        tags: '',
        extraTags: { [attribute]: requestId },
        startMs: ctx.fromMs,
        endMs: ctx.toMs,
        limit: 20,
      })
    ),
    map((envelope) => envelope.data),
    filter((traces) => traces.length > 0),
    take(1),
    toArray(),
    map((found) => {
      if (found.length === 0) {
        throw new DataflowError(`No trace with id or ${attribute}="${requestId.slice(0, 80)}" in this time range`);
      }
      return found[0];
    })
  );
}

/** Live mode re-reads Jaeger's service list this often (not every tick: it changes rarely). */
const SERVICES_REFRESH_MS = 60_000;

/**
 * Live: each tick searches from the previous tick's settle boundary to now (one search per service) and
 * counts each trace once, when it has settled (see settlingTraces.ts); unsettled traces are drawn
 * provisionally, so the map is current and the counts end up equal to a one-shot query's.
 */
function streamTraces(query: JaegerDataflowQuery, ctx: JaegerRunContext): Observable<DataQueryResponse> {
  const traces = createSettlingTraces(query.windowMs);
  const services = cachedServices(ctx.client, query.service ?? '');
  const limit = limitOf(query);
  const bottlenecks = createBottleneckTracker();
  const now = ctx.now ?? Date.now;
  let pending: EdgeObservation[] = [];
  return streamGraph({
    refId: ctx.refId,
    windowMs: query.windowMs,
    cadenceMs: query.cadenceMs,
    toFrames: (graph) => withNotices(bottlenecks.decorate(ctx.toFrames(graph), now()), services.notices()),
    pendingObservations: () => pending,
    lateMs: JAEGER_LATE_MS,
    now,
    scheduler: ctx.scheduler,
    anomalySensitivity: query.anomalySensitivity,
    timeline: query.timeline,
    fetchInterval: (fromMs, toMs) =>
      services.get(toMs).pipe(
        concatMap(({ services }) => {
          const { service: _service, ...search } = searchOf(query, ctx.extraTags);
          const startMs = traces.searchFrom(fromMs, toMs);
          return searchServicesOnce(ctx.client, services, { ...search, startMs, endMs: toMs, limit });
        }),
        map((found) => {
          const { settled, firstSeen } = traces.take(found, toMs);
          pending = spansToObservations(readJaegerSpans(traces.pending()));
          // Bottlenecks follow the newest traffic (a trace once, as first read), not the 2 min settle delay.
          bottlenecks.add(readJaegerSpans(firstSeen));
          return spansToObservations(readJaegerSpans(settled));
        })
      ),
  });
}

/** The services of a live search, fetched again only after SERVICES_REFRESH_MS. */
function cachedServices(
  client: JaegerClient,
  service: string
): { get: (nowMs: number) => Observable<ServicesToSearch>; notices: () => QueryResultMetaNotice[] } {
  let cached: { atMs: number; selection: ServicesToSearch } | undefined;
  return {
    get: (nowMs) =>
      cached && nowMs - cached.atMs < SERVICES_REFRESH_MS
        ? of(cached.selection)
        : servicesToSearch(client, service).pipe(
            tap((selection) => {
              cached = { atMs: nowMs, selection };
            })
          ),
    notices: () => (cached ? servicesNotices(cached.selection) : []),
  };
}
