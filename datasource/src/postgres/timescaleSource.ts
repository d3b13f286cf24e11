/**
 * The Timescale source: edge aggregates read through the Grafana PostgreSQL datasource chosen by UID,
 * so the Grafana server runs the SQL (and alert rules can use the same tables). The SQL comes from
 * timescale/edgeSql.ts and the rows become a graph with timescale/rowsToGraph.ts.
 */
import { DataFrame, DataQueryResponse, LoadingState, dataFrameFromJSON } from '@grafana/data';
import {
  Observable,
  SchedulerLike,
  asyncScheduler,
  catchError,
  defer,
  exhaustMap,
  forkJoin,
  map,
  of,
  throwError,
  timer,
} from 'rxjs';

import { DataflowError, toUserMessage } from '../errors';
import { Graph } from '../graph/servicegraph';
import { planEdgeSql } from '../timescale/edgeSql';
import { rowsToGraph } from '../timescale/rowsToGraph';
import { TimescaleDataflowQuery } from '../types';
import { POSTGRES_TYPE, PostDsQuery, readDsQueryFrames } from './dsQuery';
import { fetchTimescaleTimeline } from './timescaleTimeline';
import { TimescaleRouteContext, isRouteQuery, runTimescaleRoute } from './timescaleRoute';

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
  if (!query.streaming) {
    const graph$ = fetchGraph(query, uid, ctx, ctx.fromMs, ctx.toMs);
    if (!query.timeline) {
      return graph$.pipe(
        map((graph): DataQueryResponse => ({ data: ctx.toFrames(graph), key: ctx.refId, state: LoadingState.Done }))
      );
    }
    const timeline$ = fetchTimescaleTimeline(query, uid, ctx.postDsQuery, ctx.refId, ctx.fromMs, ctx.toMs).pipe(
      catchError((error: unknown) => throwError(() => new DataflowError(prefixed(error))))
    );
    return forkJoin([graph$, timeline$]).pipe(
      map(([graph, timeline]): DataQueryResponse => ({
        data: [...ctx.toFrames(graph), timeline],
        key: ctx.refId,
        state: LoadingState.Done,
      }))
    );
  }
  // Live: the aggregates are already bucketed server-side, so each tick re-reads the sliding window.
  const now = ctx.now ?? Date.now;
  let lastFrames: DataFrame[] = [];
  return timer(0, query.cadenceMs, ctx.scheduler ?? asyncScheduler).pipe(
    exhaustMap(() => {
      const toMs = now();
      return fetchGraph(query, uid, ctx, toMs - query.windowMs, toMs).pipe(
        map((graph): DataQueryResponse => {
          lastFrames = ctx.toFrames(graph);
          return { data: lastFrames, key: ctx.refId, state: LoadingState.Streaming };
        }),
        catchError((error: unknown) =>
          of<DataQueryResponse>({
            data: lastFrames,
            key: ctx.refId,
            state: LoadingState.Error,
            errors: [{ message: toUserMessage(error), refId: ctx.refId }],
          })
        )
      );
    })
  );
}

function fetchGraph(
  query: TimescaleDataflowQuery,
  uid: string,
  ctx: TimescaleRunContext,
  fromMs: number,
  toMs: number
): Observable<Graph> {
  return defer(() => {
    const plan = planEdgeSql(
      { services: query.services, connectionType: query.connectionType, topN: query.topN },
      { fromMs, toMs }
    );
    return ctx
      .postDsQuery({
        queries: [{ refId: ctx.refId, datasource: { uid, type: POSTGRES_TYPE }, rawSql: plan.sql, format: 'table' }],
        from: String(Math.floor(fromMs)),
        to: String(Math.ceil(toMs)),
      })
      .pipe(
        map((answer) => {
          const frames = readDsQueryFrames(answer, ctx.refId).map((json) => dataFrameFromJSON(json));
          const rows = frames[0] ?? { fields: [] };
          return rowsToGraph(rows, { fromMs: plan.coveredFromMs, toMs: plan.coveredToMs });
        })
      );
  }).pipe(catchError((error: unknown) => throwError(() => new DataflowError(prefixed(error)))));
}

function prefixed(error: unknown): string {
  const message = toUserMessage(error);
  return message.startsWith('Timescale mode:') ? message : `Timescale mode: ${message}`;
}
