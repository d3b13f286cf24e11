/**
 * @jest-environment node
 */
import { Observable, firstValueFrom, lastValueFrom, toArray } from 'rxjs';

import { JaegerReplay, startJaegerReplay } from '../../../sandbox/jaeger-replay/src/index';
import { createFetchHttpGet } from './httpTransport';
import { JaegerClient, createJaegerClient } from './jaegerClient';
import { TraceSearch } from './jaegerUrls';

// genaiTestTrace: 57 spans over 10 services, recorded at 1770000000001000 µs.
const GENAI_TRACE_ID = '4a1b2c3d4e5f60718293a4b5c6d7e8f9';
const GENAI_START_MS = 1770000000001;

let replay: JaegerReplay;

beforeAll(async () => {
  replay = await startJaegerReplay({ dependencies: 'jaeger-ui-dependencygraph-small.json', slowMs: 60_000 });
});
afterAll(() => replay.close());

function client(
  prefix = '',
  options: { maxBytes?: number; timeoutMs?: number; headers?: Record<string, string> } = {}
): JaegerClient {
  return createJaegerClient({
    baseUrl: `${replay.url}${prefix}`,
    http: createFetchHttpGet({ maxBytes: options.maxBytes ?? 10 * 1024 * 1024, headers: options.headers }),
    timeoutMs: options.timeoutMs ?? 5000,
  });
}

/** A search of the recorded genai trace's service in its first minute (10 traces at most), with `params` changed. */
function searchGenai(params: Partial<TraceSearch>) {
  const search = {
    service: 'coding-agent',
    startMs: GENAI_START_MS - 1000,
    endMs: GENAI_START_MS + 60_000,
    limit: 10,
    ...params,
  };
  return firstValueFrom(client().searchTraces(search));
}

function errorOf(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'no error',
    (error: Error) => error.message
  );
}

describe('Jaeger client against the replay server (real HTTP)', () => {
  it('lists the services of the recorded traces', async () => {
    const services = await firstValueFrom(client().getServices());
    expect(services).toEqual(
      expect.arrayContaining(['coding-agent', 'mcp-gateway', 'api-gateway', 'customers-service'])
    );
    expect(services).toEqual([...services].sort());
  });

  it('lists the operations of one service', async () => {
    const operations = await firstValueFrom(client().getOperations('mcp-gateway'));
    expect(operations.length).toBeGreaterThan(0);
    expect(operations.every((op) => typeof op === 'string')).toBe(true);
  });

  it('finds a trace by service and time range, and not outside the range', async () => {
    const inRange = await searchGenai({});
    expect(inRange.data.map((t) => (t as { traceID: string }).traceID)).toEqual([GENAI_TRACE_ID]);
    const before = await searchGenai({ startMs: GENAI_START_MS - 120_000, endMs: GENAI_START_MS - 60_000 });
    expect(before.data).toEqual([]);
  });

  it('filters by tag and by min duration', async () => {
    const c = client();
    const range = {
      service: 'coding-agent',
      startMs: GENAI_START_MS - 1000,
      endMs: GENAI_START_MS + 600_000,
      limit: 10,
    };
    const noMatch = await firstValueFrom(c.searchTraces({ ...range, tags: 'no.such.tag=1' }));
    expect(noMatch.data).toHaveLength(0);
    const tooLong = await firstValueFrom(c.searchTraces({ ...range, minDuration: '10000s' }));
    expect(tooLong.data).toHaveLength(0);
  });

  it('encodes a hostile service name so it cannot add parameters', async () => {
    const hostile = await searchGenai({ service: 'x&service=coding-agent' });
    expect(hostile.data).toEqual([]);
    const last = replay.requests[replay.requests.length - 1];
    expect(last.query.service).toEqual(['x&service=coding-agent']);
  });

  it('fetches a trace by id and names a missing one', async () => {
    const found = await firstValueFrom(client().getTrace(GENAI_TRACE_ID));
    expect((found.data[0] as { spans: unknown[] }).spans).toHaveLength(57);
    expect(await errorOf(firstValueFrom(client().getTrace('00000000deadbeef')))).toBe(
      'Jaeger trace 00000000deadbeef: error 404: trace not found (404 Not Found)'
    );
  });

  it('reads the recorded dependency links', async () => {
    const links = await firstValueFrom(client().getDependencies(Date.now(), 3_600_000));
    expect(links).toHaveLength(7);
    expect(links.reduce((sum, l) => sum + l.callCount, 0)).toBe(290225);
  });
});

