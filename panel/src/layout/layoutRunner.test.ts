import { createShopGraph } from '../testdata/shopGraph';
import { forceLayout } from './forceLayout';
import { WORKER_NODE_THRESHOLD } from './layoutConfig';
import { createLayoutRunner } from './layoutRunner';
import { LayoutRequest, LayoutResult } from './layoutTypes';

function bigRequest(): LayoutRequest {
  const nodes = Array.from({ length: WORKER_NODE_THRESHOLD }, (_, i) => ({ id: `n${i}` }));
  const edges = nodes.slice(1).map((n, i) => ({ source: nodes[i].id, target: n.id }));
  return { nodes, edges, mode: 'force' };
}

describe('createLayoutRunner', () => {
  it('lays out small graphs synchronously', () => {
    const graph = createShopGraph();
    const request: LayoutRequest = { nodes: graph.nodes.map((n) => ({ id: n.id })), edges: graph.edges, mode: 'force' };
    const results: LayoutResult[] = [];
    createLayoutRunner().run(request, (r) => results.push(r));
    expect(results).toHaveLength(1);
    expect(results[0].positions).toEqual(forceLayout(request).positions);
  });

  it('falls back to the calling thread when the worker cannot be created', () => {
    const results: LayoutResult[] = [];
    const runner = createLayoutRunner(() => {
      throw new Error('blocked by CSP');
    });
    runner.run(bigRequest(), (r) => results.push(r));
    expect(results).toHaveLength(1);
    expect(Object.keys(results[0].positions)).toHaveLength(WORKER_NODE_THRESHOLD);
  });
});

describe('createLayoutRunner with a worker', () => {
  /** A stand-in Worker that records messages and listeners and answers when told to. */
  function fakeWorker() {
    const listeners = new Set<EventListener>();
    const posted: Array<{ id: number; request: LayoutRequest }> = [];
    const worker = {
      onmessage: null as ((event: MessageEvent) => void) | null,
      onerror: null as (() => void) | null,
      postMessage: (message: { id: number; request: LayoutRequest }) => posted.push(message),
      addEventListener: (_: string, listener: EventListener) => listeners.add(listener),
      removeEventListener: (_: string, listener: EventListener) => listeners.delete(listener),
      terminate: () => undefined,
    };
    const answer = (message: { id: number; request: LayoutRequest }) =>
      worker.onmessage?.({ data: { id: message.id, result: forceLayout(message.request) } } as MessageEvent);
    return { worker, posted, listeners, answer };
  }

  it('drops a stale answer, delivers the newest, and keeps one error listener however many runs', () => {
    const fake = fakeWorker();
    const runner = createLayoutRunner(() => fake.worker as unknown as Worker);
    const results: LayoutResult[] = [];
    const base = bigRequest();
    runner.run(base, (r) => results.push(r));
    const grown = { ...base, edges: [...base.edges, { source: 'n0', target: 'n7' }] };
    runner.run(grown, (r) => results.push(r));
    expect(fake.listeners.size).toBe(1);
    fake.answer(fake.posted[0]);
    expect(results).toHaveLength(0);
    fake.answer(fake.posted[1]);
    expect(results).toHaveLength(1);
    expect(results[0].positions).toEqual(forceLayout(grown).positions);
    runner.dispose();
    expect(fake.listeners.size).toBe(0);
  });
});
