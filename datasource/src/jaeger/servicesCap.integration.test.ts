/**
 * A Jaeger that knows more services than a search of "every service" reads (MAX_ALL_SERVICES): the
 * recordings plus three copies of the demo shop under region prefixes, served over real HTTP.
 */
import { DataFrame, DataQueryResponse, LoadingState } from '@grafana/data';
import { firstValueFrom, lastValueFrom, take, toArray } from 'rxjs';

import { JaegerReplay, startJaegerReplay } from '../../../sandbox/jaeger-replay/src/index';
import { demoShopTraces } from '../../../sandbox/jaeger-replay/src/demoTraces';
import { DEFAULT_JAEGER_QUERY } from '../defaults';
import { JaegerDataflowQuery } from '../types';
import { MAX_ALL_SERVICES } from './allServicesTraces';
import { runJaegerQuery } from './jaegerSource';
import { jaegerRunContext, nodeJaegerClient } from './testSupport';

const END_MS = Date.UTC(2026, 10, 23, 12, 0, 0);
let replay: JaegerReplay;
let known: number;

/** The demo shop's traces with every service renamed `<region>-<service>` (and trace ids of their own). */
function regionTraces(region: string, index: number) {
  return demoShopTraces({ endMs: END_MS, durationMs: 10_000, ratePerSecond: 5 }).map((trace) => ({
    ...trace,
    traceID: `${index}${trace.traceID.slice(1)}`,
    spans: trace.spans.map((span) => ({ ...span, traceID: `${index}${span.traceID.slice(1)}` })),
    processes: Object.fromEntries(
      Object.entries(trace.processes).map(([id, process]) => [
        id,
        { ...process, serviceName: `${region}-${process.serviceName}` },
      ])
    ),
  }));
}

beforeAll(async () => {
  replay = await startJaegerReplay({
    shiftToMs: END_MS,
    extraTraces: ['eu', 'usa', 'asia', 'oz'].flatMap(regionTraces),
  });
  known = (await firstValueFrom(client().getServices())).length;
});
afterAll(() => replay.close());

function client() {
  return nodeJaegerClient(replay.url);
}

function run(query: JaegerDataflowQuery) {
  return runJaegerQuery(query, jaegerRunContext(client(), END_MS - 3_600_000, END_MS, { now: () => END_MS }));
}

function noticesOf(response: DataQueryResponse): string[] {
  return (response.data[0] as DataFrame).meta?.notices?.map((n) => n.text) ?? [];
}

const CAP_NOTICE = () =>
  `Searched ${MAX_ALL_SERVICES} of ${known} services: Jaeger searches one service at a time (choose a service to see the others)`;

describe('a search of every service when Jaeger knows more than the cap', () => {
  it('says how many services it searched (one-shot), and searched that many', async () => {
    expect(known).toBeGreaterThan(MAX_ALL_SERVICES);
    const before = replay.requests.length;
    const responses = await lastValueFrom(
      run({ ...DEFAULT_JAEGER_QUERY, refId: 'A', service: '', streaming: false }).pipe(toArray())
    );
    const last = responses[responses.length - 1];
    expect(last.state).toBe(LoadingState.Done);
    expect(noticesOf(last)).toContain(CAP_NOTICE());
    const searched = new Set(
      replay.requests.slice(before).flatMap((r) => (r.path === '/api/traces' ? r.query.service : []))
    );
    expect(searched.size).toBe(MAX_ALL_SERVICES);
  }, 60_000);

  it('says so in live mode too', async () => {
    const [first] = await lastValueFrom(
      run({ ...DEFAULT_JAEGER_QUERY, refId: 'A', service: '', streaming: true, windowMs: 600_000, cadenceMs: 5 }).pipe(
        take(1),
        toArray()
      )
    );
    expect(first.state).toBe(LoadingState.Streaming);
    expect(noticesOf(first)).toContain(CAP_NOTICE());
  }, 60_000);

  it('adds no notice when one service is chosen', async () => {
    const responses = await lastValueFrom(
      run({ ...DEFAULT_JAEGER_QUERY, refId: 'A', service: 'eu-api-gateway', streaming: false }).pipe(toArray())
    );
    const last = responses[responses.length - 1];
    expect(noticesOf(last).filter((text) => text.startsWith('Searched'))).toEqual([]);
    expect(last.data.find((f: DataFrame) => f.name === 'edges')?.length).toBeGreaterThan(0);
  }, 60_000);
});
