/**
 * The Demo source: the seeded web-shop simulation running in the browser. Streaming generates the spans
 * of each new interval only; a one-shot query simulates the end of the dashboard range. Spans are at hand
 * here, so the graph also carries bottleneck attribution (issue 8).
 */
import { DataFrame, DataQueryResponse, LoadingState } from '@grafana/data';
import { Observable, SchedulerLike, defer, of } from 'rxjs';

import { DEFAULT_RATE_PER_SECOND, INCIDENTS, createShop, type Shop } from '../../../demo/src/index';
import { DataflowError } from '../errors';
import { infoNotice, withNotices } from '../graph/frameNotices';
import { applyNodeGroups, collectNodeGroups } from '../../../servicegraph/src/aggregate/nodeGroups';
import { EdgeObservation, Graph, analyzeBottlenecks, createBucketedAggregator, spansToObservations } from '../graph/servicegraph';
import { observationsToGraph } from '../graph/tracesToGraph';
import { addBottleneckFields } from '../insight/bottleneckFields';
import { createBottleneckTracker } from '../insight/bottleneckTracker';
import { aggregatorSteps, timelineToFrame } from '../insight/timelineFrame';
import { streamGraph } from '../streaming/streamGraph';
import { DemoDataflowQuery } from '../types';
import { runDemoRoute } from './demoRoute';

/**
 * The shop costs about 1 s of CPU per 100 s of traffic (measured: 300 s = 344k spans, ~3 s in Node), so a
 * one-shot query simulates only the end of the range, and a stream fills its window in chunks.
 */
export const MAX_ONE_SHOT_SIMULATION_MS = 60_000;
/** A one-shot timeline (replay) simulates up to this much of the range. */
export const MAX_TIMELINE_SIMULATION_MS = 5 * 60_000;
export const DEMO_BACKFILL_CHUNK_MS = 10_000;
const TIMELINE_STEP_MS = 10_000;

export interface DemoRunContext {
  refId: string;
  fromMs: number;
  toMs: number;
  toFrames: (graph: Graph, options?: { highlightedEdgeIds?: Iterable<string> }) => DataFrame[];
  now?: () => number;
  scheduler?: SchedulerLike;
}

/** Incident switches of the shop, for the query editor. */
export const DEMO_INCIDENTS = INCIDENTS.map(({ name, label, description }) => ({ name, label, description }));

export function runDemoQuery(query: DemoDataflowQuery, ctx: DemoRunContext): Observable<DataQueryResponse> {
  return defer(() => {
    const shop = createDemoShop(query);
    if (query.traceId?.trim()) {
      return runDemoRoute(shop, query.traceId.trim(), ctx);
    }
    const now = ctx.now ?? Date.now;
    if (query.streaming) {
      const bottlenecks = createBottleneckTracker();
      // service.namespace of the shop's services, collected as the spans arrive: the panel draws them as hulls.
      const groups: Record<string, string> = {};
      return streamGraph({
        refId: ctx.refId,
        windowMs: query.windowMs,
        cadenceMs: query.cadenceMs,
        toFrames: (graph) => bottlenecks.decorate(ctx.toFrames(applyNodeGroups(graph, groups)), now()),
        now,
        scheduler: ctx.scheduler,
        backfillChunkMs: DEMO_BACKFILL_CHUNK_MS,
        anomalySensitivity: query.anomalySensitivity,
        timeline: query.timeline,
        fetchInterval: (fromMs, toMs) =>
          defer(() => {
            const spans = toMs > fromMs ? shop.spansBetween(fromMs, toMs) : [];
            bottlenecks.add(spans);
            collectNodeGroups(spans, groups);
            return of(spansToObservations(spans));
          }),
      });
    }
    const span = query.timeline ? MAX_TIMELINE_SIMULATION_MS : MAX_ONE_SHOT_SIMULATION_MS;
    const fromMs = Math.max(ctx.fromMs, ctx.toMs - span);
    const spans = shop.spansBetween(fromMs, ctx.toMs);
    const observations = spansToObservations(spans);
    const graph = applyNodeGroups(observationsToGraph(observations, fromMs, ctx.toMs), collectNodeGroups(spans));
    const frames = addBottleneckFields(ctx.toFrames(graph), analyzeBottlenecks(spans));
    const timeline = query.timeline ? [timelineToFrame(oneShotSteps(observations, fromMs, ctx.toMs), ctx.refId)] : [];
    const notices = fromMs > ctx.fromMs ? [infoNotice(`Demo: the last ${Math.round(span / 60_000)} min of the range is simulated`)] : [];
    return of<DataQueryResponse>({
      data: [...withNotices(frames, notices), ...timeline],
      key: ctx.refId,
      state: LoadingState.Done,
    });
  });
}

function oneShotSteps(observations: EdgeObservation[], fromMs: number, toMs: number) {
  const aggregator = createBucketedAggregator({ bucketMs: TIMELINE_STEP_MS });
  observations.forEach((o) => aggregator.add(o));
  return aggregatorSteps(aggregator, fromMs, toMs, TIMELINE_STEP_MS);
}

/** The shop of a query: seed, traffic and incidents (from their switch time when known). */
export function createDemoShop(query: DemoDataflowQuery): Shop {
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
  const shop = createShop({ seed: Math.trunc(query.seed ?? 42), ratePerSecond: DEFAULT_RATE_PER_SECOND * rate });
  for (const name of active) {
    const since = query.incidentsSince?.[name];
    // Without a switch time the incident holds for all time, so the whole window changes at once.
    shop.setIncident(name, true, Number.isFinite(since) ? since : undefined);
  }
  return shop;
}

/** A function giving the edge observations of the shop's requests that start in [fromMs, toMs). */
export function createDemoObserver(query: DemoDataflowQuery): (fromMs: number, toMs: number) => EdgeObservation[] {
  const shop = createDemoShop(query);
  return (fromMs, toMs) => (toMs > fromMs ? spansToObservations(shop.spansBetween(fromMs, toMs)) : []);
}
