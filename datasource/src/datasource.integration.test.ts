import { DataFrame, DataQueryRequest, DataQueryResponse, LoadingState } from '@grafana/data';
import { lastValueFrom, take, toArray } from 'rxjs';

import { JaegerReplay, startJaegerReplay } from '../../sandbox/jaeger-replay/src/index';
import { DataflowDataSource } from './datasource';
import { createDefaultQuery } from './defaults';
import { createNodeHttpGet } from './jaeger/nodeHttpGet';
import { JAEGER_SETTLE_MS } from './jaeger/settlingTraces';
import { DataflowDataSourceOptions, DataflowQuery, DemoDataflowQuery, JaegerDataflowQuery } from './types';
import { queryRequest } from './testSupport';

const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);
let replay: JaegerReplay;

beforeAll(async () => {
  // Recorded traces moved to the minutes before NOW, 20 s apart.
  replay = await startJaegerReplay({ shiftToMs: NOW });
});
afterAll(() => replay.close());

function datasource(jsonData: Partial<DataflowDataSourceOptions> = {}, prefix = ''): DataflowDataSource {
  return new DataflowDataSource(
    {
      id: 1,
      uid: 'kompas',
      name: 'Kompas',
      type: 'kompas-dataflow-datasource',
      access: 'proxy',
      readOnly: false,
      jsonData: { defaultSource: 'jaeger', jaegerUrl: replay.url, ...jsonData },
      meta: {} as never,
    },
    {
      http: createNodeHttpGet({ maxBytes: 10 * 1024 * 1024 }),
      jaegerBaseUrl: `${replay.url}${prefix}`,
      replace: (target) => target.replace(/\$svc/g, 'api-edge'),
      now: () => NOW,
    }
  );
}

/** A datasource straight on `url`; by default each read of the clock advances it 10 s, from NOW - 5 s. */
function liveDataSource(url: string, now = steppingClock(NOW - 5000, 10_000)): DataflowDataSource {
  return new DataflowDataSource(
    { uid: 'kompas', name: 'Kompas', type: 'kompas-dataflow-datasource', jsonData: { jaegerUrl: url } } as never,
    { http: createNodeHttpGet({ maxBytes: 1 << 24 }), jaegerBaseUrl: url, replace: (t) => t, now }
  );
}

function steppingClock(startMs: number, stepMs: number): () => number {
  let clock = startMs;
  return () => (clock += stepMs);
}

function request(targets: DataflowQuery[], fromMs = NOW - 3_600_000, toMs = NOW): DataQueryRequest<DataflowQuery> {
  return queryRequest(targets, fromMs, toMs);
}

function jaegerQuery(patch: Partial<JaegerDataflowQuery>): JaegerDataflowQuery {
  return { ...(createDefaultQuery('jaeger') as JaegerDataflowQuery), ...patch };
}

async function run(ds: DataflowDataSource, targets: DataflowQuery[], fromMs?: number): Promise<DataQueryResponse[]> {
  return lastValueFrom(ds.query(request(targets, fromMs)).pipe(toArray()));
}

function column(frames: DataFrame[], frameName: string, field: string): unknown[] {
  const frame = frames.find((f) => f.name === frameName);
  return frame?.fields.find((f) => f.name === field)?.values ?? [];
}

