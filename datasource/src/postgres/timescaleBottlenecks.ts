/**
 * Bottleneck attribution for the Timescale map (issue 8). The edge tables keep aggregates, and critical-path
 * time needs whole traces, so a bounded sample of the range's traces is read from the Jaeger configured beside
 * the PostgreSQL datasource (the same client and search as Jaeger mode), analysed as Jaeger mode does, and its
 * shares put on the Timescale edges frame by edge id. Without Jaeger, or when its search fails, the map is
 * unchanged and an info notice says why the bottlenecks are missing: the aggregates are the map, the traces
 * only annotate it.
 */
import { DataFrame, DataQueryResponse, QueryResultMetaNotice } from '@grafana/data';
import { Observable, Subscription, catchError, concatMap, defer, finalize, forkJoin, last, map, of } from 'rxjs';

import { infoNotice, withNotices } from '../graph/frameNotices';
import { BottleneckAnalysis, analyzeBottlenecks } from '../graph/servicegraph';
import { readJaegerSpans } from '../graph/tracesToGraph';
import { BaselineP95, addBottleneckFields, baselineOf } from '../insight/bottleneckFields';
import { fetchServicesTracesPaged, servicesToSearch } from '../jaeger/allServicesTraces';
import { JaegerClient } from '../jaeger/jaegerClient';
import { BASELINE_TRACE_LIMIT, precedingWindow } from '../jaeger/oneShotTraces';
import { PagedTraces } from '../jaeger/pagedTraces';
import { USER_CLIENT } from '../../../servicegraph/src/derive/virtualNodes';
import { TimescaleDataflowQuery } from '../types';

/** Traces read for the attribution: enough for the slowest 5 % to hold a few dozen requests, bounded in cost. */
export const TIMESCALE_BOTTLENECK_TRACE_LIMIT = 500;

export const BOTTLENECKS_NEED_JAEGER =
  'Bottlenecks: not shown, they need traces and the edge tables keep aggregates. ' +
  'Enter the Jaeger URL under "Jaeger" in this datasource\'s settings to add them';

export interface TimescaleBottleneckContext {
  fromMs: number;
  toMs: number;
  /** The Jaeger client of this datasource; undefined when no Jaeger URL is configured. */
  jaeger?: JaegerClient;
}

/** Live queries read a new sample at most this often: the traces only annotate the map, at a bounded cost. */
export const LIVE_BOTTLENECK_INTERVAL_MS = 60_000;

/** Puts one sample's bottleneck fields (or the notice saying why there are none) on a map's frames. */
type Annotate = (frames: DataFrame[]) => DataFrame[];

/**
 * Whose traces to read: the services of the query's filter, else the entry services of the map (targets of
 * the virtual `user` client: every trace starts there, so their traces are whole requests and the limit is not
 * spread over every service Jaeger knows); empty = every service.
 */
export function servicesToSample(query: Pick<TimescaleDataflowQuery, 'services'>, frames: DataFrame[]): string[] {
  if (query.services && query.services.length > 0) {
    return query.services;
  }
  const edges = frames.find((frame) => frame.name === 'edges');
  const sources = edges?.fields.find((f) => f.name === 'source')?.values ?? [];
  const targets = edges?.fields.find((f) => f.name === 'target')?.values ?? [];
  const entries = targets.filter((_, row) => sources[row] === USER_CLIENT).map(String);
  return [...new Set(entries)].sort();
}

interface Sample {
  analysis: BottleneckAnalysis;
  traces: number;
  truncated: boolean;
}

/**
 * The map's frames with `bottleneck_share`, `bottleneck_share_slowest` and `bottleneck` on the edges frame,
 * or the same frames with an info notice. Never fails: a Jaeger problem costs only the bottleneck fields.
 */
export function addTimescaleBottlenecks(
  frames: DataFrame[],
  query: Pick<TimescaleDataflowQuery, 'services'>,
  ctx: TimescaleBottleneckContext
): Observable<DataFrame[]> {
  return annotationOf(frames, query, ctx).pipe(map((annotate) => annotate(frames)));
}

/**
 * A live Timescale stream with bottlenecks: a new sample of the last `windowMs` at most once a minute, read
 * beside the stream (a tick never waits for Jaeger); every response carries the latest sample's fields.
 */
