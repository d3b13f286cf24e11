import { createDataFrame, DataFrame, FieldType } from '@grafana/data';
import { toNodeGraphFrames } from '../../../servicegraph/src/frames/toNodeGraphFrames';
import { createShopGraph } from '../testdata/shopGraph';
import { createShopScene } from '../testdata/shopScene';
import { buildInsightOverlay, formatSteps, placeRoute } from './insightOverlay';
import { insightNotes } from './insightNotes';
import { splitInsightFrames } from './insightFrames';
import { matchAlerts, parseLabelList, readAlertsResponse } from './matchAlerts';
import { readEdgeInsights } from './readEdgeInsights';
import { readRoute } from './readRoute';
import { timelineToReplay } from './readTimeline';

/** A route frame shaped like datasource/graph/traceRoute's routeToFrame. */
function routeFrame(refId: string): DataFrame {
  const hops = [
    { step: 2, edge: 'frontend->checkout', s: 'frontend', t: 'checkout', ms: 120, failed: false, critical: 40 },
    { step: 1, edge: 'user->frontend#virtual_node', s: 'user', t: 'frontend', ms: 300, failed: false, critical: 60 },
    { step: 3, edge: 'checkout->payments', s: 'checkout', t: 'payments', ms: 90, failed: true, critical: 90 },
    { step: 4, edge: 'checkout->payments', s: 'checkout', t: 'payments', ms: 30, failed: false, critical: 90 },
    { step: 5, edge: 'checkout->ghost', s: 'checkout', t: 'ghost', ms: 5, failed: false, critical: 0 },
  ];
  return createDataFrame({
    name: 'route',
    refId,
    fields: [
      { name: 'step', type: FieldType.number, values: hops.map((h) => h.step) },
      { name: 'trace_id', type: FieldType.string, values: hops.map(() => 'abc123') },
      { name: 'edge_id', type: FieldType.string, values: hops.map((h) => h.edge) },
      { name: 'client_service', type: FieldType.string, values: hops.map((h) => h.s) },
      { name: 'server_service', type: FieldType.string, values: hops.map((h) => h.t) },
      { name: 'latency_ms', type: FieldType.number, values: hops.map((h) => h.ms) },
      { name: 'failed', type: FieldType.boolean, values: hops.map((h) => h.failed) },
      { name: 'critical_ms', type: FieldType.number, values: hops.map((h) => h.critical) },
    ],
  });
}

describe('splitInsightFrames', () => {
  it('keeps the live map of query A and drops the route query’s own graph', () => {
    const live = toNodeGraphFrames(createShopGraph(), { refId: 'A' });
    const shop = createShopGraph();
    const traceGraph = toNodeGraphFrames({ nodes: shop.nodes.slice(0, 2), edges: shop.edges.slice(0, 1) }, { refId: 'B' });
    const split = splitInsightFrames([...live, ...traceGraph, routeFrame('B')]);
    expect(split.route?.refId).toBe('B');
    expect(split.graph.map((f) => f.refId)).toEqual(['A', 'A']);
  });

  it('keeps the trace’s graph when the route query is the only one', () => {
    const own = toNodeGraphFrames(createShopGraph(), { refId: 'A' });
    const split = splitInsightFrames([...own, routeFrame('A')]);
    expect(split.graph).toHaveLength(2);
    expect(split.graph.some((f) => f.name === 'route')).toBe(false);
  });
});

describe('route overlay', () => {
  const route = readRoute(routeFrame('B'))!;

  it('reads hops in step order with status and critical time', () => {
    expect(route.traceId).toBe('abc123');
    expect(route.hops.map((h) => h.step)).toEqual([1, 2, 3, 4, 5]);
    expect(route.hops[2]).toMatchObject({ source: 'checkout', target: 'payments', failed: true, criticalMs: 90 });
  });

  it('puts hops on the map’s edges, groups repeated calls and counts hops off the map', () => {
    const overlay = placeRoute(createShopScene(), route);
    const payments = overlay.edges.find((e) => e.edge.id === 'checkout->payments')!;
    expect(payments.hops.map((h) => h.step)).toEqual([3, 4]);
    expect(payments).toMatchObject({ failed: true, critical: true, latencyMs: 120 });
    expect(overlay.missingHops).toBe(1);
    expect([...overlay.highlight.nodes].sort()).toEqual(['checkout', 'frontend', 'payments', 'user']);
    expect(overlay.highlight.edges.has('frontend->cart')).toBe(false);
  });

  it('numbers badges compactly', () => {
    const hop = route.hops[0];
    expect(formatSteps([hop])).toBe('1');
    expect(formatSteps([1, 4].map((step) => ({ ...hop, step })))).toBe('1,4');
    expect(formatSteps([1, 2, 3, 9].map((step) => ({ ...hop, step })))).toBe('1–9');
  });
});

