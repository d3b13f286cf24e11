/**
 * The Timescale source: edge aggregates read through the Grafana PostgreSQL datasource chosen by UID,
 * so the Grafana server runs the SQL (and alert rules can use the same tables). The map's SQL comes from
 * timescale/edgeSql.ts, the per-bucket series for anomaly flags from timescale/edgeSeriesSql.ts (both in one
 * /api/ds/query request), and the rows become a graph with timescale/rowsToGraph.ts. Live mode is
 * timescaleLive.ts; the route of one request goes to the Jaeger beside it (timescaleRoute.ts).
 */
import { DataQueryResponse, LoadingState } from '@grafana/data';
import { Observable, SchedulerLike, catchError, concatMap, defer, forkJoin, map, throwError } from 'rxjs';

import { DataflowError } from '../errors';
import { Graph } from '../graph/servicegraph';
import { planEdgeSql } from '../timescale/edgeSql';
import { planEdgeSeriesSql } from '../timescale/edgeSeriesSql';
import { createHeldBuckets } from '../timescale/heldBuckets';
import { rowsToBucketWindows, rowsToGraph } from '../timescale/rowsToGraph';
import { TimescaleDataflowQuery } from '../types';
import { PostDsQuery, SqlStatement, queryTables, timescaleErrorMessage } from './dsQuery';
import { anomalySeriesRange, flagFromSeries } from './timescaleAnomalies';
import { streamTimescale } from './timescaleLive';
import { addTimescaleBottlenecks, withLiveBottlenecks } from './timescaleBottlenecks';
import { TimescaleRouteContext, isRouteQuery, runTimescaleRoute } from './timescaleRoute';
import { fetchTimescaleTimeline } from './timescaleTimeline';

export interface TimescaleRunContext extends TimescaleRouteContext {
  postgresDatasourceUid?: string;
  postDsQuery: PostDsQuery;
  now?: () => number;
  scheduler?: SchedulerLike;
}

export function runTimescaleQuery(
  query: TimescaleDataflowQuery,
  ctx: TimescaleRunContext
): Observable<DataQueryResponse> {
  if (isRouteQuery(query)) {
    return runTimescaleRoute(query, ctx);
  }
  const uid = ctx.postgresDatasourceUid;
  if (!uid) {
    return throwError(
      () =>
        new DataflowError(
          'Timescale mode: not configured (choose the PostgreSQL datasource in the datasource settings)'
        )
    );
  }
  const now = ctx.now ?? Date.now;
  if (query.streaming) {
    const stream = streamTimescale(query, { uid, refId: ctx.refId, postDsQuery: ctx.postDsQuery, toFrames: ctx.toFrames, now, scheduler: ctx.scheduler });
    return withLiveBottlenecks(stream, query, { jaeger: ctx.jaeger, now });
  }
  // The map from the aggregates, then bottleneck attribution from a sample of Jaeger traces (never an error).
  const map$ = fetchRangeGraph(query, uid, ctx, now()).pipe(
    concatMap((graph) => addTimescaleBottlenecks(ctx.toFrames(graph), query, ctx))
  );
  if (!query.timeline) {
    return map$.pipe(map((data): DataQueryResponse => ({ data, key: ctx.refId, state: LoadingState.Done })));
  }
  const timeline$ = fetchTimescaleTimeline(query, uid, ctx.postDsQuery, ctx.refId, ctx.fromMs, ctx.toMs).pipe(
    catchError((error: unknown) => throwError(() => new DataflowError(timescaleErrorMessage(error))))
  );
  return forkJoin([map$, timeline$]).pipe(
    map(([frames, timeline]): DataQueryResponse => ({
      data: [...frames, timeline],
      key: ctx.refId,
      state: LoadingState.Done,
    }))
  );
}

/** The map of the range, with anomaly flags from the minute series that ends with the range. */
export function fetchRangeGraph(
  query: TimescaleDataflowQuery,
  uid: string,
  ctx: Pick<TimescaleRunContext, 'refId' | 'fromMs' | 'toMs' | 'postDsQuery'>,
  nowMs: number
): Observable<Graph> {
  return defer(() => {
    const filter = { services: query.services, connectionType: query.connectionType };
    const plan = planEdgeSql({ ...filter, topN: query.topN }, { fromMs: ctx.fromMs, toMs: ctx.toMs });
    const series = anomalySeriesRange(ctx.toMs);
    const seriesPlan = planEdgeSeriesSql(filter, series, series.resolution);
    const seriesRefId = `${ctx.refId}-anomaly`;
    const statements: SqlStatement[] = [
      { refId: ctx.refId, sql: plan.sql },
      { refId: seriesRefId, sql: seriesPlan.sql },
    ];
    return queryTables(ctx.postDsQuery, uid, statements, ctx.fromMs, ctx.toMs).pipe(
      map((tables) => {
        const graph = rowsToGraph(tables.get(ctx.refId)!, { fromMs: plan.coveredFromMs, toMs: plan.coveredToMs });
        const buckets = createHeldBuckets(seriesPlan.bucketMs);
        const { windows, nodes } = rowsToBucketWindows(tables.get(seriesRefId)!, seriesPlan.bucketMs);
        buckets.replaceRange(seriesPlan.fromMs, seriesPlan.toMs, windows, nodes);
        return flagFromSeries(graph, buckets, series, nowMs, query.anomalySensitivity);
      })
    );
  }).pipe(catchError((error: unknown) => throwError(() => new DataflowError(timescaleErrorMessage(error)))));
}
