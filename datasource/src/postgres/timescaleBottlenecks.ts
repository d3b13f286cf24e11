/**
 * Bottleneck attribution for the Timescale map (issue 8). The edge tables keep aggregates, and critical-path
 * time needs whole traces, so a bounded sample of the range's traces is read from the Jaeger configured beside
 * the PostgreSQL datasource (the same client and search as Jaeger mode), analysed as Jaeger mode does, and its
 * shares put on the Timescale edges frame by edge id. Without Jaeger, or when its search fails, the map is
 * unchanged and an info notice says why the bottlenecks are missing: the aggregates are the map, the traces
 * only annotate it.
 */
import { DataFrame, QueryResultMetaNotice } from '@grafana/data';
import { Observable, catchError, concatMap, defer, forkJoin, last, map, of } from 'rxjs';

import { infoNotice, withNotices } from '../graph/frameNotices';
import { BottleneckAnalysis, Graph, analyzeBottlenecks } from '../graph/servicegraph';
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
  toFrames: (graph: Graph) => DataFrame[];
}

/**
 * Whose traces to read: the services of the query's filter, else the entry services of the map (targets of
 * the virtual `user` client: every trace starts there, so their traces are whole requests and the limit is not
 * spread over every service Jaeger knows); empty = every service.
 */
export function servicesToSample(query: Pick<TimescaleDataflowQuery, 'services'>, graph: Graph): string[] {
  if (query.services && query.services.length > 0) {
    return query.services;
  }
  const entries = graph.edges.filter((edge) => edge.source === USER_CLIENT).map((edge) => edge.target);
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
  graph: Graph,
  query: Pick<TimescaleDataflowQuery, 'services'>,
  ctx: TimescaleBottleneckContext
): Observable<DataFrame[]> {
  const frames = ctx.toFrames(graph);
  const jaeger = ctx.jaeger;
  if (graph.edges.length === 0) {
    return of(frames);
  }
  if (!jaeger) {
    return of(withNotices(frames, [infoNotice(BOTTLENECKS_NEED_JAEGER)]));
  }
  const services = servicesToSample(query, graph);
  return defer(() => {
    const range = sampleOf(jaeger, services, ctx.fromMs, ctx.toMs);
    const before = precedingWindow(ctx.fromMs, ctx.toMs);
    // A failed "was" search costs only the comparison, not the attribution.
    const baseline = sampleOf(jaeger, services, before.fromMs, before.toMs, BASELINE_TRACE_LIMIT).pipe(
      map((sample): BaselineP95 | undefined => (sample.traces > 0 ? baselineOf(sample.analysis) : undefined)),
      catchError(() => of(undefined))
    );
    return forkJoin([range, baseline]).pipe(
      map(([sample, was]) => withNotices(addBottleneckFields(frames, sample.analysis, was), sampleNotices(sample)))
    );
  }).pipe(
    catchError((error: unknown) =>
      of(
        withNotices(frames, [
          infoNotice(
            `Bottlenecks: not shown, the traces could not be read from Jaeger (${error instanceof Error ? error.message : 'search failed'})`
          ),
        ])
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