describe('readEdgeInsights', () => {
  it('finds the top bottleneck and its explanation on the edges frame', () => {
    const [nodes, edges] = toNodeGraphFrames(createShopGraph());
    const ids = edges.fields.find((f) => f.name === 'id')!.values as string[];
    const withShares: DataFrame = {
      ...edges,
      fields: [
        ...edges.fields,
        { name: 'bottleneck_share', type: FieldType.number, config: {}, values: ids.map((id) => (id === 'checkout->payments' ? 0.4 : 0.05)) },
        { name: 'bottleneck_share_slowest', type: FieldType.number, config: {}, values: ids.map((id) => (id === 'checkout->payments' ? 0.71 : 0.02)) },
        { name: 'bottleneck', type: FieldType.string, config: {}, values: ids.map((id) => (id === 'checkout->payments' ? 'checkout → payments: 71 %' : '')) },
      ],
    };
    const insights = readEdgeInsights([nodes, withShares]);
    expect(insights.topBottleneckId).toBe('checkout->payments');
    expect(insights.bottlenecks.get('checkout->payments')?.explanation).toContain('71 %');
    expect(insights.bottlenecks.has('frontend->cart')).toBe(false);
    expect(readEdgeInsights([nodes, edges]).topBottleneckId).toBeUndefined();
  });
});

describe('timelineToReplay', () => {
  const t0 = Date.UTC(2026, 10, 23, 10, 0, 0);
  const rows = [
    [t0, 'checkout', 'payments', 100, 0, 80],
    [t0, 'frontend', 'checkout', 100, 0, 40],
    [t0 + 10_000, 'checkout', 'payments', 100, 30, 2300],
    [t0 + 20_000, 'frontend', 'checkout', 50, 0, 45],
  ] as const;
  const frame = createDataFrame({
    name: 'timeline',
    fields: [
      { name: 'time', type: FieldType.time, values: rows.map((r) => r[0]) },
      { name: 'client_service', type: FieldType.string, values: rows.map((r) => r[1]) },
      { name: 'server_service', type: FieldType.string, values: rows.map((r) => r[2]) },
      { name: 'connection_type', type: FieldType.string, values: rows.map(() => '') },
      { name: 'requests', type: FieldType.number, values: rows.map((r) => r[3]) },
      { name: 'failed', type: FieldType.number, values: rows.map((r) => r[4]) },
      { name: 'p95', type: FieldType.number, values: rows.map((r) => r[5]) },
    ],
  });

  it('gives one step per bucket with the same ids in every step (the layout stays put)', () => {
    const frames = timelineToReplay(frame, createShopGraph());
    expect(frames.map((f) => f.timeMs)).toEqual([t0, t0 + 10_000, t0 + 20_000]);
    const ids = frames.map((f) => f.graph.edges.map((e) => e.id).join());
    expect(new Set(ids).size).toBe(1);
    expect(frames.map((f) => f.graph.nodes.map((n) => n.id).join())).toEqual(Array(3).fill('checkout,frontend,payments'));
  });

  it('shows the incident unfolding: the payments edge fails and slows in the second step only', () => {
    const [first, second, third] = timelineToReplay(frame, createShopGraph()).map((f) => f.graph.edges.find((e) => e.id === 'checkout->payments')!);
    expect(first).toMatchObject({ errorRate: 0, p95Ms: 80, rate: 10 });
    expect(second).toMatchObject({ errorRate: 0.3, p95Ms: 2300 });
    expect(third.requests).toBe(0);
    expect(timelineToReplay(undefined, createShopGraph())).toEqual([]);
  });

  it('reads the consumer lag of messaging edges when the timeline carries it', () => {
    const withLag = createDataFrame({
      name: 'timeline',
      fields: [
        { name: 'time', type: FieldType.time, values: [t0, t0] },
        { name: 'client_service', type: FieldType.string, values: ['orders', 'checkout'] },
        { name: 'server_service', type: FieldType.string, values: ['shipping', 'payments'] },
        { name: 'connection_type', type: FieldType.string, values: ['messaging_system', ''] },
        { name: 'requests', type: FieldType.number, values: [20, 100] },
        { name: 'lag_p95', type: FieldType.number, values: [47_000, Number.NaN] },
      ],
    });
    const edges = timelineToReplay(withLag, createShopGraph())[0].graph.edges;
    expect(edges.find((e) => e.id === 'orders->shipping#messaging_system')?.lagP95Ms).toBe(47_000);
    expect(edges.find((e) => e.id === 'checkout->payments')?.lagP95Ms).toBeUndefined();
  });

  it('takes node kinds and groups from the live graph', () => {
    const payments = timelineToReplay(frame, createShopGraph())[0].graph.nodes.find((n) => n.id === 'payments')!;
    expect(payments).toMatchObject({ kind: 'service', group: 'pay', requests: 100 });
  });
});

