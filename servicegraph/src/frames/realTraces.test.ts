/**
 * End to end on recorded upstream data (servicegraph/testdata, attribution in its SOURCES.md): traces ->
 * observations -> windows -> graph -> Node Graph frames -> graph.
 */
import { readFileSync } from 'fs';
import { join } from 'path';

import { addEdgeAggregate, addObservation, createEdgeWindow, mergeWindows } from '../aggregate/edgeWindow';
import { windowToGraph } from '../aggregate/windowToGraph';
import { spansToObservations } from '../derive/spansToObservations';
import { parseTraceText } from '../parse/parseTraces';
import type { Graph } from '../types';
import { fromNodeGraphFrames } from './fromNodeGraphFrames';
import { toNodeGraphFrames } from './toNodeGraphFrames';

const TESTDATA = join(__dirname, '../../testdata');

function graphOfTraces(files: string[]): Graph {
  const windows = files.map((file) => {
    const window = createEdgeWindow();
    const { spans } = parseTraceText(readFileSync(join(TESTDATA, file), 'utf8'), file);
    spansToObservations(spans).forEach((obs) => addObservation(window, obs));
    return window;
  });
  return windowToGraph(windows.reduce(mergeWindows, createEdgeWindow()), { startMs: 0, endMs: 60_000 });
}

const kindsOf = (graph: Graph) => Object.fromEntries(graph.nodes.map((n) => [n.id, n.kind]));

describe('real traces through aggregation and frames', () => {
  it('GenAI trace (Jaeger UI): database and user nodes, stats, exact frame round trip', () => {
    const graph = graphOfTraces(['jaeger/jaeger-ui-genaiTestTrace.json']);
    expect(kindsOf(graph)).toMatchObject({
      user: 'virtual',
      'api-edge': 'service',
      'coding-agent': 'service',
      'vector-store': 'service',
      metrics: 'database',
      'jaeger-span': 'database',
    });
    const served = graph.nodes.reduce((sum, n) => sum + n.requests, 0);
    expect(served).toBe(graph.edges.reduce((sum, e) => sum + e.requests, 0));
    expect(graph.edges.every((e) => e.p50Ms > 0 && e.p50Ms <= e.p95Ms && e.p95Ms <= e.p99Ms)).toBe(true);
    expect(graph.edges.every((e) => typeof e.exemplarTraceId === 'string' && e.exemplarTraceId.length > 0)).toBe(true);
    expect(fromNodeGraphFrames(toNodeGraphFrames(graph))).toStrictEqual(graph);
  });

  it('merging per-file windows equals one window over all files (Jaeger + OTLP/Tempo batches)', () => {
    const files = ['jaeger/jaeger-ui-tracegraph-testTrace.json', 'otlp/kiali-tempo-responseTrace-bookinfo.json'];
    const perFile = graphOfTraces(files);
    const window = createEdgeWindow();
    for (const file of files) {
      const { spans } = parseTraceText(readFileSync(join(TESTDATA, file), 'utf8'), file);
      spansToObservations(spans).forEach((obs) => addObservation(window, obs));
    }
    expect(perFile).toStrictEqual(windowToGraph(window, { startMs: 0, endMs: 60_000 }));
    expect(perFile.edges.map((e) => e.id)).toContain('service1->service2#messaging_system');
    expect(fromNodeGraphFrames(toNodeGraphFrames(perFile))).toStrictEqual(perFile);
  });

  it('Jaeger /api/dependencies call counts (Jaeger UI sample): totals survive the frames', () => {
    const links: Array<{ parent: string; child: string; callCount: number }> = JSON.parse(
      readFileSync(join(TESTDATA, 'jaeger-dependencies/jaeger-ui-dependencygraph-small.json'), 'utf8')
    );
    const window = createEdgeWindow();
    links.forEach((link) =>
      addEdgeAggregate(window, {
        clientService: link.parent,
        serverService: link.child,
        connectionType: '',
        requests: link.callCount,
      })
    );
    const graph = windowToGraph(window, { startMs: 0, endMs: 3_600_000 });
    expect([graph.nodes.length, graph.edges.length]).toEqual([8, 7]);
    expect(graph.edges.reduce((sum, e) => sum + e.requests, 0)).toBe(290225);
    const back = fromNodeGraphFrames(toNodeGraphFrames(graph));
    expect(back).toStrictEqual(graph);
  });
});
