import { APIRequestContext, Page } from '@playwright/test';
import { spawnSync } from 'child_process';
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import { JaegerReplay, JaegerReplayOptions, startJaegerReplay } from '../sandbox/jaeger-replay/src';
import { loadTraceFiles } from '../sandbox/jaeger-replay/src/loadTraces';
import { demoShopTraces } from '../sandbox/jaeger-replay/src/demoTraces';
import { expect, saveScreenshot, test } from './sandboxPage';
import {
  dataState,
  DS,
  edgeCount,
  hoverEdge,
  hoverNode,
  nodeCount,
  openDashboard,
  openSettings,
  panelStatusText,
  saveAndTest,
} from './datasourcePage';
import { mapCanvas } from './panelPage';
import { setDataSourceSettings } from './sandboxSetup';

/** Services of the recorded real traces (sandbox/jaeger-replay/testdata, from the Jaeger UI's fixtures). */
const RECORDED_SERVICES = ['customers-service', 'api-gateway', 'ride-sharing-app'];
/** Edges of those recordings under servicegraph semantics (a CLIENT/SERVER pair, a database, the root). */
const RECORDED_EDGES = [
  'api-gateway->customers-service',
  'metrics-backend->metrics#database',
  'user->api-gateway#virtual_node',
  'service1->service2#messaging_system',
];
const ROOT = path.resolve(__dirname, '..');

async function searchServices(page: Page, text: string): Promise<string[]> {
  const search = page.getByTestId('kompas-dataflow-search');
  await search.fill(text);
  const list = page.getByRole('listbox', { name: 'Matching services' });
  const names = (await list.isVisible()) ? await list.getByRole('option').allTextContents() : [];
  await search.fill('');
  return names;
}

async function expectRecordedServices(page: Page): Promise<void> {
  for (const service of RECORDED_SERVICES) {
    await expect.poll(() => searchServices(page, service), { message: `${service} is on the map` }).toContain(service);
  }
}