describe('alerts', () => {
  const body = {
    status: 'success',
    data: {
      alerts: [
        { labels: { alertname: 'Edge p95', client: 'checkout', server: 'payments', __alert_rule_uid__: 'r1' }, state: 'firing', annotations: { summary: 'slow' } },
        { labels: { alertname: 'Errors', service: 'payments' }, state: 'firing', generatorURL: 'http://g/alerting/x' },
        { labels: { alertname: 'Quiet', service: 'cart' }, state: 'pending' },
        { labels: { alertname: 'Elsewhere', service: 'nowhere' }, state: 'firing' },
      ],
    },
  };

  it('reads Grafana’s response and names a wrong shape', () => {
    expect(readAlertsResponse(body)).toHaveLength(4);
    expect(() => readAlertsResponse({ status: 'error' })).toThrow('expected {status, data: {alerts');
  });

  it('puts firing alerts on the edge their client/server labels name, else on the node', () => {
    const matches = matchAlerts(readAlertsResponse(body), createShopGraph(), parseLabelList('server, service'));
    expect(matches.edges.get('checkout->payments')).toEqual([{ name: 'Edge p95', href: '/alerting/grafana/r1/view', summary: 'slow' }]);
    expect(matches.nodes.get('payments')).toEqual([{ name: 'Errors', href: 'http://g/alerting/x', summary: undefined }]);
    expect(matches.nodes.has('cart')).toBe(false);
    expect(matches.nodes.size).toBe(1);
  });

  it('counts badges per element for drawing', () => {
    const scene = createShopScene();
    const matches = matchAlerts(readAlertsResponse(body), createShopGraph(), ['service']);
    const overlay = buildInsightOverlay(scene, undefined, { bottlenecks: new Map() }, matches);
    expect(overlay.alertCounts.nodes.get('payments')).toBe(1);
    expect(overlay.alertCounts.edges.get('checkout->payments')).toBe(1);
  });
});

describe('insightNotes', () => {
  it('shows the consumer lag of a messaging edge, and its anomaly reason, in the tooltip', () => {
    const scene = createShopScene();
    const kafka = scene.edges.find((e) => e.stats.connectionType === 'messaging_system')!;
    kafka.stats = { ...kafka.stats, lagP95Ms: 47_000, anomaly: 'consumer lag p95 47 s, usually 40 ms' };
    const notes = insightNotes({ kind: 'edge', edge: kafka }, { insights: { bottlenecks: new Map() } });
    expect(notes).toEqual([
      ['Consumer lag p95', '47 s'],
      ['Anomaly', 'consumer lag p95 47 s, usually 40 ms'],
    ]);
    const request = scene.edges.find((e) => e.stats.connectionType === '')!;
    expect(insightNotes({ kind: 'edge', edge: request }, { insights: { bottlenecks: new Map() } })).toEqual([]);
  });
});
