import type { EdgeObservation, Span } from '../types';
import { makeSpan, TRACE_A } from '../../testdata/makeSpan';
import { spansToObservations } from './spansToObservations';

function edges(spans: Span[], unnamedPeer?: string): string[] {
  return spansToObservations(spans, { unnamedPeer })
    .map((o) => `${o.clientService}->${o.serverService}#${o.connectionType}${o.failed ? '!' : ''}`)
    .sort();
}

function only(spans: Span[]): EdgeObservation {
  const observations = spansToObservations(spans);
  expect(observations).toHaveLength(1);
  return observations[0];
}

describe('client/server pairing', () => {
  const client = makeSpan({ spanId: 'c1', service: 'shop', kind: 'client', durationMs: 30, startMs: 1000 });
  const server = makeSpan({
    spanId: 's1',
    parentSpanId: 'c1',
    service: 'cart',
    kind: 'server',
    durationMs: 20,
    startMs: 1005,
  });

  it('pairs a SERVER span with its CLIENT parent in either arrival order', () => {
    expect(edges([client, server])).toEqual(['shop->cart#']);
    expect(edges([server, client])).toEqual(['shop->cart#']);
  });

  it('uses the server duration as latency, the client duration as client latency, the client start as time', () => {
    expect(only([server, client])).toMatchObject({
      latencyMs: 20,
      clientLatencyMs: 30,
      timeMs: 1000,
      traceId: TRACE_A,
    });
  });

  it('keeps a self-call (same service on both sides), as the collector does', () => {
    expect(edges([{ ...client, service: 'cart' }, server])).toEqual(['cart->cart#']);
  });

  it('counts each SERVER span under one CLIENT span (retries)', () => {
    const retry = { ...server, spanId: 's2' };
    expect(edges([client, server, retry])).toEqual(['shop->cart#', 'shop->cart#']);
  });

  it('does not pair across traces', () => {
    expect(edges([client, { ...server, traceId: 'b'.repeat(32) }])).toEqual([]);
  });

  it('marks the call failed when either side has an error', () => {
    expect(edges([{ ...client, error: true }, server])).toEqual(['shop->cart#!']);
    expect(edges([client, { ...server, error: true }])).toEqual(['shop->cart#!']);
  });

  it('gives no edge for a SERVER whose parent is an INTERNAL or SERVER span', () => {
    const internal = makeSpan({ spanId: 'i1', service: 'shop', kind: 'internal' });
    expect(edges([internal, { ...server, parentSpanId: 'i1' }])).toEqual([]);
  });
});

describe('producer/consumer pairing', () => {
  it('pairs PRODUCER → CONSUMER as messaging_system, also via FOLLOWS_FROM', () => {
    const producer = makeSpan({ spanId: 'p1', service: 'orders', kind: 'producer' });
    const consumer = makeSpan({
      spanId: 'q1',
      parentSpanId: 'p1',
      followsFrom: true,
      service: 'shipping',
      kind: 'consumer',
      durationMs: 7,
    });
    expect(edges([consumer, producer])).toEqual(['orders->shipping#messaging_system']);
    expect(only([producer, consumer]).latencyMs).toBe(7);
  });

  it('records consumer lag as consumer start minus producer end, clamped at 0 under clock skew', () => {
    const producer = makeSpan({ spanId: 'p1', service: 'orders', kind: 'producer', startMs: 1000, durationMs: 5 });
    const consumer = (startMs: number) =>
      makeSpan({ spanId: 'q1', parentSpanId: 'p1', service: 'shipping', kind: 'consumer', startMs, durationMs: 7 });
    expect(only([producer, consumer(46_005)]).messagingLagMs).toBe(45_000);
    expect(only([producer, consumer(990)]).messagingLagMs).toBe(0);
  });

  it('gives request edges no lag', () => {
    const call = makeSpan({ spanId: 'c9', service: 'shop', kind: 'client' });
    const answer = makeSpan({ spanId: 's9', parentSpanId: 'c9', service: 'cart', kind: 'server' });
    expect(only([call, answer]).messagingLagMs).toBeUndefined();
  });
});

describe('database edges', () => {
  it('turns an unanswered CLIENT with db attributes into a database edge with client latency', () => {
    const db = makeSpan({
      spanId: 'd1',
      service: 'orders',
      kind: 'client',
      durationMs: 4,
      attributes: { 'db.system': 'postgresql', 'db.name': 'orders' },
    });
    expect(edges([db])).toEqual(['orders->orders#database']);
    expect(only([db]).latencyMs).toBe(4);
  });

  it('prefers a real SERVER span over the database rule', () => {
    const db = makeSpan({ spanId: 'd1', service: 'orders', kind: 'client', attributes: { 'db.system': 'postgresql' } });
    const server = makeSpan({ spanId: 's1', parentSpanId: 'd1', service: 'pg-proxy', kind: 'server' });
    expect(edges([db, server])).toEqual(['orders->pg-proxy#']);
  });
});

