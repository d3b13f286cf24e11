import {
  createDataFrame,
  FieldColorModeId,
  FieldType,
  NodeGraphDataFrameFieldNames as F,
  toDataFrame,
  toDataFrameDTO,
  type DataFrame,
} from '@grafana/data';
import fc from 'fast-check';

import { addObservation, createEdgeWindow } from '../aggregate/edgeWindow';
import { observationsArbitrary } from '../aggregate/testObservations';
import { windowToGraph } from '../aggregate/windowToGraph';
import { fromNodeGraphFrames, isGraphFramesError } from './fromNodeGraphFrames';
import { shopGraph } from './testGraphs';
import { toNodeGraphFrames } from './toNodeGraphFrames';

const nodeGraphMeta = { preferredVisualisationType: 'nodeGraph' as const };

/** Frames shaped exactly like Grafana's Tempo service graph (createServiceMapDataFrames + convertToDataFrames). */
function tempoServiceGraphFrames(): DataFrame[] {
  const nodes = createDataFrame({
    name: 'Nodes',
    meta: nodeGraphMeta,
    fields: [
      { name: F.id, type: FieldType.string, values: ['db', 'shop/app', 'lb'] },
      { name: F.title, type: FieldType.string, config: { displayName: 'Service name' }, values: ['db', 'app', 'lb'] },
      {
        name: F.subTitle,
        type: FieldType.string,
        config: { displayName: 'Service namespace' },
        values: [undefined, 'shop', undefined],
      },
      {
        name: F.mainStat,
        type: FieldType.number,
        config: { unit: 'ms/r', displayName: 'Average response time' },
        values: [15.5, 40, Number.NaN],
      },
      {
        name: F.secondaryStat,
        type: FieldType.number,
        config: { unit: 'r/sec', displayName: 'Requests per second' },
        values: [2.5, 10, Number.NaN],
      },
      {
        name: `${F.arc}success`,
        type: FieldType.number,
        config: { displayName: 'Success', color: { fixedColor: 'green', mode: FieldColorModeId.Fixed } },
        values: [1, 0.9, 1],
      },
      {
        name: `${F.arc}failed`,
        type: FieldType.number,
        config: { displayName: 'Failed', color: { fixedColor: 'red', mode: FieldColorModeId.Fixed } },
        values: [0, 0.1, 0],
      },
    ],
  });
  const edges = createDataFrame({
    name: 'Edges',
    meta: nodeGraphMeta,
    fields: [
      { name: F.id, type: FieldType.string, values: ['shop/app_db', 'lb_shop/app'] },
      { name: F.source, type: FieldType.string, values: ['shop/app', 'lb'] },
      { name: 'sourceName', type: FieldType.string, values: ['app', 'lb'] },
      { name: F.target, type: FieldType.string, values: ['db', 'shop/app'] },
      { name: 'targetName', type: FieldType.string, values: ['db', 'app'] },
      {
        name: F.mainStat,
        type: FieldType.number,
        config: { unit: 'ms/r', displayName: 'Average response time' },
        values: [15.5, 40],
      },
      {
        name: F.secondaryStat,
        type: FieldType.number,
        config: { unit: 'r/sec', displayName: 'Requests per second' },
        values: [2.5, 10],
      },
    ],
  });
  return [nodes, edges];
}

function expectGraph(result: ReturnType<typeof fromNodeGraphFrames>) {
  if (isGraphFramesError(result)) {
    throw new Error(`expected a graph, got: ${result.message}`);
  }
  return result;
}

function expectError(frames: DataFrame[], message: string) {
  const result = fromNodeGraphFrames(frames);
  expect(isGraphFramesError(result) ? result.message : 'a graph').toBe(message);
}

