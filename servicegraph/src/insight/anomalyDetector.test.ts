/**
 * @jest-environment node
 */
import type { Graph, GraphEdge, GraphNode } from '../types';
import { AnomalyConfigError, createAnomalyDetector, type AnomalyFlag } from './anomalyDetector';
import { applyAnomalies } from './anomalyFlags';
import { describeAnomaly } from './anomalyReason';

const WINDOW_MS = 10_000;

function edge(id: string, requests: number, failed: number, p95Ms: number): GraphEdge {
  const [source, target] = id.split('->');
  const stats = { requests, failed, rate: requests / 10, errorRate: requests > 0 ? failed / requests : 0, p50Ms: p95Ms / 2, p95Ms, p99Ms: p95Ms * 1.2 };
  return { id, source, target, connectionType: '', ...stats };
}

function node(id: string, requests: number, failed: number, p95Ms: number): GraphNode {
  const { source: _source, target: _target, connectionType: _type, ...stats } = edge(`x->${id}`, requests, failed, p95Ms);
  return { ...stats, id, title: id, kind: 'service' };
}

/** Windows of an edge a -> b: `requests`, 1 % errors, p95 around 100 ms with ±10 % wobble. */
function normalWindow(i: number, requests = 300): Graph {
  const wobble = 1 + 0.1 * Math.sin(i * 1.7);
  return windowOf(requests, Math.round(requests * 0.01), 100 * wobble);
}

function windowOf(requests: number, failed: number, p95Ms: number): Graph {
  return { nodes: [node('b', requests, failed, p95Ms)], edges: [edge('a->b', requests, failed, p95Ms)] };
}

function feed(windows: Graph[], options = {}): AnomalyFlag[][] {
  const detector = createAnomalyDetector(options);
  return windows.map((graph, i) => detector.update(graph, i * WINDOW_MS));
}

describe('createAnomalyDetector', () => {
  it('stays quiet on steady traffic and flags a slow window with the reason in words', () => {
    const windows = Array.from({ length: 40 }, (_, i) => normalWindow(i));
    windows.push(windowOf(300, 3, 2300));
    const flags = feed(windows);
    expect(flags.slice(0, 40).flat()).toEqual([]);
    const last = flags[40];
    expect(last.map((f) => [f.element, f.id, f.metric])).toEqual([
      ['edge', 'a->b', 'p95'],
      ['node', 'b', 'p95'],
    ]);
    expect(last[0].reason).toMatch(/^p95 2\.3 s is 2\d× the usual 1\d\d ms$/);
    expect(last[0].windowStartMs).toBe(40 * WINDOW_MS);
    expect(last[0].score).toBeGreaterThan(6);
  });

  it('flags an error-rate jump and a traffic stop', () => {
    const windows = Array.from({ length: 30 }, (_, i) => normalWindow(i));
    windows.push(windowOf(300, 120, 100));
    windows.push({ nodes: [], edges: [] });
    const flags = feed(windows);
    expect(flags[30].map((f) => f.reason)).toEqual(['40 % of requests fail, usually 1 %', '40 % of requests fail, usually 1 %']);
    expect(flags[31].map((f) => [f.id, f.metric, f.reason])).toEqual([
      ['a->b', 'rate', 'no requests, usually 30 req/s'],
      ['b', 'rate', 'no requests, usually 30 req/s'],
    ]);
  });

  it('does not flag during warm-up, on low traffic, or below the minimum ratio', () => {
    const warmup = feed([normalWindow(0), windowOf(300, 200, 5000)]);
    expect(warmup.flat()).toEqual([]);
    const quiet = Array.from({ length: 30 }, (_, i) => normalWindow(i, 5));
    quiet.push(windowOf(5, 5, 9000));
    expect(feed(quiet).flat()).toEqual([]);
    const steady = Array.from({ length: 30 }, () => normalWindow(0));
    steady.push(windowOf(300, 3, 140));
    expect(feed(steady).flat()).toEqual([]);
  });

  it('is more sensitive with a lower sensitivity', () => {
    const windows = Array.from({ length: 30 }, (_, i) => normalWindow(i));
    windows.push(windowOf(300, 3, 190));
    expect(feed(windows, { sensitivity: 8 })[30]).toEqual([]);
    expect(feed(windows, { sensitivity: 3 })[30].map((f) => `${f.element} ${f.metric}`)).toEqual(['edge p95', 'node p95']);
  });

  it('keeps an ongoing incident flagged instead of learning it within a few windows', () => {
    const windows = Array.from({ length: 30 }, (_, i) => normalWindow(i));
    for (let i = 0; i < 10; i++) {
      windows.push(windowOf(300, 3, 2000));
    }
    const flags = feed(windows);
    expect(flags.slice(30).every((window) => window.some((f) => f.metric === 'p95'))).toBe(true);
  });

  it('forgets an element after it has been idle for forgetAfterWindows, and learns it afresh', () => {
    const windows = Array.from({ length: 30 }, (_, i) => normalWindow(i));
    for (let i = 0; i < 4; i++) {
      windows.push({ nodes: [], edges: [] });
    }
    windows.push(windowOf(300, 150, 100));
    const flags = feed(windows, { forgetAfterWindows: 3 });
    expect(flags[30].map((f) => f.metric)).toEqual(['rate', 'rate']);
    expect(flags[33]).toEqual([]);
    // Forgotten: the error burst on its return is the first value of a new warm-up, not a flag.
    expect(flags[34]).toEqual([]);
    expect(feed(windows, { forgetAfterWindows: 10 })[34].map((f) => f.metric)).toContain('errorRate');
  });

  it('rejects bad options with a message naming the option', () => {
    expect(() => createAnomalyDetector({ sensitivity: 0 })).toThrow(new AnomalyConfigError('anomaly detector: sensitivity must be a positive number, got 0'));
    expect(() => createAnomalyDetector({ alpha: 2 })).toThrow('alpha must be in (0, 1], got 2');
    expect(() => createAnomalyDetector({ warmupWindows: 1.5 })).toThrow('warmupWindows must be a whole number >= 1, got 1.5');
    expect(() => createAnomalyDetector({ minP95IncreaseMs: -1 })).toThrow('minP95IncreaseMs must be >= 0, got -1');
  });
});