describe('Jaeger client error messages (fault modes of the replay server)', () => {
  const cases: Array<[string, string]> = [
    [
      '401',
      'Jaeger services: access denied (401 Unauthorized): check the credentials (auth mode, token, user/password) in the datasource settings',
    ],
    [
      '403',
      'Jaeger services: access denied (403 Forbidden): check the credentials (auth mode, token, user/password) in the datasource settings',
    ],
    [
      '404',
      'Jaeger services: not found (404): the URL path is wrong or it is not a Jaeger query service (use the base URL, e.g. http://jaeger:16686)',
    ],
    ['500', 'Jaeger services: error 500: replay: injected internal error (500 Internal Server Error)'],
    [
      '502',
      'Jaeger services: Grafana could not reach Jaeger (502 Bad Gateway): check the URL, DNS and network from the Grafana server',
    ],
    [
      'html',
      'Jaeger services: the URL answered with an HTML page instead of JSON, so it is not the Jaeger query API (check the URL; the API is usually on port 16686)',
    ],
    ['errors', 'Jaeger services: error 503: storage backend unavailable: no available connection'],
    ['notjaeger', 'Jaeger services: the JSON has no "data" field, so this is not the Jaeger query API v1'],
  ];
  it.each(cases)('fault %s gives one clear line', async (fault, message) => {
    expect(await errorOf(firstValueFrom(client(`/fault/${fault}`).getServices()))).toBe(message);
  });

  it.each([
    ['services', () => client('/fault/baddata').getServices(), 'Jaeger services: data is not a list (got an object)'],
    [
      'operations',
      () => client('/fault/baddata').getOperations('orders'),
      'Jaeger operations of orders: data is not a list (got an object)',
    ],
    [
      'traces',
      () => client('/fault/baddata').searchTraces({ service: 'orders', startMs: 0, endMs: 1000, limit: 1 }),
      'Jaeger traces of orders: data is not a list (got an object)',
    ],
    [
      'dependencies',
      () => client('/fault/baddata').getDependencies(1000, 1000),
      'Jaeger dependencies: data is not a list (got an object)',
    ],
    [
      'services (garbage entries)',
      () => client('/fault/badlist').getServices(),
      'Jaeger services: entry 1 of data is not a name (got an object)',
    ],
    [
      'dependencies (garbage links)',
      () => client('/fault/badlist').getDependencies(1000, 1000),
      'Jaeger dependencies: entry 2 of data is not a link {parent, child, callCount} (got 42)',
    ],
  ])('names malformed data of %s instead of answering with nothing', async (_what, request, message) => {
    expect(await errorOf(firstValueFrom(request() as Observable<unknown>))).toBe(message);
  });

  it('names truncated JSON', async () => {
    const message = await errorOf(firstValueFrom(client('/fault/truncated').getServices()));
    expect(message).toMatch(/^Jaeger services: the response is not valid JSON \(truncated or corrupt, \d+ bytes\)/);
    expect(message).not.toContain('\n');
  });

  it('refuses an enormous response at the size cap', async () => {
    const message = await errorOf(firstValueFrom(client('/fault/huge', { maxBytes: 1024 * 1024 }).getServices()));
    expect(message).toMatch(/^Jaeger services: Jaeger response is larger than 1\.0 MB/);
  });

  it('times out a Jaeger that never answers', async () => {
    const message = await errorOf(firstValueFrom(client('/fault/hang', { timeoutMs: 200 }).getServices()));
    expect(message).toBe('Jaeger services: no answer within 0 s (timeout)');
  });

  it('names a refused connection and an unknown host', async () => {
    const closed = await startJaegerReplay();
    const url = closed.url;
    await closed.close();
    const refused = createJaegerClient({ baseUrl: url, http: createFetchHttpGet({ maxBytes: 1024 }), timeoutMs: 5000 });
    expect(await errorOf(firstValueFrom(refused.getServices()))).toMatch(
      /refused the connection: is it running, and is the port right\?$/
    );
    const dns = createJaegerClient({
      baseUrl: 'http://no-such-host.invalid',
      http: createFetchHttpGet({ maxBytes: 1024 }),
      timeoutMs: 5000,
    });
    expect(await errorOf(firstValueFrom(dns.getServices()))).toBe(
      'Jaeger services: Cannot resolve the Jaeger host no-such-host.invalid (DNS lookup failed): check the URL'
    );
  });

  it('reports a bad duration before sending anything', async () => {
    const before = replay.requests.length;
    const message = await errorOf(
      lastValueFrom(
        client()
          .searchTraces({ service: 'a', minDuration: '5 parsecs', startMs: 0, endMs: 1, limit: 1 })
          .pipe(toArray())
      )
    );
    expect(message).toBe('Min duration: "5 parsecs" is not a duration (use e.g. 100ms, 1.5s, 2m)');
    expect(replay.requests.length).toBe(before);
  });
});
