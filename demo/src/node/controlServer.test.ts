/**
 * @jest-environment node
 */
import { readLoadgenConfig } from './loadgenConfig';
import { createLoadgen } from './loadgenRunner';
import { parseSwitchBody, startControlServer, type ControlServer } from './controlServer';
import { createOtlpSender } from './otlpSender';

const T0 = Date.UTC(2026, 0, 15, 12);

describe('control server', () => {
  let control: ControlServer;
  const config = readLoadgenConfig({});
  // Never ticked, so the sender is never used.
  const loadgen = createLoadgen(config, {
    now: () => T0,
    sender: createOtlpSender({ endpoint: 'http://127.0.0.1:9/', format: 'json' }),
  });

  beforeAll(async () => {
    control = await startControlServer(loadgen, 0, '127.0.0.1', () => T0 + 1000);
  });
  afterAll(() => control.close());

  async function call(method: string, path: string, body?: string) {
    const response = await fetch(`${control.url}${path}`, { method, body });
    return { status: response.status, json: await response.json() };
  }

  it('lists incidents with labels and switches them live from the moment of the call', async () => {
    const listed = await call('GET', '/incidents');
    expect(listed.status).toBe(200);
    expect(listed.json.incidents.map((i: { name: string; active: boolean }) => [i.name, i.active])).toEqual([
      ['payments-db-locking', false],
      ['inventory-errors', false],
      ['kafka-consumer-lag', false],
    ]);
    const on = await call('POST', '/incidents/payments-db-locking', 'on');
    expect(on).toEqual({
      status: 200,
      json: expect.objectContaining({ name: 'payments-db-locking', label: 'Payments DB locking', active: true }),
    });
    expect(loadgen.shop.activeIncidents(T0)).toEqual([]);
    expect(loadgen.shop.activeIncidents(T0 + 1000)).toEqual(['payments-db-locking']);
    expect((await call('PUT', '/incidents/inventory-errors', '{"active": true}')).json.active).toBe(true);
    expect((await call('DELETE', '/incidents/inventory-errors')).json.active).toBe(false);
    expect((await call('POST', '/incidents/payments-db-locking/', 'off')).json.active).toBe(false);
  });

  it('answers bad requests with specific errors', async () => {
    expect(await call('POST', '/incidents/fire', 'on')).toEqual({
      status: 404,
      json: { error: 'unknown incident "fire"; known: payments-db-locking, inventory-errors, kafka-consumer-lag' },
    });
    expect(await call('POST', '/incidents/inventory-errors', 'maybe')).toEqual({
      status: 400,
      json: { error: 'body must be on, off, true, false or {"active": true|false}' },
    });
    expect((await call('GET', '/nope')).status).toBe(404);
    expect((await call('POST', '/incidents/inventory-errors', 'x'.repeat(5000))).status).toBe(413);
  });

  it('reports stats and health', async () => {
    const stats = await call('GET', '/healthz');
    expect(stats.status).toBe(200);
    expect(stats.json).toEqual(expect.objectContaining({ status: 'ok', requests: 0, sentSpans: 0 }));
  });

  it('parses switch bodies', () => {
    expect(['', 'on', 'TRUE', '{"active":true}'].map(parseSwitchBody)).toEqual([true, true, true, true]);
    expect(['off', 'false', '{"active":false}'].map(parseSwitchBody)).toEqual([false, false, false]);
    expect(() => parseSwitchBody('{"active":"yes"}')).toThrow('body must be');
  });
});