describe('virtual nodes', () => {
  it('attributes a root SERVER span to the virtual client "user"', () => {
    const root = makeSpan({ spanId: 's1', service: 'gateway', kind: 'server', durationMs: 12, error: true });
    expect(only([root])).toMatchObject({
      clientService: 'user',
      serverService: 'gateway',
      connectionType: 'virtual_node',
      latencyMs: 12,
      failed: true,
    });
  });

  it('names the virtual server of an unanswered CLIENT by peer.service', () => {
    const call = makeSpan({
      spanId: 'c1',
      service: 'payments',
      kind: 'client',
      attributes: { 'peer.service': 'stripe' },
    });
    expect(edges([call])).toEqual(['payments->stripe#virtual_node']);
  });

  it('gives no edge for an unanswered CLIENT with nothing naming its peer (unless unnamedPeer is set)', () => {
    const call = makeSpan({
      spanId: 'c1',
      service: 'payments',
      kind: 'client',
      attributes: { 'net.peer.name': 'api.example' },
    });
    expect(edges([call])).toEqual([]);
    expect(edges([call], 'unknown')).toEqual(['payments->unknown#virtual_node']);
  });

  it('gives a virtual producer to a root CONSUMER with peer.service, and nothing without it', () => {
    const consumer = makeSpan({
      spanId: 'q1',
      service: 'shipping',
      kind: 'consumer',
      attributes: { 'peer.service': 'kafka' },
    });
    expect(edges([consumer])).toEqual(['kafka->shipping#virtual_node']);
    expect(edges([{ ...consumer, attributes: {} }])).toEqual([]);
  });

  it('gives no edge for a SERVER whose parent is missing from the trace', () => {
    expect(edges([makeSpan({ spanId: 's1', parentSpanId: 'gone', service: 'cart', kind: 'server' })])).toEqual([]);
  });
});

describe('data without span kinds', () => {
  const parent = makeSpan({ spanId: 'a', service: 'frontend', durationMs: 50 });
  const child = makeSpan({ spanId: 'b', parentSpanId: 'a', service: 'backend', durationMs: 20 });

  it('gives parentService → childService for a CHILD_OF parent in another service', () => {
    expect(edges([child, parent])).toEqual(['frontend->backend#']);
    expect(only([parent, child]).latencyMs).toBe(20);
  });

  it('gives nothing within one service, for FOLLOWS_FROM, or when one side has a kind', () => {
    expect(edges([parent, { ...child, service: 'frontend' }])).toEqual([]);
    expect(edges([parent, { ...child, followsFrom: true }])).toEqual([]);
    expect(edges([parent, { ...child, kind: 'server' }])).toEqual([]);
  });
});

describe('messy input', () => {
  it('counts a span delivered twice once, whichever copy comes first', () => {
    const client = makeSpan({ spanId: 'c1', service: 'shop', kind: 'client' });
    const server = makeSpan({ spanId: 's1', parentSpanId: 'c1', service: 'cart', kind: 'server' });
    expect(edges([client, server, server, client])).toEqual(['shop->cart#']);
  });

  it('picks the same copy of a duplicated span id regardless of order', () => {
    const a = makeSpan({ spanId: 'x', service: 'svc-a', startMs: 1 });
    const b = makeSpan({ spanId: 'x', service: 'svc-b', startMs: 2 });
    const child = makeSpan({ spanId: 'y', parentSpanId: 'x', service: 'svc-c' });
    expect(edges([a, b, child])).toEqual(['svc-a->svc-c#']);
    expect(edges([child, b, a])).toEqual(['svc-a->svc-c#']);
  });

  it('ignores clock skew: a server starting before its client still pairs and keeps its own duration', () => {
    const client = makeSpan({ spanId: 'c1', service: 'shop', kind: 'client', startMs: 5000, durationMs: 10 });
    const server = makeSpan({
      spanId: 's1',
      parentSpanId: 'c1',
      service: 'cart',
      kind: 'server',
      startMs: 1000,
      durationMs: 8,
    });
    expect(only([client, server])).toMatchObject({ timeMs: 5000, latencyMs: 8 });
  });
});
