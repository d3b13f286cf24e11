import { DataFrame, DataQueryResponse, LoadingState } from '@grafana/data';
import { Observable, SchedulerLike, asyncScheduler, catchError, exhaustMap, map, of, timer } from 'rxjs';

import { toUserMessage } from '../errors';
import { EdgeObservation, Graph, createBucketedAggregator } from '../graph/servicegraph';

/** Buckets per window: finer buckets slide more smoothly, coarser ones merge faster. */
const BUCKETS_PER_WINDOW = 60;
const MIN_BUCKET_MS = 1000;

export interface GraphStreamOptions {
  refId: string;
  /** Length of the sliding window, ms. */
  windowMs: number;
  /** Time between ticks (poll + frame), ms. */
  cadenceMs: number;
  /** Observations of requests that started in [fromMs, toMs); only the new interval is asked for. */
  fetchInterval: (fromMs: number, toMs: number) => Observable<EdgeObservation[]>;
  toFrames: (graph: Graph) => DataFrame[];
  /** Clock, injectable for tests. */
  now?: () => number;
  scheduler?: SchedulerLike;
}

type TickResult = { ok: true; toMs: number; observations: EdgeObservation[] } | { ok: false; message: string };

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
    let polledUntil = now() - options.windowMs;
    let lastFrames: DataFrame[] = [];

    const subscription = timer(0, options.cadenceMs, scheduler)
      .pipe(
        exhaustMap(() => {
          const toMs = now();
          return options.fetchInterval(polledUntil, toMs).pipe(
            map((observations): TickResult => ({ ok: true, toMs, observations })),
            catchError((error: unknown) => of<TickResult>({ ok: false, message: toUserMessage(error) }))
          );
        })
      )
      .subscribe((result) => {
        if (!result.ok) {
          subscriber.next({ data: lastFrames, key: options.refId, state: LoadingState.Error, error: { message: result.message } });
          return;
        }
        for (const observation of result.observations) {
          aggregator.add(observation);
        }
        polledUntil = result.toMs;
        const fromMs = result.toMs - options.windowMs;
        aggregator.evictBefore(fromMs);
        lastFrames = options.toFrames(aggregator.graph(fromMs, result.toMs));
        subscriber.next({ data: lastFrames, key: options.refId, state: LoadingState.Streaming });
      });

    return () => subscription.unsubscribe();
  });
}
