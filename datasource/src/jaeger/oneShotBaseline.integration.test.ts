/**
 * One-shot Jaeger bottlenecks with their "was …": the replay server serves the demo shop, normal for the
 * minute before the range and with payments-db locking inside it (real HTTP on 127.0.0.1).
 */
import { DataFrame, DataQueryResponse, LoadingState } from '@grafana/data';
import { lastValueFrom, toArray } from 'rxjs';

import { JaegerReplay, startJaegerReplay } from '../../../sandbox/jaeger-replay/src/index';
import { demoShopTraces } from '../../../sandbox/jaeger-replay/src/demoTraces';
import { DEFAULT_JAEGER_QUERY } from '../defaults';
import { JaegerClient } from './jaegerClient';
import { runJaegerQuery } from './jaegerSource';
import { precedingWindow } from './oneShotTraces';
import { jaegerRunContext, nodeJaegerClient } from './testSupport';

const END_MS = Date.UTC(2026, 10, 23, 12, 0, 0);
const RANGE_MS = 30_000;
const PAYMENTS_DB = 'payments->payments-db#database';
let replay: JaegerReplay;

beforeAll(async () => {
  replay = await startJaegerReplay({
    traces: [],
    extraTraces: demoShopTraces({ endMs: END_MS - RANGE_MS, durationMs: RANGE_MS, ratePerSecond: 5 }),
    demoShop: { endMs: END_MS, durationMs: RANGE_MS, ratePerSecond: 5, incidents: ['payments-db-locking'] },
  });
});
afterAll(() => replay.close());

function client(baseUrl = replay.url): JaegerClient {
  return nodeJaegerClient(baseUrl);
}

function run(jaeger: JaegerClient): Promise<DataQueryResponse[]> {
  const query = { ...DEFAULT_JAEGER_QUERY, refId: 'A', service: 'api-gateway', limit: 1000, streaming: false };
  return lastValueFrom(runJaegerQuery(query, jaegerRunContext(jaeger, END_MS - RANGE_MS, END_MS)).pipe(toArray()));
}

function explanation(response: DataQueryResponse, edgeId: string): string {
  const edges = response.data.find((f: DataFrame) => f.name === 'edges') as DataFrame;
  const ids = edges.fields.find((f) => f.name === 'id')!.values;
  return String(edges.fields.find((f) => f.name === 'bottleneck')!.values[ids.indexOf(edgeId)]);
}

function noticesOf(response: DataQueryResponse): string[] {
  return (response.data[0] as DataFrame).meta?.notices?.map((n) => n.text) ?? [];
}

describe('one-shot Jaeger bottlenecks', () => {
  it('compare with the preceding window of the same length: "p95 …, was …"', async () => {
    const before = replay.requests.length;
    const responses = await run(client());
    expect(responses).toHaveLength(1);
    const [done] = responses;
    expect(done.state).toBe(LoadingState.Done);
    const text = explanation(done, PAYMENTS_DB);
    expect(text).toMatch(
      /^payments → payments-db: \d+ % of critical-path time of the slowest requests, p95 [\d.]+ m?s, was \d+ ms$/
    );

    const searches = replay.requests.slice(before).filter((r) => r.path === '/api/traces');
    const windows = searches.map((r) => [Number(r.query.start[0]) / 1000, Number(r.query.end[0]) / 1000]);
    const previous = precedingWindow(END_MS - RANGE_MS, END_MS);
    expect(windows).toEqual([
      [END_MS - RANGE_MS, END_MS],
      [previous.fromMs, previous.toMs],
    ]);
    expect(searches[1].query.limit).toEqual(['500']);
  });

  it('keep the map and say why when the baseline search fails', async () => {
    const healthy = client();
    const broken = client(`${replay.url}/fault/500`);
    const jaeger: JaegerClient = {
      ...healthy,
      searchTraces: (search) => (search.endMs <= END_MS - RANGE_MS ? broken : healthy).searchTraces(search),
    };
    const done = (await run(jaeger)).pop()!;
    expect(done.state).toBe(LoadingState.Done);
    expect(explanation(done, PAYMENTS_DB)).not.toContain('was');
    expect(noticesOf(done).find((n) => n.startsWith('Bottlenecks: no comparison with the previous window'))).toMatch(
      /error 500/
    );
  });
});
