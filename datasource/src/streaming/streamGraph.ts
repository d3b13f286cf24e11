import { DataFrame, DataQueryResponse, LoadingState } from '@grafana/data';
import { Observable, SchedulerLike, asyncScheduler, catchError, exhaustMap, forkJoin, map, of, timer } from 'rxjs';

import { toUserMessage } from '../errors';
import { EdgeObservation, Graph, createBucketedAggregator } from '../graph/servicegraph';
import { createAnomalyWindows } from '../insight/anomalyWindows';
import { aggregatorSteps, timelineToFrame } from '../insight/timelineFrame';
import { withPending } from './withPending';

/** Buckets per window: finer buckets slide more smoothly, coarser ones merge faster. */
const BUCKETS_PER_WINDOW = 60;
const MIN_BUCKET_MS = 1000;
const TIMELINE_STEP_MS = 10_000;

export interface GraphStreamOptions {
  refId: string;
  /** Length of the sliding window, ms. */
  windowMs: number;
  /** Time between ticks (poll + frame), ms. */
  cadenceMs: number;
  /**
   * When set, the window is filled progressively: the first tick fetches only the newest
   * `backfillChunkMs`, and each later tick adds one older chunk until the window is covered. The
   * first frame then comes at once instead of after a whole window of work (the demo shop needs
   * about 1 s of CPU per 100 s of traffic). Rates are computed over the covered part.
   */
  backfillChunkMs?: number;
  /** Observations of requests that started in [fromMs, toMs); only the new interval is asked for. */
  fetchInterval: (fromMs: number, toMs: number) => Observable<EdgeObservation[]>;
  toFrames: (graph: Graph) => DataFrame[];
  /**
   * Observations that are not final yet (e.g. Jaeger traces still gaining spans): drawn on top of the
   * window in this tick's frame only, never added to it, so a later, complete version replaces them.
   */
  pendingObservations?: () => EdgeObservation[];
  /**
   * How long after their time observations may still arrive (ingestion delay, re-reads): an anomaly window
   * is judged only this long after it ends, so a window still filling in is not flagged as a drop.
   */
  lateMs?: number;
  /** Anomaly detector sensitivity (robust standard deviations); undefined = the detector's default. */
  anomalySensitivity?: number;
  /** Also emit a `timeline` frame of the window (replay), one step per TIMELINE_STEP_MS. */
  timeline?: boolean;
  /** Clock, injectable for tests. */
  now?: () => number;
  scheduler?: SchedulerLike;
}

type TickResult =
  { ok: true; toMs: number; coveredFromMs: number; observations: EdgeObservation[] } | { ok: false; message: string };

/**
 * A live graph over a sliding window. Each tick asks `fetchInterval` for the interval since the last
 * successful tick, folds it into a bucketed aggregator, evicts buckets older than the window and emits
 * Node Graph frames with `LoadingState.Streaming`. A failed tick emits `LoadingState.Error` (keeping the
 * last frames) and leaves the interval to be fetched again by the next tick. Ticks never overlap
 * (exhaustMap), and unsubscribing cancels the timer and any request in flight.
 */
export function streamGraph(options: GraphStreamOptions): Observable<DataQueryResponse> {
  const now = options.now ?? Date.now;
  const scheduler = options.scheduler ?? asyncScheduler;
  const bucketMs = Math.max(MIN_BUCKET_MS, Math.floor(options.windowMs / BUCKETS_PER_WINDOW));

  return new Observable<DataQueryResponse>((subscriber) => {
    const aggregator = createBucketedAggregator({ bucketMs });
    const anomalies = createAnomalyWindows(options.anomalySensitivity, bucketMs);
    const chunkMs = Math.min(options.backfillChunkMs ?? options.windowMs, options.windowMs);
    let polledUntil: number | undefined;
    let coveredFromMs = 0;
    let lastFrames: DataFrame[] = [];

    const fetchTick = (toMs: number): Observable<TickResult> => {
      const windowStart = toMs - options.windowMs;
      if (polledUntil === undefined) {
        const fromMs = toMs - chunkMs;
        return options
          .fetchInterval(fromMs, toMs)
          .pipe(map((observations) => ({ ok: true, toMs, coveredFromMs: fromMs, observations })));
      }
      const fresh = options.fetchInterval(polledUntil, toMs);
      if (coveredFromMs <= windowStart) {
        return fresh.pipe(map((observations) => ({ ok: true, toMs, coveredFromMs, observations })));
      }
      const olderFrom = Math.max(windowStart, coveredFromMs - chunkMs);
      return forkJoin([fresh, options.fetchInterval(olderFrom, coveredFromMs)]).pipe(
        map(([newer, older]) => ({ ok: true, toMs, coveredFromMs: olderFrom, observations: newer.concat(older) }))
      );
    };

    const subscription = timer(0, options.cadenceMs, scheduler)
      .pipe(
        exhaustMap(() => {
          const toMs = now();
          return fetchTick(toMs).pipe(
            catchError((error: unknown) => of<TickResult>({ ok: false, message: toUserMessage(error) }))
          );
        })
      )
      .subscribe((result) => {
        if (!result.ok) {
          subscriber.next({
            data: lastFrames,
            key: options.refId,
            state: LoadingState.Error,
            errors: [{ message: result.message, refId: options.refId }],
          });
          return;
        }
        for (const observation of result.observations) {
          aggregator.add(observation);
        }
        polledUntil = result.toMs;
        coveredFromMs = result.coveredFromMs;
        const fromMs = Math.max(result.toMs - options.windowMs, coveredFromMs);
        aggregator.evictBefore(result.toMs - options.windowMs);
        const view = withPending(aggregator, options.pendingObservations?.() ?? []);
        // Anomalies once the whole window is covered, so the baseline learns from history first.
        if (coveredFromMs <= result.toMs - options.windowMs) {
          anomalies.observe(view, coveredFromMs, result.toMs - (options.lateMs ?? 0));
        }
        lastFrames = options.toFrames(anomalies.apply(view.graph(fromMs, result.toMs)));
        if (options.timeline) {
          const steps = aggregatorSteps(view, fromMs, result.toMs, TIMELINE_STEP_MS);
          lastFrames = [...lastFrames, timelineToFrame(steps, options.refId)];
        }
        subscriber.next({ data: lastFrames, key: options.refId, state: LoadingState.Streaming });
      });

    return () => subscription.unsubscribe();
  });
}