describe('applyAnomalies', () => {
  it('sets the joined reasons on flagged elements only and leaves the input alone', () => {
    const graph: Graph = { nodes: [node('b', 10, 0, 5), node('c', 10, 0, 5)], edges: [edge('a->b', 10, 0, 5), edge('b->c', 10, 0, 5)] };
    const flag = (element: 'edge' | 'node', id: string, reason: string): AnomalyFlag => ({
      element,
      id,
      metric: 'p95',
      value: 1,
      usual: 1,
      score: 9,
      windowStartMs: 0,
      reason,
    });
    const out = applyAnomalies(graph, [flag('edge', 'a->b', 'slow'), flag('edge', 'a->b', 'failing'), flag('node', 'c', 'quiet')]);
    expect(out.edges.map((e) => e.anomaly)).toEqual(['slow; failing', undefined]);
    expect(out.nodes.map((n) => n.anomaly)).toEqual([undefined, 'quiet']);
    expect(graph.edges[0].anomaly).toBeUndefined();
    expect(out.edges[1]).toBe(graph.edges[1]);
  });
});

describe('describeAnomaly', () => {
  it('words each metric', () => {
    expect(describeAnomaly('p95', 2300, 110)).toBe('p95 2.3 s is 21× the usual 110 ms');
    expect(describeAnomaly('rate', 12, 4.2)).toBe('12 req/s is 2.9× the usual 4.2 req/s');
    expect(describeAnomaly('errorRate', 0.34, 0.005)).toBe('34 % of requests fail, usually 0.5 %');
  });
});

describe('consumer lag flags', () => {
  function messaging(i: number, lagP95Ms: number, requests = 15): Graph {
    const base = edge('orders->shipping', requests, 0, 20 * (1 + 0.1 * Math.sin(i)));
    return { nodes: [], edges: [{ ...base, id: 'orders->shipping#messaging_system', connectionType: 'messaging_system', lagP95Ms }] };
  }

  it('flags a messaging edge whose consumers fall behind, on thin traffic, with the lag in words', () => {
    const windows = Array.from({ length: 30 }, (_, i) => messaging(i, 90 * (1 + 0.5 * Math.sin(i * 2.3))));
    windows.push(messaging(30, 47_000));
    const flags = feed(windows);
    expect(flags.slice(0, 30).flat()).toEqual([]);
    expect(flags[30].map((f) => [f.id, f.metric])).toEqual([['orders->shipping#messaging_system', 'lagP95']]);
    expect(flags[30][0].reason).toMatch(/^consumer lag p95 47 s, usually \d+ ms$/);
  });

  it('ignores lag rises below minLagIncreaseMs and windows below minLagMessages', () => {
    const windows = Array.from({ length: 30 }, (_, i) => messaging(i, 20));
    windows.push(messaging(30, 900), messaging(31, 47_000, 3));
    expect(feed(windows).flat()).toEqual([]);
  });

  it('says it in words', () => {
    expect(describeAnomaly('lagP95', 47_000, 40)).toBe('consumer lag p95 47 s, usually 40 ms');
  });
});
