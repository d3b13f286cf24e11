import {
  DataQuery,
  DataQueryRequest,
  DataQueryResponse,
  DataSourceApi,
  LoadingState,
  PanelData,
  TimeRange,
  rangeUtil,
} from '@grafana/data';
import { from, isObservable, Observable } from 'rxjs';

let requestCounter = 0;

/**
 * Runs one panel's queries the way Grafana's query runner does: one request, responses merged by `key`
 * (so streaming targets replace their own frames), errors turned into PanelData.errors.
 */
export function runPanelQuery(
  ds: DataSourceApi,
  targets: DataQuery[],
  range: TimeRange,
  maxDataPoints: number,
  panelId: number
): Observable<PanelData> {
  return new Observable<PanelData>((subscriber) => {
    const interval = rangeUtil.calculateInterval(range, Math.max(maxDataPoints, 1));
    const request: DataQueryRequest = {
      app: 'dashboard',
      requestId: `SQR${++requestCounter}`,
      timezone: 'browser',
      range,
      rangeRaw: range.raw,
      interval: interval.interval,
      intervalMs: interval.intervalMs,
      maxDataPoints,
      targets: targets.filter((t) => !t.hide),
      scopedVars: {
        __interval: { text: interval.interval, value: interval.interval },
        __interval_ms: { text: String(interval.intervalMs), value: interval.intervalMs },
      },
      startTime: Date.now(),
      panelId,
    };
    const packets = new Map<string, DataQueryResponse>();
    subscriber.next({ state: LoadingState.Loading, series: [], timeRange: range });
    let result: ReturnType<DataSourceApi['query']>;
    try {
      result = ds.query(request);
    } catch (err) {
      subscriber.next(errorData(err, range));
      return undefined;
    }
    const responses: Observable<DataQueryResponse> = isObservable(result) ? result : from(result);
    const subscription = responses.subscribe({
      next: (response) => {
        packets.set(response.key ?? 'A', response);
        const all = [...packets.values()];
        const errors = all.flatMap((p) => p.errors ?? (p.error ? [p.error] : []));
        subscriber.next({
          state: errors.length ? LoadingState.Error : response.state ?? LoadingState.Done,
          series: all.flatMap((p) => p.data ?? []),
          errors: errors.length ? errors : undefined,
          error: errors[0],
          timeRange: range,
          request,
        });
      },
      error: (err: unknown) => subscriber.next(errorData(err, range)),
      complete: () => subscriber.complete(),
    });
    return () => subscription.unsubscribe();
  });
}

function messageOf(err: unknown): string {
  if (typeof err === 'string') {
    return err;
  }
  if (err && typeof err === 'object') {
    const e = err as { message?: string; data?: { message?: string; error?: string }; statusText?: string };
    return e.data?.message ?? e.data?.error ?? e.message ?? e.statusText ?? 'Query error';
  }
  return 'Query error';
}

function errorData(err: unknown, range: TimeRange): PanelData {
  const error = { message: messageOf(err) };
  return { state: LoadingState.Error, series: [], error, errors: [error], timeRange: range };
}

/**
 * Grafana's preProcessPanelData: a loading packet without data keeps showing the last result (marked as
 * loading), so a re-run query never blanks the panel in between.
 */
export function keepLastWhileLoading(next: PanelData, last: PanelData | undefined): PanelData {
  if (next.state === LoadingState.Loading && next.series.length === 0 && last) {
    return { ...last, state: LoadingState.Loading, request: next.request };
  }
  return next;
}