/** The edges the `edges` CLI computes for a Jaeger JSON file: edge id (as the frames name it) → requests. */
function cliEdges(json: unknown): { nodes: number; edges: Record<string, number> } {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'jaeger-e2e-')), 'input.json');
  writeFileSync(file, JSON.stringify(json));
  const result = spawnSync(
    path.join(ROOT, 'node_modules/.bin/tsx'),
    [path.join(ROOT, 'servicegraph/src/cli/edgesCli.ts'), file],
    {
      cwd: ROOT,
      encoding: 'utf8',
    }
  );
  if (result.status !== 0) {
    throw new Error(`edges CLI: ${result.stderr}`);
  }
  const report = JSON.parse(result.stdout) as CliReport;
  return {
    nodes: report.nodes.length,
    edges: Object.fromEntries(
      report.edges.map((e) => [`${e.source}->${e.target}${e.connectionType ? `#${e.connectionType}` : ''}`, e.requests])
    ),
  };
}

interface CliReport {
  nodes: Array<{ id: string }>;
  edges: Array<{ source: string; target: string; connectionType: string; requests: number }>;
}

/**
 * Runs the panel's query through the built datasource in the page (Grafana's getDataSourceSrv, as a panel
 * does) and returns the edges frame as edge id → requests.
 */
async function queryEdges(
  page: Page,
  query: Record<string, unknown>,
  rangeMs: number
): Promise<Record<string, number>> {
  return page.evaluate(
    async ({ uid, query, rangeMs }) => {
      type Frame = { name?: string; fields: Array<{ name: string; values: unknown[] }> };
      const system = (window as unknown as { System: { import(id: string): Promise<Record<string, never>> } }).System;
      const runtime = (await system.import('@grafana/runtime')) as unknown as {
        getDataSourceSrv(): { get(uid: string): Promise<{ query(request: unknown): { subscribe(o: object): void } }> };
      };
      const data = (await system.import('@grafana/data')) as unknown as { dateTime(ms: number): unknown };
      const ds = await runtime.getDataSourceSrv().get(uid);
      const now = Date.now();
      const request = {
        targets: [{ refId: 'A', ...query }],
        range: { from: data.dateTime(now - rangeMs), to: data.dateTime(now), raw: { from: 'now-15m', to: 'now' } },
        requestId: 'e2e-edges',
        interval: '1s',
        intervalMs: 1000,
        scopedVars: {},
        timezone: 'utc',
        app: 'dashboard',
        startTime: now,
      };
      const frames = await new Promise<Frame[]>((resolve, reject) => {
        let last: Frame[] = [];
        ds.query(request).subscribe({
          next: (response: { data: Frame[] }) => (last = response.data),
          error: reject,
          complete: () => resolve(last),
        });
      });
      const edges = frames.find((frame) => frame.name === 'edges');
      const column = (name: string) => edges?.fields.find((field) => field.name === name)?.values ?? [];
      const requests = column('requests');
      return Object.fromEntries(column('id').map((id, i) => [String(id), Number(requests[i])]));
    },
    { uid: DS.jaeger, query, rangeMs }
  );
}

/** A replay server of the recordings only, shifted to end now. */
const recordingsOnly = (): JaegerReplayOptions => ({ port: 0, shiftToMs: Date.now() });

/** Points the Jaeger datasource at its own replay server for `run`. */
async function withReplay(
  request: APIRequestContext,
  options: JaegerReplayOptions,
  run: (replay: JaegerReplay) => Promise<void>
): Promise<void> {
  const replay = await startJaegerReplay(options);
  try {
    await setDataSourceSettings(request, DS.jaeger, { jaegerUrl: replay.url });
    await run(replay);
  } finally {
    await replay.close();
  }
}

test.describe('datasource: Jaeger source against the replay server', () => {
  test('traces mode maps the recorded traces with the edges and counts the edges CLI computes', async ({
    page,
    request,
    consoleErrors,
  }) => {
    // What the replay serves (one copy of each recorded trace), through the CLI.
    const expected = cliEdges({ data: loadTraceFiles() });
    expect(Object.keys(expected.edges)).toEqual(expect.arrayContaining(RECORDED_EDGES));
    await withReplay(request, recordingsOnly(), async () => {
      const query = { source: 'jaeger', queryType: 'traces', streaming: false, service: '', limit: 1000 };
      await openDashboard(page, { datasourceUid: DS.jaeger, query, time: { from: 'now-15m', to: 'now' } });
      await expect.poll(() => dataState(page), { timeout: 30_000 }).toBe('Done');
      await expect.poll(() => edgeCount(page)).toBe(Object.keys(expected.edges).length);
      expect(await nodeCount(page)).toBe(expected.nodes);
      expect(await queryEdges(page, query, 15 * 60_000)).toEqual(expected.edges);
      await expectRecordedServices(page);
      // The recorded customers-service (called by api-gateway) is a node a person can hover and read.
      await expect
        .poll(async () => (await hoverNode(page, 'customers-service'))?.rows.Requests ?? '', { timeout: 10_000 })
        .toBe(String(expected.edges['api-gateway->customers-service']));
      // The query editor's service picker is filled from the replayed /api/services.
      await page.getByTestId('kompas-query-service').fill('customers');
      await expect(page.getByRole('option', { name: 'customers-service', exact: true })).toBeVisible();
      await page.keyboard.press('Escape');
      await saveScreenshot(page, 'datasource-jaeger-traces');
    });
    expect(consoleErrors).toEqual([]);
  });

  test('dependencies mode maps the replayed dependency links as the edges CLI reads them', async ({
    page,
    request,
    consoleErrors,
  }) => {
    await withReplay(request, recordingsOnly(), async (replay) => {
      const endMs = Date.now();
      const links = await (
        await request.get(`${replay.url}/api/dependencies?endTs=${endMs}&lookback=${15 * 60_000}`)
      ).json();
      const expected = cliEdges(links);
      expect(Object.keys(expected.edges)).toEqual(expect.arrayContaining(['api-gateway->customers-service']));
      const query = { source: 'jaeger', queryType: 'dependencies', streaming: false };
      await openDashboard(page, { datasourceUid: DS.jaeger, query, time: { from: 'now-15m', to: 'now' } });
      const queryType = page.getByTestId('kompas-query-type');
      await expect(queryType.getByRole('radio', { name: 'Dependencies' })).toBeChecked();
      await expect.poll(() => edgeCount(page), { timeout: 30_000 }).toBe(Object.keys(expected.edges).length);
      expect(await nodeCount(page)).toBe(expected.nodes);
      expect(await queryEdges(page, query, 15 * 60_000)).toEqual(expected.edges);
      await expectRecordedServices(page);
      await saveScreenshot(page, 'datasource-jaeger-dependencies');

      // Switching the mode in the editor re-runs the query as traces and shows the traces' edges.
      await queryType.getByRole('radio', { name: 'Traces' }).check({ force: true });
      await expect(queryType.getByRole('radio', { name: 'Traces' })).toBeChecked();
      await expect.poll(() => dataState(page), { timeout: 30_000 }).toBe('Done');
      await expect.poll(() => edgeCount(page)).toBe(Object.keys(cliEdges({ data: loadTraceFiles() }).edges).length);
      await expectRecordedServices(page);
    });
    expect(consoleErrors).toEqual([]);
  });

  test('a one-shot bottleneck of the payments incident says what the edge was in the minute before', async ({
    page,
    request,
    consoleErrors,
  }) => {
    test.setTimeout(90_000);
    // Its own replay: a normal minute of the demo shop, then a minute of payments-db locking ending now.
    const endMs = Date.now();
    const incidentReplay: JaegerReplayOptions = {
      port: 0,
      traces: [],
      extraTraces: demoShopTraces({ endMs: endMs - 60_000, durationMs: 60_000, ratePerSecond: 5 }),
      demoShop: { endMs, durationMs: 60_000, ratePerSecond: 5, incidents: ['payments-db-locking'] },
    };
    await withReplay(request, incidentReplay, async () => {
      await openDashboard(page, {
        datasourceUid: DS.jaeger,
        query: { source: 'jaeger', queryType: 'traces', streaming: false, service: 'api-gateway', limit: 1000 },
        time: { from: 'now-1m', to: 'now' },
      });
      const canvas = mapCanvas(page);
      await expect(canvas).toHaveAttribute('data-bottleneck', 'payments->payments-db#database', { timeout: 30_000 });
      let tooltip = '';
      await expect
        .poll(async () => (tooltip = (await hoverEdge(page, 'payments', 'payments-db'))?.text ?? ''))
        .toMatch(
          /Bottleneck\s*payments → payments-db: \d+ % of critical-path time of the slowest requests, p95 [\d.]+ m?s, was \d+ ms/
        );
      console.log(`one-shot Jaeger bottleneck tooltip: ${tooltip}`);
      await saveScreenshot(page, 'datasource-jaeger-bottleneck-was');
      expect(consoleErrors).toEqual([]);
    });
  });

  test('Save & test on a v1-only Jaeger names the v1 API and logs no console error', async ({
    page,
    consoleErrors,
  }) => {
    await openDashboard(page, {
      datasourceUid: DS.jaeger,
      query: { source: 'jaeger', queryType: 'dependencies', streaming: false },
    });
    await openSettings(page);
    expect(await saveAndTest(page)).toMatch(/Jaeger query API v1 reachable: \d+ services/);
    expect(consoleErrors).toEqual([]);
  });

  test('a response announced above the size cap fails from its Content-Length, before the body', async ({
    page,
    request,
    consoleErrors,
  }) => {
    // The replay announces 64 MB and then stalls: only a check of the header ends this query.
    const settings = {
      maxResponseBytes: 1024 * 1024,
      jaegerUrl: `${process.env.KOMPAS_JAEGER_URL}/fault/huge-declared`,
    };
    await setDataSourceSettings(request, DS.jaeger, settings);
    await openDashboard(page, {
      datasourceUid: DS.jaeger,
      query: { source: 'jaeger', queryType: 'traces', streaming: false, service: 'api-gateway' },
    });
    await expect.poll(() => dataState(page), { timeout: 20_000 }).toBe('Error');
    expect(await panelStatusText(page)).toMatch(
      /Jaeger response is larger than 1\.0 MB \(at least 64\.0 MB\): narrow the time range/
    );
    expect(consoleErrors.filter((e) => e.startsWith('page error'))).toEqual([]);
  });
});
