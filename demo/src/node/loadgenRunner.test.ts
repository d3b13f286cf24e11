/**
 * @jest-environment node
 */
import { readLoadgenConfig } from './loadgenConfig';
import { createLoadgen } from './loadgenRunner';
import { startTestReceiver, type TestReceiver } from './testReceiver';

const T0 = Date.UTC(2026, 0, 15, 12);

jest.setTimeout(60_000);

describe('createLoadgen', () => {
  let receiver: TestReceiver;
  afterEach(() => receiver.close());

  function configFor(env: Record<string, string> = {}) {
    return readLoadgenConfig({
      KOMPAS_OTLP_ENDPOINT: receiver.url,
      KOMPAS_RATE: '40',
      KOMPAS_SEED: '5',
      KOMPAS_OTLP_FORMAT: 'json',
      KOMPAS_BATCH_SPANS: '700',
      ...env,
    });
  }

  it('exports exactly the spans that have ended, in batches, and the rest later', async () => {
    receiver = await startTestReceiver();
    let clock = T0;
    const loadgen = createLoadgen(configFor(), { now: () => clock });
    clock = T0 + 5000;
    await loadgen.tick();
    const all = loadgen.shop.spansBetween(T0, T0 + 5000);
    const ended = all.filter((s) => s.startMs + s.durationMs <= T0 + 5000);
    expect(ended.length).toBeGreaterThan(1000);
    expect(ended.length).toBeLessThan(all.length);
    expect(receiver.spans.map((s) => s.spanId).sort()).toEqual(ended.map((s) => s.spanId).sort());
    expect(receiver.requests.length).toBe(Math.ceil(ended.length / 700));
    expect(loadgen.stats()).toEqual(
      expect.objectContaining({
        sentSpans: ended.length,
        pendingSpans: all.length - ended.length,
        failedSpans: 0,
        cursorMs: T0 + 5000,
      })
    );
    clock = T0 + 20_000;
    await loadgen.tick();
    const sent = new Set(receiver.spans.map((s) => s.spanId));
    expect(all.every((s) => sent.has(s.spanId))).toBe(true);
    expect(sent.size).toBe(receiver.spans.length);
  });

  it('survives a 503 then OK without losing or duplicating spans', async () => {
    receiver = await startTestReceiver([{ status: 503, retryAfter: '0' }]);
    let clock = T0;
    const loadgen = createLoadgen(configFor({ KOMPAS_BATCH_SPANS: '100000' }), { now: () => clock });
    clock = T0 + 2000;
    await loadgen.tick();
    const stats = loadgen.stats();
    expect(receiver.requests.map((r) => r.status)).toEqual([503, 200]);
    expect(stats.exportRequests).toBe(2);
    expect(stats.sentSpans).toBeGreaterThan(0);
    expect(receiver.spans).toHaveLength(stats.sentSpans);
    expect(new Set(receiver.spans.map((s) => s.spanId)).size).toBe(stats.sentSpans);
  });

  it('backfills history in slices, starts with configured incidents and counts failed exports', async () => {
    receiver = await startTestReceiver([{ status: 400 }]);
    const clock = T0;
    const lines: string[] = [];
    const loadgen = createLoadgen(
      configFor({
        KOMPAS_RATE: '10',
        KOMPAS_BACKFILL_MINUTES: '1',
        KOMPAS_INCIDENTS: 'payments-db-locking',
        KOMPAS_BATCH_SPANS: '100000',
      }),
      {
        now: () => clock,
        log: (line) => lines.push(line),
      }
    );
    expect(loadgen.shop.activeIncidents()).toEqual(['payments-db-locking']);
    await loadgen.tick();
    const stats = loadgen.stats();
    expect(stats.cursorMs).toBe(T0);
    expect(stats.requests).toBeGreaterThan(10 * 60 * 0.5);
    // The first of the 10 s slices was refused (400, not retried); the other five arrived.
    expect(stats.failedSpans).toBeGreaterThan(0);
    expect(stats.sentSpans).toBe(receiver.spans.length);
    expect(stats.failedSpans + stats.sentSpans + stats.pendingSpans).toBe(stats.generatedSpans);
    expect(lines[0]).toMatch(/^export of \d+ spans failed after 1 attempts: HTTP 400/);
    const slow = receiver.spans.filter((s) => s.attributes['server.address'] === 'payments-db');
    expect(slow.length).toBeGreaterThan(0);
  });
});
