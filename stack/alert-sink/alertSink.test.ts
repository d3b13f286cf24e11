/**
 * @jest-environment node
 *
 * The alert sink over real HTTP on 127.0.0.1, fed the shape of Grafana's webhook payload.
 */
import { startAlertSink, type AlertSink } from './alertSink';

const FOCUS_URL = 'http://localhost:3000/d/kompas-shop-dataflow/shop-dataflow?var-focus=payments&from=now-30m&to=now';

/** A Grafana webhook notification (fields as Grafana 12 sends them, trimmed). */
function grafanaPayload(status: 'firing' | 'resolved', message: string) {
  return {
    receiver: 'Kompas alert log',
    status,
    orgId: 1,
    title: `[${status.toUpperCase()}:1] Kompas: Edge error rate above 5 %`,
    message,
    alerts: [
      {
        status,
        labels: {
          alertname: 'Edge error rate above 5 %',
          client: 'orders',
          server: 'payments',
          grafana_folder: 'Kompas',
        },
        annotations: { summary: 'orders → payments: 17.6 % of requests fail (threshold 5 %)', focus_url: FOCUS_URL },
        dashboardURL: 'http://localhost:3000/d/kompas-shop-dataflow?orgId=1',
        panelURL: 'http://localhost:3000/d/kompas-shop-dataflow?orgId=1&viewPanel=1',
        values: { B: 17.6, C: 1 },
      },
    ],
    groupLabels: { alertname: 'Edge error rate above 5 %', server: 'payments' },
    version: '1',
  };
}

jest.setTimeout(30_000);

describe('alert sink', () => {
  let sink: AlertSink;
  const logged: string[] = [];

  beforeEach(async () => {
    logged.length = 0;
    sink = await startAlertSink({ port: 0, host: '127.0.0.1', keep: 2, log: (line) => logged.push(line) });
  });

  afterEach(async () => {
    await sink.close();
  });

  const post = (body: string) =>
    fetch(`${sink.url}/grafana`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

  it('keeps and prints a notification with the link that opens the map focused on the service', async () => {
    const message = `Firing:\norders → payments: 17.6 % of requests fail\nOpen the map focused on payments: ${FOCUS_URL}\n`;
    const response = await post(JSON.stringify(grafanaPayload('firing', message)));
    expect(response.status).toBe(200);
    expect(sink.notifications()).toEqual([expect.objectContaining({ status: 'firing', message, links: [FOCUS_URL] })]);
    expect(logged[0]).toContain(`Open the map focused on payments: ${FOCUS_URL}`);
    const page = await (await fetch(`${sink.url}/`)).text();
    expect(page).toContain('FIRING [FIRING:1] Kompas: Edge error rate above 5 %');
    expect(page).toContain(FOCUS_URL);
  });

  it('lists the link itself when the message does not contain it (a contact point without the Kompas template)', async () => {
    await post(JSON.stringify(grafanaPayload('resolved', '')));
    const page = await (await fetch(`${sink.url}/`)).text();
    expect(page).toContain(`  ${FOCUS_URL}`);
    const json = (await (await fetch(`${sink.url}/notifications`)).json()) as Array<{ status: string }>;
    expect(json.map((n) => n.status)).toEqual(['resolved']);
  });

  it('keeps the newest notifications only', async () => {
    for (const status of ['firing', 'resolved', 'firing'] as const) {
      await post(JSON.stringify(grafanaPayload(status, status)));
    }
    expect(sink.notifications().map((n) => n.message)).toEqual(['firing', 'resolved']);
  });

  it('answers bad input with a specific error and keeps nothing', async () => {
    const notJson = await post('{"alerts": [');
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toEqual({ error: 'body is not JSON' });
    const notGrafana = await post('{"text": "hello"}');
    expect(notGrafana.status).toBe(400);
    expect(((await notGrafana.json()) as { error: string }).error).toMatch(/Grafana webhook payload/);
    const tooBig = await post(JSON.stringify({ alerts: [], message: 'x'.repeat(2 * 1024 * 1024) })).catch(
      () => undefined
    );
    expect(tooBig === undefined || tooBig.status === 413).toBe(true);
    expect((await fetch(`${sink.url}/nope`)).status).toBe(404);
    expect(sink.notifications()).toEqual([]);
    expect((await fetch(`${sink.url}/healthz`)).status).toBe(200);
  });
});
