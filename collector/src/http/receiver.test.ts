/**
 * @jest-environment node
 *
 * Bad input gets the OTLP status the spec asks for, and changes nothing in the database.
 */
import { request } from 'node:http';
import { gzipSync } from 'node:zlib';
import { Pool } from 'pg';
import { Reader } from 'protobufjs';
import { setupTestPostgres } from '../../../testkit/jest';
import type { CollectorConfig } from '../config';
import { startCollector, type RunningCollector } from '../service';
import { databaseEdgeTotals, postOtlp, testCollectorConfig } from '../testing/collectorHarness';

const handle = setupTestPostgres();
jest.setTimeout(60_000);

const TRACE = '5b8efff798038103d269b633813fc60c';
function span(spanId: string, parent: string, kind: number): Record<string, unknown> {
  return { traceId: TRACE, spanId, parentSpanId: parent, name: 'op', kind, startTimeUnixNano: '1700000000000000000', endTimeUnixNano: '1700000000005000000' };
}
function resource(service: string, spans: Array<Record<string, unknown>>): Record<string, unknown> {
  return { resource: { attributes: [{ key: 'service.name', value: { stringValue: service } }] }, scopeSpans: [{ spans }] };
}
const GOOD = resource('frontend', [span('eee19b7ec3c1b174', '', 3)]);
const GOOD_SERVER = resource('backend', [span('eee19b7ec3c1b175', 'eee19b7ec3c1b174', 2)]);
const BAD = resource('broken', [{ ...span('', '', 2), spanId: undefined }, span('eee19b7ec3c1b176', '', 2)]);

async function withCollector(overrides: Partial<CollectorConfig>, fn: (c: RunningCollector, pool: Pool) => Promise<void>): Promise<void> {
  const url = await handle.pg.createDatabase();
  const collector = await startCollector(testCollectorConfig(url, overrides), { processMetrics: false, log: () => undefined });
  const pool = new Pool({ connectionString: url, max: 2 });
  try {
    await fn(collector, pool);
  } finally {
    await collector.stop();
    await pool.end();
  }
}

/** Polls /metrics until the collector counts `count` requests in flight (no fixed sleeps on a busy machine). */
async function waitForInflight(baseUrl: string, count: number): Promise<void> {
  for (let attempt = 0; attempt < 500; attempt++) {
    const res = await fetch(new URL('/metrics', baseUrl));
    if ((await res.text()).includes(`kompas_collector_inflight_requests ${count}\n`)) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`the collector never had ${count} requests in flight`);
}

function decodeStatus(body: Buffer): { code: number; message: string } {
  const reader = Reader.create(body);
  const status = { code: 0, message: '' };
  while (reader.pos < reader.len) {
    const tag = reader.uint32();
    if (tag >>> 3 === 1) {
      status.code = reader.int32();
    } else if (tag >>> 3 === 2) {
      status.message = reader.string();
    } else {
      reader.skipType(tag & 7);
    }
  }
  return status;
}

