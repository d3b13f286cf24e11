import {
  DataFrameView,
  FieldColorModeId,
  FieldType,
  isDataFrame,
  NodeGraphDataFrameFieldNames as F,
  type DataFrame,
} from '@grafana/data';

import { shopGraph } from './testGraphs';
import { toNodeGraphFrames } from './toNodeGraphFrames';

function byName(frame: DataFrame, name: string) {
  const field = frame.fields.find((f) => f.name === name);
  if (!field) {
    throw new Error(`no field ${name} in frame ${frame.name}`);
  }
  return field;
}

describe('toNodeGraphFrames', () => {
  const [nodes, edges] = toNodeGraphFrames(shopGraph(), { refId: 'A', highlightedEdgeIds: ['frontend->orders'] });

  it('emits a nodes and an edges frame for the Node Graph visualisation', () => {
    for (const frame of [nodes, edges]) {
      expect(isDataFrame(frame)).toBe(true);
      expect(frame.meta?.preferredVisualisationType).toBe('nodeGraph');
      expect(frame.refId).toBe('A');
      frame.fields.forEach((field) => expect(field.values).toHaveLength(frame.length));
    }
    expect([nodes.name, edges.name]).toEqual(['nodes', 'edges']);
    expect(nodes.length).toBe(5);
    expect(edges.length).toBe(4);
  });

  it('fills the Node Graph contract fields on nodes', () => {
    const names = nodes.fields.map((f) => f.name);
    for (const name of [
      F.id,
      F.title,
      F.subTitle,
      F.mainStat,
      F.secondaryStat,
      'arc__success',
      'arc__errors',
      F.color,
      F.icon,
    ]) {
      expect(names).toContain(name);
    }
    expect(byName(nodes, F.mainStat).config).toMatchObject({ unit: 'reqps', displayName: 'Requests per second' });
    expect(byName(nodes, F.secondaryStat).config).toMatchObject({ unit: 'ms', displayName: 'p95 latency' });
    expect(byName(nodes, 'arc__errors').config.color).toEqual({ mode: FieldColorModeId.Fixed, fixedColor: 'red' });
    expect(names.filter((n) => n.startsWith(F.detail)).length).toBeGreaterThan(0);

    const view = new DataFrameView<Record<string, string | number>>(nodes);
    const orders = view.toArray().find((row) => row.id === 'orders')!;
    expect(orders).toMatchObject({
      title: 'orders',
      subtitle: 'checkout',
      requests: 2,
      failed: 1,
      rate: 1,
      error_rate: 0.5,
    });
    expect(orders.arc__success).toBe(0.5);
    expect(orders.arc__errors).toBe(0.5);
    expect(orders.color).toBe('red');
    const user = view.toArray().find((row) => row.id === 'user')!;
    expect(user).toMatchObject({ icon: 'user', kind: 'virtual', color: 'gray', arc__success: 0, arc__errors: 0 });
    expect(view.toArray().find((row) => row.id === 'postgres')).toMatchObject({
      kind: 'database',
      subtitle: 'database',
      icon: '',
    });
  });

  it('fills the Node Graph contract fields and Kompas fields on edges', () => {
    expect(byName(edges, F.source).type).toBe(FieldType.string);
    expect(byName(edges, F.highlighted).type).toBe(FieldType.boolean);
    const rows = new DataFrameView<Record<string, string | number | boolean>>(edges).toArray();
    const call = rows.find((row) => row.id === 'frontend->orders')!;
    expect(call).toMatchObject({
      source: 'frontend',
      target: 'orders',
      mainstat: 1,
      highlighted: true,
      requests: 2,
      failed: 1,
      error_rate: 0.5,
      connection_type: '',
      exemplar_trace_id: 'abc123',
    });
    expect(call.p99).toBeGreaterThanOrEqual(60 * 0.99);
    const messaging = rows.find((row) => row.id === 'orders->shipping#messaging_system')!;
    expect(messaging).toMatchObject({
      connection_type: 'messaging_system',
      strokedasharray: '6 3',
      highlighted: false,
    });
    expect(messaging.lag_p95 as number).toBeCloseTo(40, -1);
    expect(call.lag_p95).toBeNaN();
    expect(byName(edges, 'lag_p95').config).toMatchObject({ unit: 'ms' });
    expect(rows.every((row) => (row.thickness as number) >= 1 && (row.thickness as number) <= 8)).toBe(true);
  });

  it('adds a mean column only when the graph carries means', () => {
    expect(nodes.fields.some((f) => f.name === 'mean')).toBe(false);
    const graph = shopGraph();
    graph.edges[0].meanMs = 42;
    const [, withMean] = toNodeGraphFrames(graph);
    expect(byName(withMean, 'mean').values.slice(0, 2)).toEqual([42, Number.NaN]);
  });

  it('adds a consumer-lag column only when some edge measured a lag', () => {
    const graph = shopGraph();
    graph.edges.forEach((e) => delete e.lagP95Ms);
    const [, withoutLag] = toNodeGraphFrames(graph);
    expect(withoutLag.fields.some((f) => f.name === 'lag_p95')).toBe(false);
  });

  it('emits empty but well-formed frames for an empty graph', () => {
    const frames = toNodeGraphFrames({ nodes: [], edges: [] });
    expect(frames.map((f) => [f.name, f.length])).toEqual([
      ['nodes', 0],
      ['edges', 0],
    ]);
  });
});
