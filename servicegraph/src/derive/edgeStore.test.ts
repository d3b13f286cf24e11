import type { EdgeObservation } from '../types';
import { makeSpan } from '../../testdata/makeSpan';
import { createEdgeStore, TooManyEdgesError, type ExpiredEdge } from './edgeStore';

function setup(options: { ttlMs?: number; maxItems?: number } = {}) {
  const completed: EdgeObservation[] = [];
  const expired: ExpiredEdge[] = [];
  const store = createEdgeStore({
    ttlMs: options.ttlMs ?? 1000,
    maxItems: options.maxItems ?? 100,
    onComplete: (o) => completed.push(o),
    onExpire: (e) => expired.push(e),
  });
  return { store, completed, expired };
}

const client = makeSpan({ spanId: 'c1', service: 'shop', kind: 'client', attributes: { 'peer.service': 'cart' } });
const server = makeSpan({ spanId: 's1', parentSpanId: 'c1', service: 'cart', kind: 'server' });

describe('createEdgeStore', () => {
  it('completes a pair as soon as both halves arrived across batches', () => {
    const { store, completed } = setup();
    store.addSpan(server, 0);
    expect(completed).toHaveLength(0);
    store.addSpan(client, 10);
    expect(completed.map((o) => `${o.clientService}->${o.serverService}`)).toEqual(['shop->cart']);
  });

  it('emits a root SERVER span at once', () => {
    const { store, completed } = setup();
    store.addSpan(makeSpan({ spanId: 'r', service: 'gateway', kind: 'server' }), 0);
    expect(completed[0]).toMatchObject({ clientService: 'user', connectionType: 'virtual_node' });
    expect(store.size).toBe(0);
  });

  it('expires entries after ttlMs and turns an unanswered CLIENT into a virtual edge', () => {
    const { store, completed, expired } = setup({ ttlMs: 1000 });
    store.addSpan(client, 0);
    store.expire(999);
    expect(store.size).toBe(1);
    store.expire(1000);
    expect(store.size).toBe(0);
    expect(completed[0]).toMatchObject({
      clientService: 'shop',
      serverService: 'cart',
      connectionType: 'virtual_node',
    });
    expect(expired).toEqual([expect.objectContaining({ parent: client, paired: 0, unpairedChildren: 0 })]);
  });

  it('does not emit a virtual edge at expiry when the CLIENT was answered', () => {
    const { store, completed } = setup();
    store.addSpan(client, 0);
    store.addSpan(server, 1);
    store.flush();
    expect(completed.map((o) => o.connectionType)).toEqual(['']);
  });

  it('reports children that never met their parent', () => {
    const { store, completed, expired } = setup();
    store.addSpan(server, 0);
    store.flush();
    expect(completed).toEqual([]);
    expect(expired[0]).toMatchObject({ parent: undefined, unpairedChildren: 1 });
  });

  it('throws TooManyEdgesError when full and nothing has expired, and makes room from expired entries', () => {
    const { store } = setup({ ttlMs: 100, maxItems: 2 });
    store.addSpan(makeSpan({ spanId: 'a', service: 's', kind: 'client' }), 0);
    store.addSpan(makeSpan({ spanId: 'b', service: 's', kind: 'client' }), 50);
    expect(() => store.addSpan(makeSpan({ spanId: 'c', service: 's', kind: 'client' }), 60)).toThrow(TooManyEdgesError);
    store.addSpan(makeSpan({ spanId: 'd', service: 's', kind: 'client' }), 100);
    expect(store.size).toBe(2);
  });

  it('still pairs into an existing entry when full', () => {
    const { store, completed } = setup({ maxItems: 1 });
    store.addSpan(client, 0);
    store.addSpan(server, 1);
    expect(completed).toHaveLength(1);
  });
});