describe('OTLP receiver status codes', () => {
  it('rejects malformed, oversized and unauthorised requests without storing anything', async () => {
    await withCollector({ authToken: 's3cret', maxBodyBytes: 4096, maxDecompressedBytes: 8192 }, async (collector, pool) => {
      const post = (body: Buffer | string, options = {}) => postOtlp(collector.url, body, { token: 's3cret', ...options });
      const good = JSON.stringify({ resourceSpans: [GOOD, GOOD_SERVER] });

      expect((await postOtlp(collector.url, good)).status).toBe(401);
      expect((await postOtlp(collector.url, good, { token: 'wrong' })).status).toBe(401);
      expect((await post(good, { contentType: 'text/plain' })).status).toBe(415);
      expect((await post(good, { headers: { 'Content-Encoding': 'br' } })).status).toBe(415);
      const garbage = await post('{"resourceSpans": [');
      expect(garbage.status).toBe(400);
      expect(JSON.parse(garbage.body.toString())).toEqual({ code: 3, message: expect.stringContaining('not valid JSON') });
      expect((await post('[1, 2, 3]')).status).toBe(400);
      expect((await post(JSON.stringify({ resourceSpans: 'nope' }))).status).toBe(400);
      const badProto = await post(Buffer.from([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x01]), { contentType: 'application/x-protobuf' });
      expect(badProto.status).toBe(400);
      expect(badProto.headers['content-type']).toBe('application/x-protobuf');
      expect(decodeStatus(badProto.body).message).toMatch(/not an OTLP\/protobuf/);
      expect((await post(Buffer.from('not gzip at all'), { headers: { 'Content-Encoding': 'gzip' } })).status).toBe(400);
      expect((await post(Buffer.alloc(5000, 32))).status).toBe(413);
      const bomb = await post(Buffer.alloc(100_000, 32), { gzip: true });
      expect(bomb.status).toBe(413);
      expect(JSON.parse(bomb.body.toString()).message).toMatch(/decompressed body exceeds/);
      const allBad = await post(JSON.stringify({ resourceSpans: [BAD] }));
      expect(allBad.status).toBe(400);
      expect(JSON.parse(allBad.body.toString()).message).toMatch(/resourceSpans\[0\].*spanId: missing id/);
      expect((await postOtlp(collector.url, '', { path: '/v1/metrics', token: 's3cret' })).status).toBe(404);
      expect((await postOtlp(collector.url, '', { method: 'GET', token: 's3cret' })).status).toBe(405);

      await collector.stop();
      expect(await databaseEdgeTotals(pool)).toEqual({});
      const checkpoints = await pool.query('SELECT count(*)::int AS n FROM kompas.collector_checkpoints');
      expect(checkpoints.rows[0].n).toBe(0);
    });
  });

  it('answers partial success when one resourceSpans entry is malformed, and stores the rest', async () => {
    await withCollector({}, async (collector, pool) => {
      const res = await postOtlp(collector.url, JSON.stringify({ resourceSpans: [GOOD, BAD, GOOD_SERVER] }));
      expect(res.status).toBe(200);
      const body = JSON.parse(res.body.toString());
      expect(body.partialSuccess.rejectedSpans).toBe('2');
      expect(body.partialSuccess.errorMessage).toMatch(/^resourceSpans\[1\]/);
      const gz = await postOtlp(collector.url, gzipSync(JSON.stringify({ resourceSpans: [] })), {
        headers: { 'Content-Encoding': 'gzip' },
      });
      expect(gz.status).toBe(200);
      await collector.stop();
      expect(await databaseEdgeTotals(pool)).toEqual({ 'frontend->backend': { requests: 1, failed: 0 } });
    });
  });

  it('answers 429 with Retry-After when too many requests are in flight', async () => {
    await withCollector({ maxInflightRequests: 1 }, async (collector) => {
      const url = new URL('/v1/traces', collector.url);
      // A request whose body never finishes keeps the only slot busy.
      const slow = request(url, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': 1000 } });
      slow.on('error', () => undefined);
      slow.write('{');
      await waitForInflight(collector.url, 1);
      const res = await postOtlp(collector.url, JSON.stringify({ resourceSpans: [GOOD] }));
      expect(res.status).toBe(429);
      expect(res.headers['retry-after']).toBe('2');
      slow.destroy();
      // The slot is free again: the limit admits exactly maxInflightRequests requests.
      await waitForInflight(collector.url, 0);
      expect((await postOtlp(collector.url, JSON.stringify({ resourceSpans: [GOOD] }))).status).toBe(200);
    });
  });

  it('answers 503 with Retry-After when the spool is full', async () => {
    await withCollector({ spoolMaxBytes: 1 }, async (collector) => {
      const first = await postOtlp(collector.url, JSON.stringify({ resourceSpans: [GOOD] }));
      expect(first.status).toBe(200);
      const second = await postOtlp(collector.url, JSON.stringify({ resourceSpans: [GOOD_SERVER] }));
      expect(second.status).toBe(503);
      expect(second.headers['retry-after']).toBe('2');
      expect(JSON.parse(second.body.toString()).message).toMatch(/spool is full/);
    });
  });
});
