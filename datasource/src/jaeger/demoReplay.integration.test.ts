/**
 * @jest-environment node
 */
import { firstValueFrom } from 'rxjs';

import { JaegerReplay, startJaegerReplay } from '../../../sandbox/jaeger-replay/src/index';
import { jaegerTracesToObservations } from '../graph/tracesToGraph';
import { createFetchHttpGet } from './httpTransport';
import { createJaegerClient } from './jaegerClient';

const END_MS = Date.UTC(2026, 10, 23, 12, 0, 0);
let replay: JaegerReplay;

beforeAll(async () => {
  replay = await startJaegerReplay({ traces: [], demoShop: { endMs: END_MS, durationMs: 20_000, ratePerSecond: 2 } });
});
afterAll(() => replay.close());

const client = () =>
  createJaegerClient({ baseUrl: replay.url, http: createFetchHttpGet({ maxBytes: 50 << 20 }), timeoutMs: 10_000 });
type Trace = { traceID: string; spans: Array<{ tags: Array<{ key: string; value: unknown }> }> };

describe('jaeger-replay serving the demo shop', () => {
  it('serves the shop traces with servicegraph edges down to the payments database', async () => {
    const found = await firstValueFrom(
      client().searchTraces({ service: 'api-gateway', startMs: END_MS - 20_000, endMs: END_MS, limit: 1000 })
    );
    expect(found.data.length).toBeGreaterThan(10);
    const edges = new Set(jaegerTracesToObservations(found.data).map((o) => `${o.clientService}->${o.serverService}`));
    expect(edges).toContain('payments->payments-db');
  });

  it('finds exactly one request by its http.request_id tag', async () => {
    const all = await firstValueFrom(
      client().searchTraces({ service: 'api-gateway', startMs: END_MS - 20_000, endMs: END_MS, limit: 5 })
    );
    const trace = all.data[0] as Trace;
    const requestId = trace.spans.flatMap((s) => s.tags).find((t) => t.key === 'http.request_id')?.value;
    expect(typeof requestId).toBe('string');
    const one = await firstValueFrom(
      client().searchTraces({
        service: 'api-gateway',
        extraTags: { 'http.request_id': String(requestId) },
        startMs: END_MS - 20_000,
        endMs: END_MS,
        limit: 20,
      })
    );
    expect(one.data.map((t) => (t as Trace).traceID)).toEqual([trace.traceID]);
  });

  it('honours the limit and returns the newest traces first', async () => {
    const found = await firstValueFrom(
      client().searchTraces({ service: 'api-gateway', startMs: END_MS - 20_000, endMs: END_MS, limit: 3 })
    );
    expect(found.data).toHaveLength(3);
    const starts = found.data.map((t) =>
      Math.min(...(t as { spans: Array<{ startTime: number }> }).spans.map((s) => s.startTime))
    );
    expect(starts).toEqual([...starts].sort((a, b) => b - a));
  });
});
