import { createLatencySketch, quantile, recordLatency, serializeSketch } from '../../../servicegraph/src/aggregate/latencySketch';
import { rowsToBucketWindows, rowsToGraph, TimescaleResultError } from './rowsToGraph';

const range = { fromMs: 0, toMs: 60_000 };

function sketchOf(values: number[]): { idx: number[]; cnt: number[] } {
  const sketch = createLatencySketch();
  values.forEach((v) => recordLatency(sketch, v));
  const { b, c } = serializeSketch(sketch);
  return { idx: b, cnt: c };
}

describe('rowsToGraph', () => {
  it('maps buildEdgeSql rows to graph edges and nodes with rates and merged node latency', () => {
    const a = sketchOf([10, 20, 30]);
    const b = sketchOf([100, 200]);
    const graph = rowsToGraph(
      [
        { source: 'web', target: 'api', connection_type: '', requests: '3', failed: '1', latency_idx: a.idx, latency_cnt: a.cnt },
        { source: 'api', target: 'db', connection_type: 'database', requests: 2, failed: 0, latency_idx: b.idx, latency_cnt: b.cnt, target_kind: 'database', source_group: 'shop' },
      ],
      range
    );
    const web = graph.edges.find((e) => e.id === 'web->api')!;
    expect(web).toMatchObject({ source: 'web', target: 'api', requests: 3, failed: 1, rate: 3 / 60, errorRate: 1 / 3 });
    const expected = createLatencySketch();
    [10, 20, 30].forEach((v) => recordLatency(expected, v));
    expect(web.p50Ms).toBeCloseTo(quantile(expected, 0.5), 9);
    expect(graph.edges.find((e) => e.id === 'api->db#database')).toMatchObject({ connectionType: 'database', requests: 2 });
    expect(graph.nodes.find((n) => n.id === 'db')).toMatchObject({ kind: 'database', requests: 2 });
    expect(graph.nodes.find((n) => n.id === 'api')).toMatchObject({ group: 'shop', requests: 3, failed: 1 });
  });

  it('accepts raw SQL with other column names, adds up rows of one edge and uses percentile columns', () => {
    const graph = rowsToGraph(
      [
        { Client_Service: 'a', SERVER_SERVICE: 'b', calls: 10, errors: 2, p50_ms: 5, p95_ms: 9, p99_ms: 12 },
        { Client_Service: 'a', SERVER_SERVICE: 'b', calls: 30, errors: 0, p50_ms: 1, p95_ms: 1, p99_ms: 4 },
      ],
      range
    );
    expect(graph.edges).toHaveLength(1);
    expect(graph.edges[0]).toMatchObject({ requests: 40, failed: 2, p50Ms: 2, p95Ms: 3, p99Ms: 6 });
  });

  it('reads a Grafana table frame whose arrays arrived as text', () => {
    const s = sketchOf([7]);
    const frame = {
      fields: [
        { name: 'source', values: ['x'] },
        { name: 'target', values: ['y'] },
        { name: 'requests', values: [1] },
        { name: 'latency_idx', values: [`{${s.idx.join(',')}}`] },
        { name: 'latency_cnt', values: [`{${s.cnt.join(',')}}`] },
      ],
    };
    const graph = rowsToGraph(frame, range);
    expect(graph.edges[0].p50Ms).toBeGreaterThan(6.9);
    expect(graph.edges[0].p50Ms).toBeLessThan(7.1);
  });

  it('names missing columns and the accepted spellings', () => {
    expect(() => rowsToGraph([{ from_service: 'a', to: 'b', n: 1 }], range)).toThrow(TimescaleResultError);
    expect(() => rowsToGraph([{ source: 'a', n: 1 }], range)).toThrow(
      'query result is missing required column(s): target (one of: target, server_service, server, child, callee); requests (one of: requests, calls, call_count, callcount, count). Columns returned: source, n'
    );
  });

  it('rejects bad values with the row number', () => {
    expect(() => rowsToGraph([{ source: 'a', target: 'b', requests: 'many' }], range)).toThrow('row 1: column requests is not a number ("many")');
    expect(() => rowsToGraph([{ source: 'a', target: '', requests: 1 }], range)).toThrow('row 1: source and target must not be empty');
    expect(() => rowsToGraph([{ source: 'a', target: 'b', requests: 1, connection_type: 'grpc' }], range)).toThrow('unknown connection_type "grpc"');
    expect(() => rowsToGraph([{ source: 'a', target: 'b', requests: 1, latency_idx: [1, 2], latency_cnt: [1] }], range)).toThrow(/row 1: latency sketch/);
  });

  it('gives an empty graph for an empty result', () => {
    expect(rowsToGraph([], range)).toEqual({ nodes: [], edges: [] });
    expect(rowsToGraph({ fields: [] }, range)).toEqual({ nodes: [], edges: [] });
  });

  it('keeps the slowest exemplar of an edge over its rows; ties go to the smaller trace id', () => {
    const row = { source: 'a', target: 'b', requests: 1 };
    const graph = rowsToGraph(
      [
        { ...row, exemplar_trace_id: 'f00d', exemplar_latency_ms: 40 },
        { ...row, exemplar_trace_id: 'beef', exemplar_latency_ms: 90 },
        { ...row, exemplar_trace_id: 'abba', exemplar_latency_ms: 90 },
        { ...row, exemplar_trace_id: null, exemplar_latency_ms: null },
      ],
      range
    );
    expect(graph.edges[0]).toMatchObject({ requests: 4, exemplarTraceId: 'abba' });
  });
});

