/**
 * Live Timescale mode: the sliding window is held in the browser as buckets (timescale/heldBuckets.ts). The
 * first tick reads the whole window, plus the anomaly baseline's history as minute buckets; later ticks read
 * only the buckets from REREAD_MS before the last read onwards (timescale/liveReadRange.ts) — the collector
 * keeps adding to recent buckets while late spans pair — and swap them in. Buckets that left the window are
 * dropped. The graph is the merge of the held buckets, which equals what the full-window SQL returns for the
 * same data (timescaleInsight.db.test.ts).
 */
import { DataFrame, DataQueryResponse, LoadingState } from '@grafana/data';
import { Observable, SchedulerLike, asyncScheduler, catchError, defer, exhaustMap, map, of, timer } from 'rxjs';

import { Graph, windowToGraph } from '../graph/servicegraph';
import { createAnomalyWindows } from '../insight/anomalyWindows';
import { chooseResolution, RESOLUTION_TABLES } from '../timescale/edgeSql';
import { EdgeSeriesPlan, planEdgeSeriesSql } from '../timescale/edgeSeriesSql';
import { createHeldBuckets, keepTopEdges } from '../timescale/heldBuckets';
import { liveReadFrom } from '../timescale/liveReadRange';
import { rowsToBucketWindows } from '../timescale/rowsToGraph';
import { TimescaleDataflowQuery } from '../types';
import { PostDsQuery, queryTables, timescaleErrorMessage } from './dsQuery';
import { ANOMALY_LEAD_WINDOWS, ANOMALY_WINDOW_MS, SETTLE_MS } from './timescaleAnomalies';

export interface LiveWindowContext {
  uid: string;
  refId: string;
  postDsQuery: PostDsQuery;
  /** Called with each statement before it is sent (tests show the incremental SQL with it). */
  onSql?: (sql: string) => void;
}

export interface LiveWindow {
  /** Reads what changed up to `toMs` and gives the window's graph (with anomaly flags where the table allows). */
  tick(toMs: number): Observable<Graph>;
}

export function createLiveWindow(query: TimescaleDataflowQuery, ctx: LiveWindowContext): LiveWindow {
  const resolution = chooseResolution({ fromMs: 0, toMs: query.windowMs });
  const { ms } = RESOLUTION_TABLES[resolution];
  const held = createHeldBuckets(ms);
  // Minute anomaly windows merged from the held buckets (see timescaleAnomalies.ts); none on hour buckets.
  const anomalies = resolution === '1h' ? undefined : createAnomalyWindows(query.anomalySensitivity, ANOMALY_WINDOW_MS);
  const filter = { services: query.services, connectionType: query.connectionType };
  let readUntil: number | undefined;
  let seriesFromMs = 0;

  /** Later ticks: the newest buckets. First tick: the window, and the anomaly baseline's history from the minute table. */
  const planReads = (windowStart: number, toMs: number): EdgeSeriesPlan[] => {
    if (readUntil !== undefined || !anomalies) {
      return [planEdgeSeriesSql(filter, { fromMs: liveReadFrom(windowStart, toMs, readUntil), toMs }, resolution)];
    }
    const split = Math.floor(windowStart / ANOMALY_WINDOW_MS) * ANOMALY_WINDOW_MS;
    return [
      planEdgeSeriesSql(filter, { fromMs: split - ANOMALY_LEAD_WINDOWS * ANOMALY_WINDOW_MS, toMs: split }, '1m'),
      planEdgeSeriesSql(filter, { fromMs: split, toMs }, resolution),
    ];
  };

  return {
    tick(toMs) {
      return defer(() => {
        const windowStart = toMs - query.windowMs;
        const reads = planReads(windowStart, toMs);
        const statements = reads.map((plan, i) => ({ refId: `${ctx.refId}-${i}`, sql: plan.sql }));
        statements.forEach((statement) => ctx.onSql?.(statement.sql));
        return queryTables(ctx.postDsQuery, ctx.uid, statements, reads[0].fromMs, toMs).pipe(
          map((tables) => {
            reads.forEach((plan, i) => {
              // Minute buckets of the baseline's history sit before the window under their minute start.
              const { windows, nodes } = rowsToBucketWindows(tables.get(statements[i].refId)!, plan.bucketMs);
              held.replaceRange(plan.fromMs, plan.toMs, windows, nodes);
            });
            if (readUntil === undefined) {
              seriesFromMs = reads[0].fromMs;
            }
            readUntil = reads[reads.length - 1].toMs;
            anomalies?.observe(held, seriesFromMs, toMs - SETTLE_MS);
            // Buckets of anomaly windows not judged yet stay, even when they left a short live window.
            held.evictBefore(anomalies ? Math.min(windowStart, toMs - SETTLE_MS - 2 * ANOMALY_WINDOW_MS) : windowStart);
            const coveredFromMs = Math.floor(windowStart / ms) * ms;
            const graph = windowToGraph(keepTopEdges(held.window(windowStart, toMs), query.topN), {
              ...held.nodes,
              startMs: coveredFromMs,
              endMs: toMs,
            });
            return anomalies ? anomalies.apply(graph) : graph;
          })
        );
      });
    },
  };
}

export interface LiveStreamContext extends LiveWindowContext {
  toFrames: (graph: Graph) => DataFrame[];
  now: () => number;
  scheduler?: SchedulerLike;
}

/** One tick per cadence, never overlapping; a failed tick keeps the last frames and reports the error. */
export function streamTimescale(query: TimescaleDataflowQuery, ctx: LiveStreamContext): Observable<DataQueryResponse> {
  const live = createLiveWindow(query, ctx);
  let lastFrames: DataFrame[] = [];
  return timer(0, query.cadenceMs, ctx.scheduler ?? asyncScheduler).pipe(
    exhaustMap(() =>
      live.tick(ctx.now()).pipe(
        map((graph): DataQueryResponse => {
          lastFrames = ctx.toFrames(graph);
          return { data: lastFrames, key: ctx.refId, state: LoadingState.Streaming };
        }),
        catchError((error: unknown) =>
          of<DataQueryResponse>({
            data: lastFrames,
            key: ctx.refId,
            state: LoadingState.Error,
            errors: [{ message: timescaleErrorMessage(error), refId: ctx.refId }],
          })
        )
      )
    )
  );
}
