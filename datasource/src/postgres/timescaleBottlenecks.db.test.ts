/**
 * Timescale-mode bottleneck attribution on real parts: the seeded demo shop (2 minutes normal, then 2 minutes
 * of payments-db locking) → the real collector → PostgreSQL, read through the sandbox's /api/ds/query, and the
 * very same requests as Jaeger traces served by the replay server (real HTTP on 127.0.0.1).
 */
import { createServer } from 'http';
import { AddressInfo } from 'net';
import { DataFrame, DataQueryResponse, LoadingState } from '@grafana/data';
import { Observable, first, lastValueFrom, tap, toArray } from 'rxjs';

import { startCollector } from '../../../collector/src/service';
import { testCollectorConfig } from '../../../collector/src/testing/collectorHarness';
import { DEFAULT_SEED, SeedOptions, seedPhases } from '../../../provisioning/testing/seedShopData';
import { seedShopTraces } from '../../../provisioning/testing/seedShopTraces';
import { sendShopTraffic } from '../../../provisioning/testing/shopTraffic';
import { JaegerReplay, startJaegerReplay } from '../../../sandbox/jaeger-replay/src/index';
import { PostgresQueryRunner } from '../../../sandbox/server/postgresQuery';
import { setupTestPostgres } from '../../../testkit/jest';
import { DataflowDataSource } from '../datasource';
import { analyzeBottlenecks } from '../graph/servicegraph';
import { readJaegerSpans } from '../graph/tracesToGraph';
import { createDefaultQuery } from '../defaults';
import { BOTTLENECK_FIELDS } from '../insight/bottleneckFields';
import { createNodeHttpGet } from '../jaeger/nodeHttpGet';
import { DataflowDataSourceOptions, TimescaleDataflowQuery } from '../types';
import { createBackendSrvDsQuery } from './dsQuery';
import { BOTTLENECKS_NEED_JAEGER } from './timescaleBottlenecks';
import { postgresDataSource, runnerBackendSrv, withNodeTimers } from './testSupport';
import { queryRequest } from '../testSupport';

const handle = setupTestPostgres();
jest.setTimeout(180_000);

const MINUTE = 60_000;
const END = Date.UTC(2026, 10, 23, 12, 0, 0);
const SEED: SeedOptions = { endMs: END, incidentMinutes: 2, ratePerSecond: 3, seed: DEFAULT_SEED };
const PAYMENTS_DB = 'payments->payments-db#database';
const STRIPE = 'payments->stripe#virtual_node';
const runner = new PostgresQueryRunner();
let databaseUrl: string;
let replay: JaegerReplay;
let closedUrl: string;

beforeAll(async () => {
  databaseUrl = await handle.pg.createDatabase();
  // The last 4 minutes of the seeded phases: the same requests go to the collector and to the Jaeger stand-in.
  const phases = seedPhases(SEED)
    .map((phase) => ({ ...phase, fromMs: Math.max(phase.fromMs, END - 4 * MINUTE) }))
    .filter((phase) => phase.fromMs < phase.toMs);
  await withNodeTimers(async () => {
    const collector = await startCollector(testCollectorConfig(databaseUrl, { collectorId: 'bottleneck-seed' }), {
      processMetrics: false,
      log: () => undefined,
    });
    try {
      await sendShopTraffic(collector.url, phases, DEFAULT_SEED);
    } finally {
      await collector.stop();
    }
    replay = await startJaegerReplay({ traces: [], extraTraces: seedShopTraces(SEED, END - 4 * MINUTE, END) });
    // A port nothing listens on: Jaeger configured but unreachable.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    closedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await new Promise((resolve) => server.close(resolve));
  });
});
afterAll(async () => {
  await replay?.close();
  await runner.close();
});

function datasource(jsonData: Partial<DataflowDataSourceOptions>, jaegerBaseUrl = replay.url): DataflowDataSource {
  return new DataflowDataSource(
    { uid: 'kompas', name: 'Kompas', type: 'kompas-dataflow-datasource', jsonData } as never,
    {
      http: createNodeHttpGet({ maxBytes: 1 << 26 }),
      jaegerBaseUrl,
      now: () => END,
      postDsQuery: createBackendSrvDsQuery(() => runnerBackendSrv(runner, () => postgresDataSource(databaseUrl))),
    }
  );
}

function runMap(ds: DataflowDataSource, fromMs = END - 2 * MINUTE, toMs = END): Promise<DataQueryResponse[]> {
  return lastValueFrom(query(ds, { streaming: false }, fromMs, toMs).pipe(toArray()));
}

function query(
  ds: DataflowDataSource,
  patch: Partial<TimescaleDataflowQuery>,
  fromMs = END - 2 * MINUTE,
  toMs = END
): Observable<DataQueryResponse> {
  const target = { ...(createDefaultQuery('timescale') as TimescaleDataflowQuery), refId: 'A', ...patch };
  return ds.query(queryRequest([target], fromMs, toMs));
}

function column(response: DataQueryResponse, field: string): unknown[] {
  const edges = response.data.find((f: DataFrame) => f.name === 'edges') as DataFrame;
  return [...(edges.fields.find((f) => f.name === field)?.values ?? [])];
}

function noticesOf(response: DataQueryResponse): string[] {
  return (response.data[0] as DataFrame).meta?.notices?.map((n) => n.text) ?? [];
}

const sum = (values: unknown[]) => values.reduce<number>((total, v) => total + Number(v), 0);
const withJaeger = {
  defaultSource: 'timescale' as const,
  postgresDatasourceUid: 'pg',
  jaegerUrl: 'http://jaeger:16686',
};

