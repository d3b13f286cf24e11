/*
 * Demo stream latency: the datasource's demo source streaming the seeded shop with real timers.
 * - datasource.demo.event_to_frame_ms: time from the end of a tick's interval (requests starting up to
 *   then are in the frame) to the frame being emitted, median and p95 over the ticks. The worst case a
 *   request waits is cadence + this.
 * - datasource.demo.incident_first_frame_ms: from subscribing a query with the payments incident on
 *   (what switching it in the editor does) to its first frame, and the payments -> payments-db p95 in
 *   that frame relative to the same query without the incident.
 * Usage: npm run bench -- datasource [--smoke]
 */
import { Subscription, of } from 'rxjs';

import type { DemoDataflowQuery } from '../datasource/src/types';
import type { Graph } from '../datasource/src/graph/servicegraph';
import type { BenchResult } from './benchResult';

/** @grafana/data needs a DOM when it loads (as in the browser); the datasource modules load after this. */
async function loadDatasourceModules() {
  const { JSDOM } = await import('jsdom');
  const dom = new JSDOM('<!doctype html><html><body></body></html>', { url: 'http://localhost/' });
  const global = globalThis as unknown as Record<string, unknown>;
  for (const key of ['window', 'document', 'navigator', 'HTMLElement', 'localStorage', 'matchMedia']) {
    global[key] ??= (dom.window as unknown as Record<string, unknown>)[key];
  }
  const [demo, defaults, graph, streaming] = await Promise.all([
    import('../datasource/src/demo/demoSource'),
    import('../datasource/src/defaults'),
    import('../datasource/src/graph/servicegraph'),
    import('../datasource/src/streaming/streamGraph'),
  ]);
  return { ...demo, ...defaults, ...graph, ...streaming };
}
type Modules = Awaited<ReturnType<typeof loadDatasourceModules>>;

const CADENCE_MS = 1000;
const WINDOW_MS = 5 * 60_000;
const EDGE = 'payments->payments-db#database';

function percentile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** Subscribes a demo stream and resolves after `ticks` frames with their latencies and graphs. */
function runStream(
  m: Modules,
  query: DemoDataflowQuery,
  ticks: number
): Promise<{ latencies: number[]; graphs: Graph[]; firstFrameMs: number }> {
  const observe = m.createDemoObserver(query);
  const intervalEnds: number[] = [];
  const latencies: number[] = [];
  const graphs: Graph[] = [];
  const subscribedAt = performance.now();
  let firstFrameMs = 0;
  return new Promise((resolve) => {
    let subscription: Subscription | undefined = undefined;
    subscription = m
      .streamGraph({
        refId: 'A',
        windowMs: WINDOW_MS,
        cadenceMs: CADENCE_MS,
        backfillChunkMs: m.DEMO_BACKFILL_CHUNK_MS,
        fetchInterval: (fromMs, toMs) => {
          intervalEnds.push(toMs);
          return of(observe(fromMs, toMs));
        },
        toFrames: (graph) => {
          graphs.push(graph);
          return m.toNodeGraphFrames(graph);
        },
      })
      .subscribe(() => {
        const now = Date.now();
        if (graphs.length === 1) {
          firstFrameMs = performance.now() - subscribedAt;
        }
        // Ticks with backfill fetch twice; the newest interval end is the largest.
        latencies.push(now - Math.max(...intervalEnds.splice(0)));
        if (graphs.length >= ticks) {
          subscription?.unsubscribe();
          resolve({ latencies, graphs, firstFrameMs });
        }
      });
  });
}

function edgeP95(graph: Graph): number {
  return graph.edges.find((e) => e.id === EDGE)?.p95Ms ?? Number.NaN;
}

export async function run(opts: { smoke?: boolean } = {}): Promise<BenchResult[]> {
  const m = await loadDatasourceModules();
  const ticks = opts.smoke ? 3 : 40;
  const base = { ...(m.createDefaultQuery('demo') as DemoDataflowQuery), windowMs: WINDOW_MS, cadenceMs: CADENCE_MS };
  const steady = await runStream(m, base, ticks);
  const latencies = steady.latencies.slice(1);
  const normal = await runStream(m, base, 1);
  const incident = await runStream(m, { ...base, incidents: { 'payments-db-locking': true } }, 1);
  return [
    { name: 'datasource.demo.event_to_frame_ms.p50', value: percentile(latencies, 0.5), unit: 'ms' },
    { name: 'datasource.demo.event_to_frame_ms.p95', value: percentile(latencies, 0.95), unit: 'ms' },
    { name: 'datasource.demo.incident_first_frame_ms', value: incident.firstFrameMs, unit: 'ms' },
    {
      name: 'datasource.demo.incident_edge_p95_ratio',
      value: edgeP95(incident.graphs[0]) / edgeP95(normal.graphs[0]),
      unit: 'x',
      baseline: edgeP95(normal.graphs[0]),
      ratio: edgeP95(incident.graphs[0]) / edgeP95(normal.graphs[0]),
    },
  ];
}
