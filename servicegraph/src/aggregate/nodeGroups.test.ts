import { spansToObservations } from '../derive/spansToObservations';
import { otlpRequestToSpans } from '../parse/otlpJson';
import { addObservation, createEdgeWindow } from './edgeWindow';
import { applyNodeGroups, collectNodeGroups } from './nodeGroups';
import { windowToGraph } from './windowToGraph';

const TRACE = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';

/** One OTLP/JSON request: a checkout service calling payments, each with its own service.namespace. */
function otlpCall(namespaces: { checkout?: string; payments?: string }) {
  const resource = (service: string, namespace?: string) => ({
    attributes: [
      { key: 'service.name', value: { stringValue: service } },
      ...(namespace ? [{ key: 'service.namespace', value: { stringValue: namespace } }] : []),
    ],
  });
  const span = (spanId: string, kind: number, parentSpanId = '') => ({
    traceId: TRACE,
    spanId,
    parentSpanId,
    name: 'POST /pay',
    kind,
    startTimeUnixNano: '1700000000000000000',
    endTimeUnixNano: '1700000000050000000',
  });
  return {
    resourceSpans: [
      { resource: resource('checkout', namespaces.checkout), scopeSpans: [{ spans: [span('0000000000000001', 3)] }] },
      { resource: resource('payments', namespaces.payments), scopeSpans: [{ spans: [span('0000000000000002', 2, '0000000000000001')] }] },
    ],
  };
}

function graphOf(doc: unknown) {
  const spans = otlpRequestToSpans(doc as Parameters<typeof otlpRequestToSpans>[0], 'call.json');
  const window = createEdgeWindow();
  for (const observation of spansToObservations(spans)) {
    addObservation(window, observation);
  }
  return { spans, graph: windowToGraph(window, { startMs: 1_700_000_000_000, endMs: 1_700_000_060_000 }) };
}

describe('node groups from resource attributes', () => {
  it('gives each node the service.namespace of its spans', () => {
    const { spans, graph } = graphOf(otlpCall({ checkout: 'shop', payments: 'money' }));
    const groups = collectNodeGroups(spans);
    expect(groups).toEqual({ checkout: 'shop', payments: 'money' });
    const grouped = applyNodeGroups(graph, groups);
    expect(grouped.nodes.map((n) => [n.id, n.group])).toEqual(
      expect.arrayContaining([
        ['checkout', 'shop'],
        ['payments', 'money'],
      ])
    );
    expect(grouped.edges).toBe(graph.edges);
  });

  it('leaves nodes without a namespace (users, databases) ungrouped and keeps groups already set', () => {
    const { spans, graph } = graphOf(otlpCall({ payments: 'money' }));
    const groups = collectNodeGroups(spans);
    const kept = applyNodeGroups({ ...graph, nodes: graph.nodes.map((n) => (n.id === 'payments' ? { ...n, group: 'mine' } : n)) }, groups);
    expect(kept.nodes.find((n) => n.id === 'checkout')?.group).toBeUndefined();
    expect(kept.nodes.find((n) => n.id === 'payments')?.group).toBe('mine');
    expect(kept.nodes.find((n) => n.id === 'user')?.group).toBeUndefined();
  });

  it('collects over stream ticks into one record, the first value winning', () => {
    const groups: Record<string, string> = {};
    collectNodeGroups(graphOf(otlpCall({ checkout: 'shop' })).spans, groups);
    collectNodeGroups(graphOf(otlpCall({ checkout: 'other', payments: 'money' })).spans, groups);
    expect(groups).toEqual({ checkout: 'shop', payments: 'money' });
  });
});
