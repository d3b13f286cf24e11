import fc from 'fast-check';

import type { EdgeObservation, Graph } from '../types';
import { addObservation, createEdgeWindow, mergeWindows, type EdgeWindow } from './edgeWindow';
import { inferNodeKinds } from './nodeKinds';
import { observation, observationsArbitrary } from './testObservations';
import { windowToGraph } from './windowToGraph';

function windowOf(observations: EdgeObservation[]): EdgeWindow {
  const window = createEdgeWindow();
  observations.forEach((obs) => addObservation(window, obs));
  return window;
}

const shop: EdgeObservation[] = [
  observation({ clientService: 'user', serverService: 'frontend', connectionType: 'virtual_node', latencyMs: 120 }),
  observation({
    clientService: 'user',
    serverService: 'frontend',
    connectionType: 'virtual_node',
    latencyMs: 80,
    failed: true,
  }),
  observation({ clientService: 'frontend', serverService: 'orders', latencyMs: 60, traceId: 'slow' }),
  observation({ clientService: 'frontend', serverService: 'orders', latencyMs: 30 }),
  observation({ clientService: 'orders', serverService: 'postgres', connectionType: 'database', latencyMs: 5 }),
  observation({ clientService: 'orders', serverService: 'shipping', connectionType: 'messaging_system', latencyMs: 2, messagingLagMs: 45_000 }),
  observation({
    clientService: 'orders',
    serverService: 'stripe-api',
    connectionType: 'virtual_node',
    latencyMs: 200,
    failed: true,
  }),
  observation({ clientService: 'kafka', serverService: 'shipping', connectionType: 'virtual_node', latencyMs: 4 }),
];

describe('windowToGraph', () => {
  const graph = windowToGraph(windowOf(shop), { startMs: 0, endMs: 10_000, groups: { orders: 'checkout' } });
  const node = (id: string) => graph.nodes.find((n) => n.id === id)!;
  const edge = (id: string) => graph.edges.find((e) => e.id === id)!;

  it('computes per-edge rate, error rate and percentiles over the window', () => {
    expect(graph.edges.map((e) => e.id)).toEqual([
      'frontend->orders',
      'kafka->shipping#virtual_node',
      'orders->postgres#database',
      'orders->shipping#messaging_system',
      'orders->stripe-api#virtual_node',
      'user->frontend#virtual_node',
    ]);
    expect(edge('user->frontend#virtual_node')).toMatchObject({
      source: 'user',
      target: 'frontend',
      connectionType: 'virtual_node',
      requests: 2,
      failed: 1,
      rate: 0.2,
      errorRate: 0.5,
    });
    const orders = edge('frontend->orders');
    expect(orders.p50Ms).toBeGreaterThanOrEqual(30 * 0.99);
    expect(orders.p50Ms).toBeLessThanOrEqual(30 * 1.01);
    expect(orders.p99Ms).toBeGreaterThanOrEqual(60 * 0.99);
    expect(orders.exemplarTraceId).toBe('slow');
    expect(orders.lagP95Ms).toBeUndefined();
    const lag = edge('orders->shipping#messaging_system').lagP95Ms!;
    expect(Math.abs(lag - 45_000) / 45_000).toBeLessThanOrEqual(0.01);
  });

  it('gives nodes the statistics of the requests they serve', () => {
    expect(node('frontend')).toMatchObject({ requests: 2, failed: 1, errorRate: 0.5, rate: 0.2 });
    expect(node('user')).toMatchObject({ requests: 0, failed: 0, rate: 0, errorRate: 0, p50Ms: 0, p99Ms: 0 });
    expect(node('shipping').requests).toBe(2);
    expect(node('frontend').p99Ms).toBeGreaterThanOrEqual(120 * 0.99);
    expect(node('orders')).toMatchObject({ title: 'orders', group: 'checkout' });
    expect(node('frontend').group).toBeUndefined();
  });

  it('infers node kinds from the edges', () => {
    const kinds = Object.fromEntries(graph.nodes.map((n) => [n.id, n.kind]));
    expect(kinds).toEqual({
      frontend: 'service',
      kafka: 'messaging',
      orders: 'service',
      postgres: 'database',
      shipping: 'service',
      'stripe-api': 'virtual',
      user: 'virtual',
    });
  });

  it('gives zero rates for an empty range instead of Infinity', () => {
    const empty = windowToGraph(windowOf(shop), { startMs: 5, endMs: 5 });
    expect(empty.edges.every((e) => e.rate === 0)).toBe(true);
  });

  it('does not depend on how the observations were split into windows (property)', () => {
    fc.assert(
      fc.property(observationsArbitrary, observationsArbitrary, (a, b) => {
        const range = { startMs: 0, endMs: 60_000 };
        const split: Graph = windowToGraph(mergeWindows(windowOf(b), windowOf(a)), range);
        expect(split).toEqual(windowToGraph(windowOf([...a, ...b]), range));
        const served = split.nodes.reduce((sum, n) => sum + n.requests, 0);
        expect(served).toBe(a.length + b.length);
      })
    );
  });
});

describe('inferNodeKinds', () => {
  it('treats an end that appears elsewhere as the real service of a virtual edge', () => {
    const kinds = inferNodeKinds([
      { clientService: 'billing', serverService: 'ledger', connectionType: 'virtual_node' },
      { clientService: 'ledger', serverService: 'db', connectionType: 'database' },
    ]);
    expect(kinds.get('billing')).toBe('virtual');
    expect(kinds.get('ledger')).toBe('service');
    expect(kinds.get('db')).toBe('database');
  });

  it('draws virtual nodes named after a message broker as messaging, at a word start only', () => {
    const virtualPeer = (name: string) =>
      inferNodeKinds([{ clientService: 'orders', serverService: name, connectionType: 'virtual_node' }]).get(name);
    expect(['kafka', 'aws.sqs', 'orders-rabbitmq', 'azure-eventhubs'].map(virtualPeer)).toEqual(
      Array(4).fill('messaging')
    );
    expect(['stripe', 'tenants', 'dnsresolver'].map(virtualPeer)).toEqual(Array(3).fill('virtual'));
  });

  it('applies overrides to known nodes only', () => {
    const kinds = inferNodeKinds([{ clientService: 'a', serverService: 'b', connectionType: '' }], {
      b: 'messaging',
      ghost: 'database',
    });
    expect([...kinds.entries()]).toEqual([
      ['a', 'service'],
      ['b', 'messaging'],
    ]);
  });
});
