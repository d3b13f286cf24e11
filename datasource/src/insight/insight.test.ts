import { DataFrame, DataQueryResponse } from '@grafana/data';
import { firstValueFrom } from 'rxjs';

import { createShop } from '../../../demo/src/index';
import { analyzeBottlenecks, createBucketedAggregator, spansToObservations, toNodeGraphFrames } from '../graph/servicegraph';
import { observationsToGraph } from '../graph/tracesToGraph';
import { runDemoRoute } from '../demo/demoRoute';
import { runDemoQuery } from '../demo/demoSource';
import { DEFAULT_DEMO_QUERY } from '../defaults';
import { ANOMALY_WINDOW_MS, createAnomalyWindows } from './anomalyWindows';
import { addBottleneckFields, baselineOf } from './bottleneckFields';
import { createBottleneckTracker } from './bottleneckTracker';
import { aggregatorSteps, timelineToFrame } from './timelineFrame';

const START = Date.UTC(2026, 10, 23, 9, 0, 0);
const PAYMENTS_DB = 'payments->payments-db#database';

function column(frame: DataFrame | undefined, name: string): unknown[] {
  return frame?.fields.find((f) => f.name === name)?.values ?? [];
}

function edgesFrame(frames: DataFrame[]): DataFrame {
  return frames.find((f) => f.name === 'edges')!;
}

describe('bottleneck fields', () => {
  it('name the locked payments database as the top bottleneck of the slowest requests, with its baseline', () => {
    const normal = createShop({ seed: 3, ratePerSecond: 30, diurnal: false }).spansBetween(START, START + 30_000);
    const shop = createShop({ seed: 3, ratePerSecond: 30, diurnal: false, incidents: ['payments-db-locking'] });
    const spans = shop.spansBetween(START + 30_000, START + 60_000);
    const graph = observationsToGraph(spansToObservations(spans), START + 30_000, START + 60_000);
    const frames = addBottleneckFields(toNodeGraphFrames(graph), analyzeBottlenecks(spans), baselineOf(analyzeBottlenecks(normal)));
    const edges = edgesFrame(frames);
    const ids = column(edges, 'id') as string[];
    const slowest = column(edges, 'bottleneck_share_slowest') as number[];
    const top = ids[slowest.indexOf(Math.max(...slowest))];
    expect(top).toBe(PAYMENTS_DB);
    const text = String(column(edges, 'bottleneck')[ids.indexOf(PAYMENTS_DB)]);
    expect(text).toMatch(/^payments → payments-db: \d+ % of critical-path time of the slowest requests, p95 .+, was .+ms$/);
    expect(frames.find((f) => f.name === 'nodes')!.fields.some((f) => f.name === 'bottleneck')).toBe(false);
  });

  it('a live tracker analyses its recent spans and leaves frames alone before it has any', () => {
    const tracker = createBottleneckTracker(30_000, 5_000);
    const frames = toNodeGraphFrames({ nodes: [], edges: [] });
    expect(tracker.decorate(frames, START)).toBe(frames);
    const shop = createShop({ seed: 3, ratePerSecond: 30, diurnal: false, incidents: ['payments-db-locking'] });
    tracker.add(shop.spansBetween(START, START + 10_000));
    const graph = observationsToGraph(spansToObservations(shop.spansBetween(START, START + 10_000)), START, START + 10_000);
    const decorated = edgesFrame(tracker.decorate(toNodeGraphFrames(graph), START + 10_000));
    expect(column(decorated, 'bottleneck_share').length).toBe(graph.edges.length);
  });
});

