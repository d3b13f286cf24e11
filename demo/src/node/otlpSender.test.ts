/**
 * @jest-environment node
 */
import { createShop } from '../shop';
import { createOtlpSender, parseRetryAfter } from './otlpSender';
import { startTestReceiver, type TestReceiver } from './testReceiver';

const NOON = Date.UTC(2026, 0, 15, 12);
const spans = createShop({ seed: 3 }).spansBetween(NOON, NOON + 1000);

describe('createOtlpSender', () => {
  let receiver: TestReceiver | undefined;
  afterEach(async () => {
    await receiver?.close();
    receiver = undefined;
  });

  it.each(['json', 'protobuf'] as const)('delivers spans as OTLP/%s that servicegraph reads back', async (format) => {
    receiver = await startTestReceiver();
    const result = await createOtlpSender({ endpoint: receiver.url, format }).send(spans);
    expect(result).toEqual({ ok: true, attempts: 1, status: 200 });
    expect(receiver.requests[0].contentType).toBe(format === 'json' ? 'application/json' : 'application/x-protobuf');
    expect(receiver.spans).toHaveLength(spans.length);
    const sent = new Map(spans.map((s) => [s.spanId, s]));
    for (const got of receiver.spans) {
      const original = sent.get(got.spanId)!;
      expect([got.traceId, got.parentSpanId, got.service, got.kind, got.error]).toEqual([
        original.traceId,
        original.parentSpanId,
        original.service,
        original.kind,
        original.error,
      ]);
      expect(got.startMs).toBeCloseTo(original.startMs, 2);
      expect(got.attributes['http.request_id']).toBe(original.attributes['http.request_id']);
      expect(got.resource?.['service.namespace']).toBe(original.resource?.['service.namespace']);
    }
  });

  it('retries a 503 after the Retry-After delay, then succeeds', async () => {
    receiver = await startTestReceiver([{ status: 503, retryAfter: '2' }]);
    const delays: number[] = [];
    const sender = createOtlpSender({
      endpoint: receiver.url,
      format: 'json',
      sleep: async (ms) => void delays.push(ms),
    });
    const result = await sender.send(spans);
    expect(result).toEqual({ ok: true, attempts: 2, status: 200 });
    expect(delays).toEqual([2000]);
    expect(receiver.spans).toHaveLength(spans.length);
    expect(receiver.requests.map((r) => r.status)).toEqual([503, 200]);
  });

  it('backs off exponentially on 429 without Retry-After and gives up after maxRetries', async () => {
    receiver = await startTestReceiver([{ status: 429 }, { status: 429 }, { status: 429 }]);
    const delays: number[] = [];
    const sender = createOtlpSender({
      endpoint: receiver.url,
      format: 'json',
      maxRetries: 2,
      baseDelayMs: 100,
      sleep: async (ms) => void delays.push(ms),
    });
    const result = await sender.send(spans);
    expect(result.ok).toBe(false);
    expect(result.attempts).toBe(3);
    expect(result.error).toMatch(/^HTTP 429/);
    expect(delays).toHaveLength(2);
    expect(delays[0]).toBeGreaterThanOrEqual(50);
    expect(delays[0]).toBeLessThanOrEqual(100);
    expect(delays[1]).toBeGreaterThanOrEqual(100);
    expect(delays[1]).toBeLessThanOrEqual(200);
  });

  it('does not retry a 400 and reports it', async () => {
    receiver = await startTestReceiver([{ status: 400 }]);
    const result = await createOtlpSender({
      endpoint: receiver.url,
      format: 'json',
      sleep: async () => undefined,
    }).send(spans);
    expect(result).toEqual({ ok: false, attempts: 1, status: 400, error: 'HTTP 400: busy' });
  });

  it('reports an unreachable endpoint after retrying', async () => {
    receiver = await startTestReceiver();
    const url = receiver.url;
    await receiver.close();
    receiver = undefined;
    const result = await createOtlpSender({
      endpoint: url,
      format: 'json',
      maxRetries: 1,
      sleep: async () => undefined,
    }).send(spans);
    expect(result.ok).toBe(false);
    expect(result.attempts).toBe(2);
    expect(result.error).toContain(`cannot reach ${url}`);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates and ignores junk', () => {
    const now = Date.UTC(2026, 0, 1);
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter(new Date(now + 5000).toUTCString(), now)).toBe(5000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