describe('Timescale mode: bottlenecks from a sample of the Jaeger traces beside it', () => {
  it('puts the shares on the Timescale edges: the same top edge as all the traces, shares sum to 1, with "was"', async () => {
    const before = replay.requests.length;
    const [response, ...more] = await runMap(datasource(withJaeger), END - 2 * MINUTE, END);
    expect(more).toHaveLength(0);
    expect(response.state).toBe(LoadingState.Done);
    const ids = column(response, 'id');
    const slowest = column(response, BOTTLENECK_FIELDS.shareSlowest).map(Number);
    // The external payment provider stays the slowest hop of the slowest requests even with payments-db locked
    // (p95 about 440 ms against 230 ms): the analysis of every trace of the range says the same.
    const all = analyzeBottlenecks(readJaegerSpans(seedShopTraces(SEED, END - 2 * MINUTE, END)));
    expect(all.edges[0].id).toBe(STRIPE);
    expect(ids[slowest.indexOf(Math.max(...slowest))]).toBe(STRIPE);
    expect(sum(column(response, BOTTLENECK_FIELDS.share))).toBeCloseTo(1, 6);
    expect(sum(slowest)).toBeCloseTo(1, 6);
    expect(String(column(response, BOTTLENECK_FIELDS.explanation)[ids.indexOf(PAYMENTS_DB)])).toMatch(
      /^payments → payments-db: \d+ % of critical-path time of the slowest requests, p95 [\d.]+ m?s, was \d+ ms$/
    );
    // Bounded: the entry services only (targets of `user`), the range and the preceding window, at most 500 each.
    const searches = replay.requests.slice(before).filter((r) => r.path === '/api/traces');
    const entries = ids.filter((id) => String(id).startsWith('user->')).map((id) => String(id).split(/->|#/)[1]);
    expect(new Set(searches.map((r) => r.query.service[0]))).toEqual(new Set(entries));
    expect(sum(searches.map((r) => Number(r.query.limit[0])))).toBeLessThanOrEqual(2 * 500);
  });

  it("attributes the incident: payments-db holds far more of the slowest requests' time than before it", async () => {
    const share = async (fromMs: number, toMs: number) => {
      const [response] = await runMap(datasource(withJaeger), fromMs, toMs);
      return Number(column(response, BOTTLENECK_FIELDS.shareSlowest)[column(response, 'id').indexOf(PAYMENTS_DB)]);
    };
    const normal = await share(END - 4 * MINUTE, END - 2 * MINUTE);
    const incident = await share(END - 2 * MINUTE, END);
    expect(incident).toBeGreaterThan(0.2);
    expect(incident).toBeGreaterThan(5 * normal);
  });

  it("live: the stream carries one sample's shares, read beside the ticks and at most once a minute", async () => {
    const before = replay.requests.length;
    const seen: DataQueryResponse[] = [];
    let annotated = 0;
    const stream = query(datasource(withJaeger), { streaming: true, windowMs: 2 * MINUTE, cadenceMs: 1000 });
    // The clock stands still at END, so a minute never passes: every tick after the first sample reuses it.
    const response = await lastValueFrom(
      stream.pipe(
        tap((r) => seen.push(r)),
        first((r) => column(r, BOTTLENECK_FIELDS.share).length > 0 && ++annotated === 3)
      )
    );
    expect(response.state).toBe(LoadingState.Streaming);
    const ids = column(response, 'id');
    const slowest = column(response, BOTTLENECK_FIELDS.shareSlowest).map(Number);
    expect(ids[slowest.indexOf(Math.max(...slowest))]).toBe(STRIPE);
    expect(sum(slowest)).toBeCloseTo(1, 6);
    const searches = replay.requests.slice(before).filter((r) => r.path === '/api/traces');
    const entries = ids.filter((id) => String(id).startsWith('user->'));
    // One sample: each entry service searched once for the window and once for the window before it.
    expect(searches).toHaveLength(2 * entries.length);
    expect(seen.length).toBeGreaterThanOrEqual(3);
  });

  it('adds fields only: the map is the same edges and counts as without Jaeger', async () => {
    const [withShares] = await runMap(datasource(withJaeger));
    const [plain] = await runMap(datasource({ ...withJaeger, jaegerUrl: '' }));
    expect(column(withShares, 'id')).toEqual(column(plain, 'id'));
    expect(column(withShares, 'requests')).toEqual(column(plain, 'requests'));
    expect(column(plain, BOTTLENECK_FIELDS.share)).toEqual([]);
  });

  it('without a Jaeger URL: the map, and an info notice saying why there are no bottlenecks', async () => {
    const [response] = await runMap(datasource({ ...withJaeger, jaegerUrl: '' }));
    expect(response.state).toBe(LoadingState.Done);
    expect(response.errors ?? []).toEqual([]);
    expect(column(response, 'id')).toContain(PAYMENTS_DB);
    expect(noticesOf(response)).toContain(BOTTLENECKS_NEED_JAEGER);
  });

  it('with Jaeger unreachable: the map, and an info notice naming the failure (no query error)', async () => {
    const [response] = await runMap(datasource(withJaeger, closedUrl));
    expect(response.state).toBe(LoadingState.Done);
    expect(response.errors ?? []).toEqual([]);
    expect(column(response, 'id')).toContain(PAYMENTS_DB);
    expect(column(response, BOTTLENECK_FIELDS.share)).toEqual([]);
    const notice = (response.data[0] as DataFrame).meta?.notices?.find((n) => n.text.startsWith('Bottlenecks:'));
    expect(notice?.severity).toBe('info');
    expect(notice?.text).toMatch(/^Bottlenecks: not shown, the traces could not be read from Jaeger \(.+\)$/);
  });
});