describe('fromNodeGraphFrames', () => {
  it('round-trips Kompas frames exactly', () => {
    const graph = shopGraph();
    expect(fromNodeGraphFrames(toNodeGraphFrames(graph))).toStrictEqual(graph);
  });

  it('round-trips Kompas frames of any window exactly (property)', () => {
    fc.assert(
      fc.property(observationsArbitrary, (observations) => {
        const window = createEdgeWindow();
        observations.forEach((obs) => addObservation(window, obs));
        const graph = windowToGraph(window, { startMs: 0, endMs: 30_000 });
        expect(fromNodeGraphFrames(toNodeGraphFrames(graph))).toStrictEqual(graph);
      })
    );
  });

  it('round-trips Kompas frames sent over the wire as JSON data frames', () => {
    const graph = shopGraph();
    const wire = JSON.parse(JSON.stringify(toNodeGraphFrames(graph).map((frame) => toDataFrameDTO(frame))));
    expect(fromNodeGraphFrames(wire.map(toDataFrame))).toStrictEqual(graph);
  });

  it('reads Tempo service graph frames: mean latency, rate, error arcs; what they do not give is unknown', () => {
    const graph = expectGraph(fromNodeGraphFrames(tempoServiceGraphFrames()));
    expect(graph.edges).toStrictEqual([
      {
        id: 'shop/app_db',
        source: 'shop/app',
        target: 'db',
        connectionType: '',
        requests: 0,
        failed: 0,
        rate: 2.5,
        errorRate: 0,
        p50Ms: 0,
        p95Ms: 0,
        p99Ms: 0,
        meanMs: 15.5,
        unknownStats: ['requests', 'failed', 'errorRate', 'p50Ms', 'p95Ms', 'p99Ms'],
      },
      {
        id: 'lb_shop/app',
        source: 'lb',
        target: 'shop/app',
        connectionType: '',
        requests: 0,
        failed: 0,
        rate: 10,
        errorRate: 0,
        p50Ms: 0,
        p95Ms: 0,
        p99Ms: 0,
        meanMs: 40,
        unknownStats: ['requests', 'failed', 'errorRate', 'p50Ms', 'p95Ms', 'p99Ms'],
      },
    ]);
    const app = graph.nodes.find((n) => n.id === 'shop/app');
    expect(app).toStrictEqual({
      id: 'shop/app',
      title: 'app',
      kind: 'service',
      // The subtitle (Tempo: the namespace) is text; it groups only when the panel's group field names it.
      subtitle: 'shop',
      requests: 0,
      failed: 0,
      rate: 10,
      errorRate: 0.1,
      p50Ms: 0,
      p95Ms: 0,
      p99Ms: 0,
      meanMs: 40,
      unknownStats: ['requests', 'failed', 'p50Ms', 'p95Ms', 'p99Ms'],
    });
    const lb = graph.nodes.find((n) => n.id === 'lb');
    expect(lb).toMatchObject({ rate: 0, errorRate: 0 });
    expect(lb).not.toHaveProperty('meanMs');
    expect(lb).not.toHaveProperty('group');
  });

  it('keeps what a SQL Node Graph table does not give unknown, unitless stats raw, and subtitles out of groups', () => {
    // The shape PostgreSQL returns for a hand-written Node Graph query: no units, no display names, numeric
    // columns as numbers, a text secondarystat.
    const nodes = toDataFrame({
      refId: 'B',
      fields: [
        { name: 'id', type: FieldType.string, values: ['fe', 'api', 'db'] },
        { name: 'title', type: FieldType.string, values: ['frontend', 'api', 'postgres'] },
        { name: 'subtitle', type: FieldType.string, values: ['web', 'backend', 'database'] },
        { name: 'mainstat', type: FieldType.number, values: [120.5, 80.1, 50] },
        { name: 'secondarystat', type: FieldType.string, values: ['3 ms', '12 ms', '40 ms'] },
        { name: 'arc__success', type: FieldType.number, values: [0.9, 0.97, 1] },
        { name: 'arc__failed', type: FieldType.number, values: [0.1, 0.03, 0] },
        { name: 'color', type: FieldType.string, values: ['green', 'green', 'blue'] },
      ],
    });
    const edges = toDataFrame({
      refId: 'A',
      fields: [
        { name: 'id', type: FieldType.string, values: ['e1', 'e2'] },
        { name: 'source', type: FieldType.string, values: ['fe', 'api'] },
        { name: 'target', type: FieldType.string, values: ['api', 'db'] },
        { name: 'mainstat', type: FieldType.number, values: [80.1, 50], config: { unit: 'short' } },
        { name: 'secondarystat', type: FieldType.string, values: ['12 ms', '40 ms'] },
      ],
    });
    const graph = expectGraph(fromNodeGraphFrames([edges, nodes]));
    const [e1] = graph.edges;
    expect(e1.unknownStats).toEqual(['requests', 'failed', 'rate', 'errorRate', 'p50Ms', 'p95Ms', 'p99Ms']);
    expect(e1.rawStats).toEqual([
      { label: 'mainstat', value: 80.1, unit: 'short' },
      { label: 'secondarystat', value: '12 ms' },
    ]);
    const api = graph.nodes.find((n) => n.id === 'api');
    expect(api).toMatchObject({ title: 'api', subtitle: 'backend', errorRate: 0.03 });
    expect(api?.unknownStats).toEqual(['requests', 'failed', 'rate', 'p50Ms', 'p95Ms', 'p99Ms']);
    expect(api?.rawStats).toEqual([
      { label: 'mainstat', value: 80.1 },
      { label: 'secondarystat', value: '12 ms' },
    ]);
    expect(graph.nodes.map((n) => n.group)).toEqual([undefined, undefined, undefined]);
    expect(graph.nodes.find((n) => n.id === 'db')?.kind).toBe('database');
  });

  it('keeps a displayName for raw stats and a stat without a row value out of them', () => {
    const edges = toDataFrame({
      name: 'edges',
      fields: [
        { name: 'source', values: ['a', 'a'] },
        { name: 'target', values: ['b', 'c'] },
        { name: 'mainstat', values: [7, null], config: { unit: 'bytes', displayName: 'Payload' } },
      ],
    });
    const [ab, ac] = expectGraph(fromNodeGraphFrames([edges])).edges;
    expect(ab.rawStats).toEqual([{ label: 'Payload', value: 7, unit: 'bytes' }]);
    expect(ac).not.toHaveProperty('rawStats');
  });

  it('makes nodes from edge endpoints when only an edges frame is given (SQL-style table, numeric strings)', () => {
    const edges = toDataFrame({
      refId: 'A',
      fields: [
        { name: 'source', type: FieldType.string, values: ['orders', 'orders', null] },
        { name: 'target', type: FieldType.string, values: ['postgres', 'stripe', 'x'] },
        { name: 'connection_type', type: FieldType.string, values: ['database', 'virtual_node', ''] },
        { name: 'requests', type: FieldType.string, values: ['12', '4', '1'] },
        { name: 'failed', type: FieldType.string, values: ['3', '0', '0'] },
        { name: 'p95', type: FieldType.number, values: [8.5, 300, 1] },
      ],
    });
    const graph = expectGraph(fromNodeGraphFrames([edges]));
    expect(graph.edges.map((e) => [e.id, e.requests, e.failed, e.errorRate, e.p95Ms])).toEqual([
      ['orders->postgres#database', 12, 3, 0.25, 8.5],
      ['orders->stripe#virtual_node', 4, 0, 0, 300],
    ]);
    expect(graph.nodes.map((n) => [n.id, n.kind, n.requests, n.failed])).toEqual([
      ['orders', 'service', 0, 0],
      ['postgres', 'database', 12, 3],
      ['stripe', 'virtual', 4, 0],
    ]);
  });

  it('interprets per-minute rates, transaction counts and error percentages of other sources', () => {
    const edges = toDataFrame({
      name: 'edges',
      fields: [
        { name: 'source', values: ['a'] },
        { name: 'target', values: ['b'] },
        { name: 'mainstat', values: [120], config: { unit: 't/min', displayName: 'Transactions per minute' } },
        { name: 'secondarystat', values: [250], config: { unit: 'µs', displayName: 'p99 latency' } },
        { name: 'detail__errors', values: [2.5], config: { unit: 'percent', displayName: 'Errors' } },
        { name: 'detail__count', values: [40], config: { displayName: 'Requests' } },
      ],
    });
    const [edge] = expectGraph(fromNodeGraphFrames([edges])).edges;
    expect(edge).toMatchObject({ rate: 2, p99Ms: 0.25, errorRate: 0.025, requests: 40, failed: 1 });
  });

  it('explains why frames are not a graph', () => {
    expectError([], 'no data: expected Node Graph frames (a nodes frame and an edges frame)');
    const table = toDataFrame({
      fields: [
        { name: 'time', values: [1] },
        { name: 'id', values: ['x'] },
      ],
    });
    expectError([table], 'no edges frame: expected a frame with source and target fields');
    expectError(
      [toDataFrame({ name: 'edges', fields: [{ name: 'source', values: ['a'] }] })],
      'frame "edges": missing field "target"'
    );
    expectError(
      [toDataFrame({ name: 'nodes', refId: 'B', fields: [{ name: 'title', values: ['a'] }] })],
      'frame "nodes" (query B): missing field "id"'
    );
  });

  it('recognises unnamed SQL result frames beside each other: edges by source/target, nodes by id and node fields', () => {
    const edges = toDataFrame({
      refId: 'edges',
      fields: [
        { name: 'source', values: ['orders'] },
        { name: 'target', values: ['pg'] },
        { name: 'connection_type', values: ['database'] },
      ],
    });
    const nodes = toDataFrame({
      refId: 'nodes',
      fields: [
        { name: 'id', values: ['orders', 'pg'] },
        { name: 'title', values: ['Orders', 'Postgres'] },
        { name: 'kind', values: ['service', 'database'] },
        { name: 'group', values: ['shop', ''] },
      ],
    });
    const graph = expectGraph(fromNodeGraphFrames([nodes, edges]));
    expect(graph.nodes.map((n) => [n.id, n.title, n.kind, n.group])).toEqual([
      ['orders', 'Orders', 'service', 'shop'],
      ['pg', 'Postgres', 'database', undefined],
    ]);
  });

  it('serves nodes listed without statistics (id, title, group from SQL) what their incoming edges carry', () => {
    // Shaped as Grafana's PostgreSQL datasource returns two table queries: unnamed frames with refIds.
    const meta = { typeVersion: [0, 0] as [number, number], executedQueryString: 'SELECT …' };
    const edges = toDataFrame({
      refId: 'A',
      meta,
      fields: [
        { name: 'id', type: FieldType.string, values: ['e0', 'e1', 'e2', 'e3'] },
        { name: 'source', type: FieldType.string, values: ['user', 'web', 'web', 'catalog'] },
        { name: 'target', type: FieldType.string, values: ['web', 'catalog', 'cart', 'catalog-db'] },
        { name: 'rate', type: FieldType.number, values: [100, 60, 20, 60] },
      ],
    });
    const nodes = toDataFrame({
      refId: 'B',
      meta,
      fields: [
        { name: 'id', type: FieldType.string, values: ['user', 'web', 'catalog', 'cart', 'catalog-db'] },
        { name: 'title', type: FieldType.string, values: ['user', 'web', 'catalog', 'cart', 'catalog-db'] },
        { name: 'group', type: FieldType.string, values: ['edge', 'edge', 'shop', 'shop', 'shop'] },
      ],
    });
    const graph = expectGraph(fromNodeGraphFrames([edges, nodes]));
    expect(graph.nodes.map((n) => [n.id, n.group, n.rate])).toEqual([
      ['user', 'edge', 0],
      ['web', 'edge', 100],
      ['catalog', 'shop', 60],
      ['cart', 'shop', 20],
      ['catalog-db', 'shop', 60],
    ]);
  });

  it('keeps what a nodes row says about traffic and its own latency, serving only rows that say nothing', () => {
    const edges = toDataFrame({
      name: 'edges',
      fields: [
        { name: 'source', values: ['a', 'a'] },
        { name: 'target', values: ['b', 'c'] },
        { name: 'requests', values: [50, 40] },
        { name: 'failed', values: [5, 0] },
        { name: 'rate', values: [5, 4] },
      ],
    });
    const nodes = toDataFrame({
      name: 'nodes',
      fields: [
        { name: 'id', values: ['b', 'c'] },
        { name: 'rate', values: [1, Number.NaN] },
        { name: 'p95', values: [Number.NaN, 250] },
      ],
    });
    const graph = expectGraph(fromNodeGraphFrames([nodes, edges]));
    expect(graph.nodes.find((n) => n.id === 'b')).toMatchObject({ rate: 1, requests: 0 });
    expect(graph.nodes.find((n) => n.id === 'c')).toMatchObject({ rate: 4, requests: 40, failed: 0, p95Ms: 250 });
    const served = expectGraph(
      fromNodeGraphFrames([toDataFrame({ name: 'nodes', fields: [{ name: 'id', values: ['b'] }] }), edges])
    );
    expect(served.nodes.find((n) => n.id === 'b')).toMatchObject({ rate: 5, requests: 50, failed: 5, errorRate: 0.1 });
  });

  it('accepts a nodes frame without edges as a graph of isolated nodes', () => {
    const nodes = toDataFrame({ name: 'nodes', fields: [{ name: 'id', values: ['a', 'b'] }] });
    const graph = expectGraph(fromNodeGraphFrames([nodes]));
    expect(graph.nodes.map((n) => n.id)).toEqual(['a', 'b']);
    expect(graph.edges).toEqual([]);
  });

  it('never throws on arbitrary frames (property)', () => {
    const value = fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined));
    const fieldArbitrary = fc.record({
      name: fc.constantFrom(
        'id',
        'source',
        'target',
        'title',
        'mainstat',
        'arc__failed',
        'detail__x',
        'requests',
        'kind',
        'other'
      ),
      values: fc.array(value, { maxLength: 5 }),
      config: fc.record({ unit: fc.constantFrom('ms', 'reqps', 'percent', 't/min', ''), displayName: fc.string() }),
    });
    const frameArbitrary = fc.record({
      name: fc.constantFrom('nodes', 'edges', 'Nodes', 'table', ''),
      fields: fc.array(fieldArbitrary, { maxLength: 6 }),
    });
    fc.assert(
      fc.property(fc.array(frameArbitrary, { maxLength: 3 }), (frames) => {
        const result = fromNodeGraphFrames(frames.map((frame) => toDataFrame(frame)));
        expect(isGraphFramesError(result) || Array.isArray(result.nodes)).toBe(true);
      })
    );
  });
});