export function withLiveBottlenecks(
  stream: Observable<DataQueryResponse>,
  query: Pick<TimescaleDataflowQuery, 'services' | 'windowMs'>,
  ctx: Pick<TimescaleBottleneckContext, 'jaeger'> & { now: () => number }
): Observable<DataQueryResponse> {
  return defer(() => {
    let latest: Annotate | undefined;
    let sampledAtMs = -Infinity;
    let pending: Subscription | undefined;
    return stream.pipe(
      map((response): DataQueryResponse => {
        const nowMs = ctx.now();
        if (!pending && nowMs - sampledAtMs >= LIVE_BOTTLENECK_INTERVAL_MS && response.data.length > 0) {
          sampledAtMs = nowMs;
          const range = { fromMs: nowMs - query.windowMs, toMs: nowMs, jaeger: ctx.jaeger };
          pending = annotationOf(response.data, query, range).subscribe((annotate) => {
            latest = annotate;
            pending = undefined;
          });
        }
        return latest ? { ...response, data: latest(response.data) } : response;
      }),
      finalize(() => pending?.unsubscribe())
    );
  });
}

/** How to annotate the frames of this map: with a sample of its traces, or with the reason there is none. */
function annotationOf(
  frames: DataFrame[],
  query: Pick<TimescaleDataflowQuery, 'services'>,
  ctx: TimescaleBottleneckContext
): Observable<Annotate> {
  const jaeger = ctx.jaeger;
  const notice =
    (text: string): Annotate =>
    (f) =>
      withNotices(f, [infoNotice(text)]);
  if ((frames.find((frame) => frame.name === 'edges')?.length ?? 0) === 0) {
    return of((f) => f);
  }
  if (!jaeger) {
    return of(notice(BOTTLENECKS_NEED_JAEGER));
  }
  const services = servicesToSample(query, frames);
  return defer(() => {
    const range = sampleOf(jaeger, services, ctx.fromMs, ctx.toMs);
    const before = precedingWindow(ctx.fromMs, ctx.toMs);
    // A failed "was" search costs only the comparison, not the attribution.
    const baseline = sampleOf(jaeger, services, before.fromMs, before.toMs, BASELINE_TRACE_LIMIT).pipe(
      map((sample): BaselineP95 | undefined => (sample.traces > 0 ? baselineOf(sample.analysis) : undefined)),
      catchError(() => of(undefined))
    );
    return forkJoin([range, baseline]).pipe(
      map(
        ([sample, was]): Annotate =>
          (f) =>
            withNotices(addBottleneckFields(f, sample.analysis, was), sampleNotices(sample))
      )
    );
  }).pipe(
    catchError((error: unknown) =>
      of(
        notice(
          `Bottlenecks: not shown, the traces could not be read from Jaeger (${error instanceof Error ? error.message : 'search failed'})`
        )
      )
    )
  );
}

/** The bottleneck analysis of up to `limit` traces of the services (every service Jaeger knows when none). */
function sampleOf(
  jaeger: JaegerClient,
  services: string[],
  fromMs: number,
  toMs: number,
  limit = TIMESCALE_BOTTLENECK_TRACE_LIMIT
): Observable<Sample> {
  const chosen = services.length > 0 ? of(services) : servicesToSearch(jaeger, '').pipe(map((s) => s.services));
  const empty: PagedTraces = { traces: [], slicesDone: 0, slicesTotal: 0, truncated: false, warnings: [], done: true };
  return chosen.pipe(
    // One emission per slice; the last holds every trace.
    concatMap((list) =>
      fetchServicesTracesPaged(jaeger, list, { service: '', extraTags: {} }, fromMs, toMs, limit).pipe(
        last(undefined, empty)
      )
    ),
    map((page) => ({
      analysis: analyzeBottlenecks(readJaegerSpans(page.traces)),
      traces: page.traces.length,
      truncated: page.truncated,
    }))
  );
}

function sampleNotices(sample: Sample): QueryResultMetaNotice[] {
  if (sample.traces === 0) {
    return [infoNotice('Bottlenecks: not shown, Jaeger has no traces of these services in this time range')];
  }
  return sample.truncated
    ? [infoNotice(`Bottlenecks: from a sample of ${sample.traces} traces of the range (Jaeger)`)]
    : [];
}
