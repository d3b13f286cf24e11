/**
 * Live Jaeger counts against a replay server that reveals each span only 5 s after it ended (late
 * ingestion), serving the demo shop with Kafka consumer lag (consumer spans ~45 s after the producer):
 * once every trace has settled, the live map counts what a one-shot query of the same interval counts.
 */
import { DataFrame, DataQueryResponse } from '@grafana/data';
import { lastValueFrom, takeWhile, tap, toArray } from 'rxjs';

import { JaegerReplay, startJaegerReplay } from '../../../sandbox/jaeger-replay/src/index';
import { DEFAULT_JAEGER_QUERY } from '../defaults';
import { JaegerDataflowQuery } from '../types';
import { runJaegerQuery } from './jaegerSource';
import { JAEGER_REREAD_MS, JAEGER_SETTLE_MS } from './settlingTraces';
import { jaegerRunContext, nodeJaegerClient } from './testSupport';

const END_MS = Date.UTC(2026, 10, 23, 12, 0, 0);
const TRAFFIC_MS = 60_000;
const WINDOW_MS = 600_000;
let clockMs = END_MS - TRAFFIC_MS;
let replay: JaegerReplay;

beforeAll(async () => {
  replay = await startJaegerReplay({
    traces: [],
    demoShop: { endMs: END_MS, durationMs: TRAFFIC_MS, ratePerSecond: 2, incidents: ['kafka-consumer-lag'] },
    revealAfterEndMs: 5000,
    clock: () => clockMs,
  });
});
afterAll(() => replay.close());

function run(query: JaegerDataflowQuery, fromMs: number, toMs: number) {
  return runJaegerQuery(query, jaegerRunContext(nodeJaegerClient(replay.url), fromMs, toMs, { now: () => clockMs }));
}

function requestsByEdge(response: DataQueryResponse): Record<string, number> {
  const edges = response.data.find((f: DataFrame) => f.name === 'edges') as DataFrame;
  const ids = edges.fields.find((f) => f.name === 'id')!.values;
  const requests = edges.fields.find((f) => f.name === 'requests')!.values;
  return Object.fromEntries(ids.map((id: string, i: number) => [id, requests[i]]));
}

// 20 s ticks re-read the settle window every tick; 3 s ticks search only the new interval between re-reads.
describe.each([
  ['api-gateway', 20_000],
  ['', 20_000],
  ['api-gateway', 3_000],
])('Jaeger live mode with late spans (service "%s", a tick every %d ms)', (service, STEP_MS) => {
  it('counts every span that arrives late, as the one-shot query of the same interval does', async () => {
    // Ticks run until every trace has settled at a re-read: the last request starts at END_MS.
    const lastTick = END_MS + JAEGER_SETTLE_MS + 2 * (JAEGER_REREAD_MS + STEP_MS);
    const firstTick = END_MS - TRAFFIC_MS + STEP_MS;
    clockMs = firstTick;
    const before = replay.requests.length;
    // One-shot shares the limit among services: high enough that no search is cut.
    const query = { ...DEFAULT_JAEGER_QUERY, refId: 'A', service, limit: 10_000 };
    const live = await lastValueFrom(
      run({ ...query, streaming: true, windowMs: WINDOW_MS, cadenceMs: 5 }, 0, 0).pipe(
        takeWhile(() => clockMs < lastTick, true),
        tap(() => (clockMs += STEP_MS)),
        toArray()
      )
    );
    const lastTickMs = clockMs - STEP_MS;
    const searches = replay.requests.slice(before).filter((r) => r.path === '/api/traces');
    const oneShot = await lastValueFrom(run({ ...query, streaming: false }, lastTickMs - WINDOW_MS, lastTickMs));

    const expected = requestsByEdge(oneShot);
    const messaging = Object.entries(expected).filter(([id]) => id.endsWith('#messaging_system'));
    expect(messaging.map(([id]) => id)).toContain('orders->shipping#messaging_system');
    expect(messaging.reduce((sum, [, requests]) => sum + requests, 0)).toBeGreaterThan(15);
    expect(requestsByEdge(live[live.length - 1])).toEqual(expected);
    // At most one search per service and tick, as before (the service list grows as services appear).
    expect(searches.length).toBeLessThanOrEqual(live.length * new Set(searches.map((r) => r.query.service[0])).size);
    expect(searches.length).toBeGreaterThanOrEqual(live.length);
    // The settle window is searched again once per re-read interval, not on every tick.
    const rereads = searches.filter((r) => Number(r.query.end[0]) - Number(r.query.start[0]) > STEP_MS * 1000);
    const perService = rereads.length / new Set(rereads.map((r) => r.query.service[0])).size;
    expect(perService).toBeLessThanOrEqual(Math.ceil((lastTickMs - firstTick) / JAEGER_REREAD_MS) + 1);
  }, 120_000);

  it('shows traces that have not settled yet as they are now (the map is current)', async () => {
    clockMs = END_MS;
    const query = { ...DEFAULT_JAEGER_QUERY, refId: 'A', service, limit: 1000, streaming: true };
    const [first] = await lastValueFrom(
      run({ ...query, windowMs: WINDOW_MS, cadenceMs: 5 }, 0, 0).pipe(
        takeWhile(() => false, true),
        toArray()
      )
    );
    // Nothing has settled at END_MS (the traffic began 60 s ago), yet the map has the requests so far.
    expect(requestsByEdge(first)['user->web-frontend#virtual_node']).toBeGreaterThan(50);
    // Bottlenecks do not wait for traces to settle either.
    const edges = first.data.find((f: DataFrame) => f.name === 'edges') as DataFrame;
    const explanations = edges.fields.find((f) => f.name === 'bottleneck')?.values ?? [];
    expect(explanations.filter((text) => typeof text === 'string' && text.length > 0).length).toBeGreaterThan(0);
  }, 20_000);
});