describe('anomaly windows', () => {
  const incidentAt = START + 300_000;

  function flagsOnPaymentsDb(incident: boolean): string | undefined {
    const shop = createShop({ seed: 5, ratePerSecond: 30, diurnal: false });
    if (incident) {
      shop.setIncident('payments-db-locking', true, incidentAt);
    }
    const aggregator = createBucketedAggregator({ bucketMs: 5000 });
    spansToObservations(shop.spansBetween(START, incidentAt + 60_000)).forEach((o) => aggregator.add(o));
    const windows = createAnomalyWindows(undefined, 5000);
    windows.observe(aggregator, START, incidentAt + 60_000);
    const graph = windows.apply(aggregator.graph(incidentAt + 60_000 - ANOMALY_WINDOW_MS, incidentAt + 60_000));
    return graph.edges.find((e) => e.id === PAYMENTS_DB)?.anomaly;
  }

  it('flags the payments database a minute after its incident starts, with the reason', () => {
    expect(flagsOnPaymentsDb(true)).toMatch(/p95 .* the usual/);
  });

  it('does not flag it on normal traffic', () => {
    expect(flagsOnPaymentsDb(false)).toBeUndefined();
  });
});

describe('timeline frame', () => {
  it('has one row per step and edge with traffic, in long format without source/target fields', () => {
    const aggregator = createBucketedAggregator({ bucketMs: 5000 });
    const shop = createShop({ seed: 7, ratePerSecond: 10, diurnal: false });
    spansToObservations(shop.spansBetween(START, START + 30_000)).forEach((o) => aggregator.add(o));
    const steps = aggregatorSteps(aggregator, START, START + 30_000, 10_000);
    expect(steps.map((s) => s.timeMs - START)).toEqual([0, 10_000, 20_000]);
    const frame = timelineToFrame(steps, 'A');
    expect(frame.name).toBe('timeline');
    expect(frame.fields.map((f) => f.name)).toEqual([
      'time', 'edge_id', 'client_service', 'server_service', 'connection_type', 'requests', 'failed', 'p50', 'p95', 'p99', 'lag_p95',
    ]);
    const rows = steps.reduce((n, s) => n + s.graph.edges.filter((e) => e.requests > 0).length, 0);
    expect(frame.length).toBe(rows);
    expect((column(frame, 'requests') as number[]).every((r) => r > 0)).toBe(true);
  });
});

describe('demo insight queries', () => {
  it('a one-shot query with Timeline (replay) returns the map with bottlenecks and a timeline frame', async () => {
    const query = { ...DEFAULT_DEMO_QUERY, refId: 'A', streaming: false, timeline: true, rate: 0.3 };
    const response: DataQueryResponse = await firstValueFrom(
      runDemoQuery(query, { refId: 'A', fromMs: START, toMs: START + 120_000, toFrames: (g) => toNodeGraphFrames(g) })
    );
    const names = response.data.map((f: DataFrame) => f.name);
    expect(names).toEqual(['nodes', 'edges', 'timeline']);
    expect(edgesFrame(response.data).fields.some((f) => f.name === 'bottleneck_share_slowest')).toBe(true);
    expect(new Set(column(response.data[2], 'time')).size).toBe(12);
  });

  it('finds a request again by its trace id and returns its route; an unknown id is named', async () => {
    const shop = createShop({ seed: 42, ratePerSecond: 30 });
    const request = shop.requestsBetween(START + 50_000, START + 51_000)[0];
    const ctx = { refId: 'B', toMs: START + 60_000, now: () => START + 60_000, toFrames: (g: Parameters<typeof toNodeGraphFrames>[0]) => toNodeGraphFrames(g) };
    const response = await firstValueFrom(runDemoRoute(shop, request.traceId, ctx));
    const route = response.data.find((f: DataFrame) => f.name === 'route');
    expect(column(route, 'trace_id')[0]).toBe(request.traceId);
    expect(column(route, 'step')[0]).toBe(1);
    await expect(firstValueFrom(runDemoRoute(shop, 'ffffffffffffffffffffffffffffffff', ctx))).rejects.toThrow(
      'Demo: no request with trace id "ffffffffffffffffffffffffffffffff" in the last 5 minutes'
    );
  });
});
