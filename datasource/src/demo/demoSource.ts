/**
 * The Demo source: the seeded web-shop simulation running in the browser. Streaming generates the spans
 * of each new interval only; a one-shot query simulates the end of the dashboard range.
 */
import { DataFrame, DataQueryResponse, LoadingState } from '@grafana/data';
import { Observable, SchedulerLike, defer, of } from 'rxjs';

import { DEFAULT_RATE_PER_SECOND, INCIDENTS, createShop } from '../../../demo/src/index';
import { DataflowError } from '../errors';
import { infoNotice, withNotices } from '../graph/frameNotices';
import { EdgeObservation, Graph, spansToObservations } from '../graph/servicegraph';
import { observationsToGraph } from '../graph/tracesToGraph';
import { streamGraph } from '../streaming/streamGraph';
import { DemoDataflowQuery } from '../types';

/**
 * The shop costs about 1 s of CPU per 100 s of traffic (measured: 300 s = 344k spans, ~3 s in Node), so a
 * one-shot query simulates only the end of the range, and a stream fills its window in chunks.
 */
export const MAX_ONE_SHOT_SIMULATION_MS = 60_000;
export const DEMO_BACKFILL_CHUNK_MS = 10_000;

export interface DemoRunContext {
  refId: string;
  fromMs: number;
  toMs: number;
  toFrames: (graph: Graph) => DataFrame[];
  now?: () => number;
  scheduler?: SchedulerLike;
}

/** Incident switches of the shop, for the query editor. */
export const DEMO_INCIDENTS = INCIDENTS.map(({ name, label, description }) => ({ name, label, description }));

export function runDemoQuery(query: DemoDataflowQuery, ctx: DemoRunContext): Observable<DataQueryResponse> {
  return defer(() => {
    const observe = createDemoObserver(query);
    if (query.streaming) {
      return streamGraph({
        refId: ctx.refId,
        windowMs: query.windowMs,
        cadenceMs: query.cadenceMs,
        toFrames: ctx.toFrames,
        now: ctx.now,
        scheduler: ctx.scheduler,
        backfillChunkMs: DEMO_BACKFILL_CHUNK_MS,
        fetchInterval: (fromMs, toMs) => defer(() => of(observe(fromMs, toMs))),
      });
    }
    const fromMs = Math.max(ctx.fromMs, ctx.toMs - MAX_ONE_SHOT_SIMULATION_MS);
    const graph = observationsToGraph(observe(fromMs, ctx.toMs), fromMs, ctx.toMs);
    const notices = fromMs > ctx.fromMs ? [infoNotice('Demo: the last minute of the range is simulated')] : [];
    return of<DataQueryResponse>({
      data: withNotices(ctx.toFrames(graph), notices),
      key: ctx.refId,
      state: LoadingState.Done,
    });
  });
}

/** A function giving the edge observations of the shop's requests that start in [fromMs, toMs). */
export function createDemoObserver(query: DemoDataflowQuery): (fromMs: number, toMs: number) => EdgeObservation[] {
  const known = new Set<string>(INCIDENTS.map((i) => i.name));
  const active = Object.entries(query.incidents ?? {})
    .filter(([, on]) => on)
    .map(([name]) => name);
  const unknown = active.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new DataflowError(`Demo: unknown incident "${unknown[0]}" (known: ${[...known].join(', ')})`);
  }
  const rate = query.rate ?? 1;
  if (!Number.isFinite(rate) || rate < 0 || rate > 100) {
    throw new DataflowError(
      `Demo: rate must be between 0 and 100 (×${DEFAULT_RATE_PER_SECOND} requests/s), got ${rate}`
    );
  }
  // Incidents hold for all time, so switching one changes the whole window at once (visible immediately).
  const shop = createShop({
    seed: Math.trunc(query.seed ?? 42),
    ratePerSecond: DEFAULT_RATE_PER_SECOND * rate,
    incidents: active,
  });
  return (fromMs, toMs) => (toMs > fromMs ? spansToObservations(shop.spansBetween(fromMs, toMs)) : []);
}