describe('DataflowDataSource against the Jaeger replay server', () => {
  it('derives edges from traces found through a $variable service', async () => {
    const responses = await run(datasource(), [jaegerQuery({ service: '$svc' })]);
    const last = responses[responses.length - 1];
    expect(last.state).toBe(LoadingState.Done);
    expect(column(last.data, 'nodes', 'id')).toEqual(
      expect.arrayContaining(['api-edge', 'coding-agent', 'trace-store'])
    );
    expect(column(last.data, 'edges', 'id')).toEqual(
      expect.arrayContaining(['user->api-edge#virtual_node', 'coding-agent->vector-store'])
    );
  });

  it('pages a long range slice by slice, shows progress, and says when the limit truncated data', async () => {
    const responses = await run(datasource(), [jaegerQuery({ service: 'api-gateway', limit: 1 })], NOW - 6 * 3_600_000);
    expect(responses[0].state).toBe(LoadingState.Done);
    const notices = (responses[responses.length - 1].data[0] as DataFrame).meta?.notices?.map((n) => n.text) ?? [];
    expect(notices).toContain(
      'Limit of 1 traces reached: older traces in the range are not included (narrow the range, add filters or raise the limit)'
    );
  });

  it('emits Loading frames with a progress notice before the last slice', async () => {
    const responses = await run(datasource(), [jaegerQuery({ service: 'no-such-service' })], NOW - 3 * 3_600_000);
    expect(responses.map((r) => r.state)).toEqual([LoadingState.Loading, LoadingState.Loading, LoadingState.Done]);
    expect((responses[0].data[0] as DataFrame).meta?.notices?.[0].text).toBe(
      'Loading traces: 1 of 3 time slices, 0 traces so far'
    );
    expect((responses[2].data[0] as DataFrame).meta?.notices?.[0].text).toBe(
      'No traces of no-such-service in this time range'
    );
  });

  it('finds one request by its request-id attribute', async () => {
    const ds = datasource({ requestIdAttribute: 'http.route' });
    const responses = await run(ds, [
      jaegerQuery({ queryType: 'trace', traceId: '/api/graphql', service: 'api-edge' }),
    ]);
    expect(responses[0].state).toBe(LoadingState.Done);
    expect(column(responses[0].data, 'nodes', 'id')).toContain('api-edge');
  });

  it('answers a route query whose ${routeTrace} variable is unset with no frames, not an error or the whole map', async () => {
    const responses = await run(datasource(), [
      jaegerQuery({ refId: 'B', queryType: 'trace', traceId: '${routeTrace}' }),
      { ...(createDefaultQuery('demo') as DemoDataflowQuery), refId: 'C', streaming: false, traceId: '$routeTrace' },
    ]);
    expect(responses.map((r) => [r.key, r.state, r.data.length, r.errors])).toEqual([
      ['B', LoadingState.Done, 0, undefined],
      ['C', LoadingState.Done, 0, undefined],
    ]);
  });

  it('adds bottleneck attribution to the edges of a traces query', async () => {
    const responses = await run(datasource(), [jaegerQuery({ service: '$svc' })]);
    const last = responses[responses.length - 1];
    const shares = column(last.data, 'edges', 'bottleneck_share') as number[];
    expect(shares.length).toBe(column(last.data, 'edges', 'id').length);
    // Critical-path time is fully attributed: overall and for the slowest requests, shares sum to 1.
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    const slowest = column(last.data, 'edges', 'bottleneck_share_slowest') as number[];
    expect(slowest.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
  });

  it('names a request id that matches nothing', async () => {
    const responses = await run(datasource(), [
      jaegerQuery({ queryType: 'trace', traceId: 'req-42', service: 'api-edge' }),
    ]);
    expect(responses[0].errors?.[0]?.message).toBe('No trace with id or http.request_id="req-42" in this time range');
  });

  it('turns each failure into one error response for its own target, and keeps the other target', async () => {
    const responses = await run(datasource({}, '/fault/401'), [
      jaegerQuery({ refId: 'J', service: 'api-edge' }),
      { ...createDefaultQuery('demo'), refId: 'D', streaming: false },
    ]);
    const byKey = Object.fromEntries(responses.map((r) => [r.key, r]));
    expect(byKey.J.state).toBe(LoadingState.Error);
    expect(byKey.J.errors?.[0]?.message).toMatch(/^Jaeger traces of api-edge: access denied \(401 Unauthorized\)/);
    expect(byKey.D.state).toBe(LoadingState.Done);
    expect(column(byKey.D.data, 'edges', 'id').length).toBeGreaterThan(20);
  });

  it('reports health with the service count, and specific failures', async () => {
    await expect(datasource().testDatasource()).resolves.toEqual({
      status: 'success',
      message: expect.stringMatching(/^Jaeger query API v1 reachable: \d+ services$/),
    });
    await expect(datasource({}, '/fault/html').testDatasource()).resolves.toMatchObject({
      status: 'error',
      message: expect.stringContaining('HTML page instead of JSON'),
    });
    await expect(datasource({ defaultSource: 'demo' }).testDatasource()).resolves.toEqual({
      status: 'success',
      message: expect.stringMatching(
        /^Demo source ready: the web-shop simulation runs in the browser; Jaeger query API v1 reachable: \d+ services$/
      ),
    });
    await expect(datasource({ jaegerUrl: '' }).testDatasource()).resolves.toMatchObject({
      status: 'error',
      message:
        'Jaeger URL is empty: enter the Jaeger query service URL in the datasource settings, e.g. http://jaeger:16686',
    });
    const [response] = await run(datasource({ jaegerUrl: '' }), [jaegerQuery({ service: 'api-edge' })]);
    expect(response.errors?.[0]?.message).toBe(
      'Jaeger URL is empty: enter the Jaeger query service URL in the datasource settings, e.g. http://jaeger:16686'
    );
  });

  it('answers variable queries for services and operations', async () => {
    const services = await datasource().metricFindQuery('services()');
    expect(services.map((v) => v.text)).toContain('api-edge');
    const operations = await datasource().metricFindQuery('operations($svc)');
    expect(operations.map((v) => v.text)).toContain('POST /api/graphql');
    await expect(datasource().metricFindQuery('tables()')).rejects.toThrow(
      'Variable query "tables()": use services() or operations(<service>)'
    );
  });

  it('puts Explore trace links on node and edge ids', async () => {
    const responses = await run(datasource(), [jaegerQuery({ service: 'api-edge' })]);
    const frames = responses[responses.length - 1].data as DataFrame[];
    const nodeId = frames.find((f) => f.name === 'nodes')?.fields.find((f) => f.name === 'id');
    expect(nodeId?.config.links?.[0]).toMatchObject({
      title: 'Traces of ${__data.fields.id} in Explore',
      internal: {
        datasourceUid: 'kompas',
        query: { source: 'jaeger', queryType: 'traces', service: '${__data.fields.id}' },
      },
    });
  });
});

describe('Jaeger live mode against the replay server', () => {
  it('asks Jaeger for the new interval and the still-settling part of the previous one on each tick', async () => {
    // Each tick reads the clock once: 10 s steps from NOW - 5 s, so the recordings (20 s apart before NOW) arrive over the ticks.
    const ds = liveDataSource(replay.url);
    const before = replay.requests.length;
    const query = jaegerQuery({ service: 'api-gateway', streaming: true, windowMs: 600_000, cadenceMs: 10 });
    const responses = await lastValueFrom(ds.query(request([query])).pipe(take(3), toArray()));
    expect(responses.map((r) => r.state)).toEqual([
      LoadingState.Streaming,
      LoadingState.Streaming,
      LoadingState.Streaming,
    ]);
    const searches = replay.requests.slice(before).filter((r) => r.path === '/api/traces');
    const starts = searches.map((r) => Number(r.query.start[0]) / 1000);
    const ends = searches.map((r) => Number(r.query.end[0]) / 1000);
    expect(starts.slice(1)).toEqual(ends.slice(0, -1).map((end) => end - JAEGER_SETTLE_MS));
    expect(ends[0] - starts[0]).toBe(600_000);
  });

  it('searches every service each tick without service, reading the service list only once a minute', async () => {
    const ds = liveDataSource(replay.url);
    const before = replay.requests.length;
    const query = jaegerQuery({ service: '', streaming: true, windowMs: 600_000, cadenceMs: 10 });
    const responses = await lastValueFrom(ds.query(request([query])).pipe(take(3), toArray()));
    expect(responses.every((r) => r.state === LoadingState.Streaming)).toBe(true);
    const paths = replay.requests.slice(before).map((r) => r.path);
    expect(paths.filter((p) => p === '/api/services')).toHaveLength(1);
    expect(column(responses[2].data, 'nodes', 'id')).toEqual(
      expect.arrayContaining(['api-gateway', 'customers-service'])
    );
  });
});

describe('bad input at the datasource level', () => {
  it('names an empty time range instead of querying', async () => {
    const responses = await run(datasource(), [jaegerQuery({ service: 'api-edge' })], NOW);
    expect(responses[0].errors?.[0]?.message).toBe('Time range is empty: choose a range whose start is before its end');
  });

  it('rejects ad-hoc filters Jaeger cannot express', async () => {
    const req = {
      ...request([jaegerQuery({ service: 'api-edge' })]),
      filters: [{ key: 'http.status_code', operator: '>', value: '499' }],
    };
    const responses = await lastValueFrom(datasource().query(req).pipe(toArray()));
    expect(responses[0].errors?.[0]?.message).toBe(
      'Ad-hoc filter http.status_code > 499: Jaeger tag search supports "=" only'
    );
  });

  it('uses equality ad-hoc filters as tags', async () => {
    const before = replay.requests.length;
    const req = {
      ...request([jaegerQuery({ service: 'api-edge' })]),
      filters: [{ key: 'http.route', operator: '=', value: '/api/graphql' }],
    };
    await lastValueFrom(datasource().query(req).pipe(toArray()));
    const search = replay.requests.slice(before).find((r) => r.path === '/api/traces');
    expect(JSON.parse(search?.query.tags?.[0] ?? '{}')).toEqual({ 'http.route': '/api/graphql' });
  });
});

describe('route of one request', () => {
  it('adds a route frame with the hops in order and highlights the critical edges', async () => {
    const responses = await run(datasource(), [
      jaegerQuery({ queryType: 'trace', traceId: '4a1b2c3d4e5f60718293a4b5c6d7e8f9' }),
    ]);
    const frames = responses[0].data as DataFrame[];
    expect(frames.map((f) => f.name)).toEqual(['nodes', 'edges', 'route']);
    const steps = column(frames, 'route', 'step');
    expect(steps).toEqual(steps.map((_, i) => i + 1));
    expect(column(frames, 'route', 'client_service')[0]).toBe('user');
    expect(column(frames, 'edges', 'highlighted')).toContain(true);
  });
});

describe('dependencies mode', () => {
  it("maps Jaeger UI's large recorded dependency graph (1238 services, 4271 links)", async () => {
    const large = await startJaegerReplay({ traces: [], dependencies: 'jaeger-ui-dependencygraph-large.json' });
    try {
      const ds = liveDataSource(large.url, () => NOW);
      const [response] = await run(ds, [jaegerQuery({ queryType: 'dependencies', lookback: '1d' })]);
      expect(column(response.data, 'nodes', 'id')).toHaveLength(1238);
      expect(column(response.data, 'edges', 'id')).toHaveLength(4271);
      const dependencies = large.requests.find((r) => r.path === '/api/dependencies');
      expect(dependencies?.query).toEqual({ endTs: [String(NOW)], lookback: ['86400000'] });
    } finally {
      await large.close();
    }
  });

  it('names a bad lookback', async () => {
    const [response] = await run(datasource(), [jaegerQuery({ queryType: 'dependencies', lookback: 'yesterday' })]);
    expect(response.errors?.[0]?.message).toBe('Lookback: "yesterday" is not a duration (use e.g. 1h, 2d)');
  });
});

describe('traces of every service', () => {
  it('reads each service Jaeger knows when no service is chosen, counting shared traces once', async () => {
    const before = replay.requests.length;
    const responses = await run(datasource(), [jaegerQuery({ service: '' })]);
    const last = responses[responses.length - 1];
    expect(last.state).toBe(LoadingState.Done);
    expect(column(last.data, 'nodes', 'id')).toEqual(
      expect.arrayContaining(['api-edge', 'api-gateway', 'customers-service', 'service1'])
    );
    const searched = new Set(replay.requests.slice(before).flatMap((r) => r.query.service ?? []));
    expect(searched.size).toBeGreaterThan(10);
    const edges = last.data.find((f: DataFrame) => f.name === 'edges') as DataFrame;
    const requests = edges.fields.find((f) => f.name === 'requests')?.values ?? [];
    const single = await run(datasource(), [jaegerQuery({ service: 'api-gateway' })]);
    const singleEdges = single[single.length - 1].data.find((f: DataFrame) => f.name === 'edges') as DataFrame;
    const ids = edges.fields.find((f) => f.name === 'id')?.values ?? [];
    const singleIds = singleEdges.fields.find((f) => f.name === 'id')?.values ?? [];
    const singleRequests = singleEdges.fields.find((f) => f.name === 'requests')?.values ?? [];
    // An edge of api-gateway's traces has the same count whether found from one service or from all.
    const shared = singleIds[0];
    expect(requests[ids.indexOf(shared)]).toBe(singleRequests[0]);
  });
});
