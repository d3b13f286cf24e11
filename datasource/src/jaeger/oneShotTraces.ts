/**
 * A one-shot traces query: the range is read slice by slice (partial maps while it loads), then the
 * bottlenecks of all its traces are put on the edges frame. For the "was …" part of a bottleneck's
 * explanation, the window just before the range, of the same length, is searched too (same filters, at
 * most BASELINE_TRACE_LIMIT traces) and its edge p95s are the "was" (as the live tracker's earlier window).
 */
import { DataQueryResponse, LoadingState, QueryResultMetaNotice } from '@grafana/data';
import { Observable, catchError, concatMap, defaultIfEmpty, defer, last, map, of } from 'rxjs';

import { infoNotice, warningNotice, withNotices } from '../graph/frameNotices';
import { BottleneckAnalysis, Span, analyzeBottlenecks, spansToObservations } from '../graph/servicegraph';
import { observationsToGraph, readJaegerSpans } from '../graph/tracesToGraph';
import { BaselineP95, addBottleneckFields, baselineOf } from '../insight/bottleneckFields';
import { JaegerDataflowQuery } from '../types';
import { fetchServicesTracesPaged, servicesNotices, servicesToSearch } from './allServicesTraces';
import { JaegerClient } from './jaegerClient';
import type { JaegerRunContext } from './jaegerSource';
import { PagedTraces } from './pagedTraces';
import { SearchOptions, limitOf, searchOf } from './searchOptions';

/** The baseline search reads at most this many traces: enough for a stable p95, bounded in cost. */
export const BASELINE_TRACE_LIMIT = 500;

const NO_TRACES: PagedTraces = {
  traces: [],
  slicesDone: 0,
  slicesTotal: 0,
  truncated: false,
  warnings: [],
  done: true,
};

/** The window just before [fromMs, toMs), of the same length. */
export function precedingWindow(fromMs: number, toMs: number): { fromMs: number; toMs: number } {
  return { fromMs: fromMs - (toMs - fromMs), toMs: fromMs };
}

export function runTraces(query: JaegerDataflowQuery, ctx: JaegerRunContext): Observable<DataQueryResponse> {
  return defer(() => {
    const limit = limitOf(query);
    const search = searchOf(query, ctx.extraTags);
    return servicesToSearch(ctx.client, query.service ?? '').pipe(
      concatMap((selection) => {
        const { services } = selection;
        const notices = servicesNotices(selection);
        return fetchServicesTracesPaged(ctx.client, services, search, ctx.fromMs, ctx.toMs, limit).pipe(
          defaultIfEmpty(NO_TRACES),
          concatMap((page) =>
            page.done
              ? finalResponse(page, query, ctx, () => fetchBaseline(ctx.client, services, search, ctx, limit))
              : of(respond(page, query, ctx))
          ),
          map((response) => ({ ...response, data: withNotices(response.data, notices) }))
        );
      })
    );
  });
}

/**
 * The complete map with bottlenecks, compared with the preceding window when there are any. One response,
 * Done: a query whose last slice is in is finished for Grafana (and for alerting), so it waits for the
 * bounded baseline search rather than sending a second, different answer.
 */
function finalResponse(
  page: PagedTraces,
  query: JaegerDataflowQuery,
  ctx: JaegerRunContext,
  baseline: () => Observable<Baseline>
): Observable<DataQueryResponse> {
  return defer(() => {
    const spans = readJaegerSpans(page.traces);
    const analysis = analyzeBottlenecks(spans);
    if (!analysis.edges.some((edge) => edge.shareSlowest > 0)) {
      return of(respond(page, query, ctx, { analysis }, spans));
    }
    return baseline().pipe(
      map((found) =>
        respond(page, query, ctx, { analysis, baseline: found.p95, extra: found.notice ? [found.notice] : [] }, spans)
      )
    );
  });
}

interface Baseline {
  p95?: BaselineP95;
  notice?: QueryResultMetaNotice;
}

/** Edge p95s of the preceding window; a failed search costs only the "was" part, with a notice saying why. */
function fetchBaseline(
  client: JaegerClient,
  services: string[],
  search: SearchOptions,
  ctx: JaegerRunContext,
  limit: number
): Observable<Baseline> {
  const before = precedingWindow(ctx.fromMs, ctx.toMs);
  return fetchServicesTracesPaged(
    client,
    services,
    search,
    before.fromMs,
    before.toMs,
    Math.min(limit, BASELINE_TRACE_LIMIT)
  ).pipe(
    last(undefined, NO_TRACES),
    map((page): Baseline =>
      page.traces.length > 0 ? { p95: baselineOf(analyzeBottlenecks(readJaegerSpans(page.traces))) } : {}
    ),
    catchError((error: unknown) =>
      of({
        notice: warningNotice(
          `Bottlenecks: no comparison with the previous window (${error instanceof Error ? error.message : 'search failed'})`
        ),
      })
    )
  );
}

/** The response for a page of traces; `spans` when the caller has read them already. */
function respond(
  page: PagedTraces,
  query: JaegerDataflowQuery,
  ctx: JaegerRunContext,
  bottlenecks?: { analysis: BottleneckAnalysis; baseline?: BaselineP95; extra?: QueryResultMetaNotice[] },
  spans: Span[] = readJaegerSpans(page.traces)
): DataQueryResponse {
  const frames = ctx.toFrames(observationsToGraph(spansToObservations(spans), ctx.fromMs, ctx.toMs));
  // Bottlenecks once all slices are in: a partial set would name the wrong edge.
  const data = bottlenecks ? addBottleneckFields(frames, bottlenecks.analysis, bottlenecks.baseline) : frames;
  return {
    data: withNotices(data, [...pageNotices(page, query), ...(bottlenecks?.extra ?? [])]),
    key: ctx.refId,
    state: page.done ? LoadingState.Done : LoadingState.Loading,
  };
}

function pageNotices(page: PagedTraces, query: JaegerDataflowQuery): QueryResultMetaNotice[] {
  const scope = query.service || 'any service';
  return [
    ...(page.done
      ? []
      : [
          infoNotice(
            `Loading traces: ${page.slicesDone} of ${page.slicesTotal} time slices, ${page.traces.length} traces so far`
          ),
        ]),
    ...(page.truncated
      ? [
          warningNotice(
            `Limit of ${limitOf(query)} traces reached: older traces in the range are not included (narrow the range, add filters or raise the limit)`
          ),
        ]
      : []),
    ...(page.done && page.traces.length === 0 ? [infoNotice(`No traces of ${scope} in this time range`)] : []),
    ...page.warnings.slice(0, 3).map((w) => warningNotice(`Jaeger: ${w}`)),
  ];
}