describe('rowsToBucketWindows', () => {
  it('puts each row in the window of its bucket (time fields as numbers, Dates or ISO text)', () => {
    const s = sketchOf([5]);
    const row = { source: 'a', target: 'b', requests: 2, failed: 1, latency_idx: s.idx, latency_cnt: s.cnt, target_kind: 'database' };
    const { windows, nodes } = rowsToBucketWindows(
      [
        { ...row, bucket: 10_000 },
        { ...row, bucket: new Date(20_000) },
        { ...row, bucket: '1970-01-01T00:00:20.000Z' },
      ],
      10_000
    );
    expect([...windows.keys()]).toEqual([10_000, 20_000]);
    expect(windows.get(20_000)?.edges.get('a->b')).toMatchObject({ requests: 4, failed: 2 });
    expect(nodes.nodeKinds).toEqual({ b: 'database' });
  });

  it('names a row whose bucket is not a time', () => {
    expect(() => rowsToBucketWindows([{ source: 'a', target: 'b', requests: 1, bucket: 'soon' }], 10_000)).toThrow(
      'row 1: column bucket is not a time ("soon")'
    );
  });
});

describe('service names that are Object.prototype member names', () => {
  // Rows as PostgreSQL returns them for services the collector saw under these names.
  const rows = [
    { source: '__proto__', target: 'constructor', requests: 3, source_group: 'shop', target_kind: 'database' },
    { source: 'hasOwnProperty', target: '__proto__', requests: 1, target_group: 'shop' },
  ];

  it('keep their groups and kinds in the graph', () => {
    const graph = rowsToGraph(rows, range);
    expect(graph.nodes.find((n) => n.id === '__proto__')).toMatchObject({ group: 'shop', kind: 'service' });
    expect(graph.nodes.find((n) => n.id === 'constructor')).toMatchObject({ kind: 'database', requests: 3 });
    expect(graph.nodes.find((n) => n.id === 'hasOwnProperty')?.group).toBeUndefined();
  });

  it('keep them in the node metadata of bucket windows', () => {
    const { nodes } = rowsToBucketWindows(
      rows.map((row) => ({ ...row, bucket: 0 })),
      10_000
    );
    expect(Object.keys(nodes.groups)).toEqual(['__proto__']);
    expect(nodes.groups['__proto__']).toBe('shop');
    expect(Object.keys(nodes.nodeKinds)).toEqual(['constructor']);
  });
});
