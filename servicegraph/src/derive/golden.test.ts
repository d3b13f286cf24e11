/**
 * Golden tests on recorded upstream data (servicegraph/testdata, see SOURCES.md): every `*.expected.json`
 * (edges transcribed from upstream test assertions) must hold exactly; `*.derived.json` (a naive
 * parent→child rule) is a cross-check for the fixtures where that rule and servicegraph semantics agree.
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import type { EdgeObservation } from '../types';
import { parseTraceText } from '../parse/parseTraces';
import { spansToObservations } from './spansToObservations';
import type { UnpairedOptions } from './virtualNodes';

const TESTDATA = join(__dirname, '../../testdata');

interface ExpectedEdge {
  client: string;
  server: string;
  connectionType: string;
  requests: number;
  failed: number;
}

function observationsOf(dir: string, file: string, options: UnpairedOptions = {}): EdgeObservation[] {
  return spansToObservations(parseTraceText(readFileSync(join(TESTDATA, dir, file), 'utf8'), file).spans, options);
}

function countEdges(
  observations: EdgeObservation[],
  include: (o: EdgeObservation) => boolean = () => true
): ExpectedEdge[] {
  const edges = new Map<string, ExpectedEdge>();
  for (const o of observations.filter(include)) {
    const key = `${o.clientService}|${o.serverService}|${o.connectionType}`;
    const edge = edges.get(key) ?? {
      client: o.clientService,
      server: o.serverService,
      connectionType: o.connectionType,
      requests: 0,
      failed: 0,
    };
    edge.requests += 1;
    edge.failed += o.failed ? 1 : 0;
    edges.set(key, edge);
  }
  return [...edges.values()].sort((a, b) => `${a.client}|${a.server}`.localeCompare(`${b.client}|${b.server}`));
}

function sortExpected(edges: ExpectedEdge[]): ExpectedEdge[] {
  return edges
    .map(({ client, server, connectionType, requests, failed }) => ({
      client,
      server,
      connectionType,
      requests,
      failed,
    }))
    .sort((a, b) => `${a.client}|${a.server}`.localeCompare(`${b.client}|${b.server}`));
}

function traceFileFor(dir: string, base: string): string {
  const file = readdirSync(join(TESTDATA, dir)).find(
    (f) => f.startsWith(`${base}.`) && !/\.(expected|derived)\.json$/.test(f)
  );
  if (file === undefined) {
    throw new Error(`no trace file for ${base}`);
  }
  return file;
}

const expectedFiles = readdirSync(join(TESTDATA, 'otlp')).filter((f) => f.endsWith('.expected.json'));

describe('upstream expected edges (collector-contrib servicegraph golden files)', () => {
  it('covers every expected.json fixture', () => {
    expect(expectedFiles).toHaveLength(4);
  });

  it.each(expectedFiles)('%s', (expectedFile) => {
    const base = expectedFile.replace('.expected.json', '');
    const expected: ExpectedEdge[] = JSON.parse(readFileSync(join(TESTDATA, 'otlp', expectedFile), 'utf8')).edges;
    // The golden files come from the collector-contrib connector, which names an unnamed peer "unknown"
    // (design.md and Tempo give no edge; see the next test).
    const observations = observationsOf('otlp', traceFileFor('otlp', base), { unnamedPeer: 'unknown' });
    expect(countEdges(observations)).toEqual(sortExpected(expected));
  });

  it('drops the unnamed-peer edge under the design.md default', () => {
    const edges = countEdges(observationsOf('otlp', 'otelcontrib-servicegraph-virtual-node-label-trace.yaml'));
    expect(edges).toEqual([
      { client: 'user', server: 'bar-requester', connectionType: 'virtual_node', requests: 1, failed: 0 },
    ]);
  });
});

/** Fixtures where every cross-service parent/child link is also a CLIENT→SERVER pair (or there is none). */
const agreeing = [
  ['jaeger', 'jaeger-ui-flamegraph-testTrace'],
  ['jaeger', 'jaeger-ui-oltp2jaeger-multi-out'],
  ['jaeger', 'jaeger-ui-otlp2jaeger-out'],
  ['jaeger', 'jaeger-ui-stats-spanAmongEachOtherGroupedAndSpans'],
  ['jaeger', 'jaeger-ui-stats-spanLongerAsParent'],
  ['jaeger', 'jaeger-ui-stats-spansAmongEachOther'],
  ['jaeger', 'jaeger-ui-stats-spansAmongEachOtherGrouped'],
  ['jaeger', 'jaeger-ui-stats-testTraceNormal'],
  ['jaeger', 'jaeger-ui-stats-traceWithMultipleSpansWithTheSameValueInDifferentTags'],
  ['otlp', 'kiali-tempo-responseTrace-bookinfo'],
  ['otlp', 'jaeger-integration-example_trace'],
  ['otlp', 'jaeger-integration-link_attributes_trace'],
  ['otlp', 'jaeger-memory-otel_traces_01'],
  ['otlp', 'jaeger-ui-otlp2jaeger-in'],
  ['otlp', 'jaeger-ui-otlp2jaeger-in-error'],
  ['otlp', 'jaeger-ui-otlp2jaeger-multi-in-combined'],
  ['otlp', 'otel-proto-examples-trace'],
];

describe('cross-check against the naive parent→child derivation', () => {
  it.each(agreeing)('%s/%s: same service-to-service pairs', (dir, base) => {
    const derived: ExpectedEdge[] = JSON.parse(readFileSync(join(TESTDATA, dir, `${base}.derived.json`), 'utf8')).edges;
    const observations = observationsOf(dir, traceFileFor(dir, base));
    const pairs = countEdges(
      observations,
      (o) => o.connectionType !== 'virtual_node' && o.connectionType !== 'database'
    );
    const toPairs = (edges: ExpectedEdge[]) => edges.map((e) => [e.client, e.server, e.requests]).sort();
    expect(toPairs(pairs)).toEqual(toPairs(derived));
  });

  it('adds the servicegraph extras the naive rule lacks: user, database and messaging edges', () => {
    expect(
      countEdges(observationsOf('jaeger', 'jaeger-ui-genaiTestTrace.json')).map(
        (e) => `${e.client}->${e.server}#${e.connectionType}`
      )
    ).toEqual([
      'coding-agent->vector-store#',
      'metrics-backend->metrics#database',
      'trace-store->jaeger-span#database',
      'user->api-edge#virtual_node',
    ]);
    expect(
      countEdges(observationsOf('jaeger', 'jaeger-ui-tracegraph-testTrace.json')).map(
        (e) => `${e.client}->${e.server}#${e.connectionType}`
      )
    ).toEqual(['service1->service2#', 'service1->service2#messaging_system', 'user->service1#virtual_node']);
  });

  it('counts both children of a duplicated span id and ignores a reference into another trace (ui_01)', () => {
    expect(countEdges(observationsOf('jaeger', 'jaeger-uimodel-ui_01.json'))).toEqual([
      { client: 'service-x', server: 'service-y', connectionType: '', requests: 2, failed: 0 },
    ]);
  });
});
