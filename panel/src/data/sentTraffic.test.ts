import { servesNothing, summarizeSentTraffic } from './sentTraffic';
import { readGenaiGraph } from './testdata/genaiGraph';

describe('traffic a node sends', () => {
  const graph = readGenaiGraph();
  const user = graph.nodes.find((n) => n.id === 'user');

  it('sums the root client user outgoing edges, which its served stats (0) do not show', () => {
    expect(user && servesNothing(user)).toBe(true);
    const out = graph.edges.filter((e) => e.source === 'user');
    expect(out.length).toBeGreaterThan(0);
    const sent = summarizeSentTraffic(graph.edges, 'user');
    expect(sent).toEqual({
      requests: out.reduce((sum, e) => sum + e.requests, 0),
      failed: out.reduce((sum, e) => sum + e.failed, 0),
      rate: expect.closeTo(
        out.reduce((sum, e) => sum + e.rate, 0),
        9
      ),
      errorRate: expect.any(Number),
      callees: new Set(out.map((e) => e.target)).size,
    });
    expect(sent?.requests).toBeGreaterThan(0);
    expect(sent?.rate).toBeGreaterThan(0);
  });

  it('shows sent traffic exactly for the nodes nothing calls (here also services that only call out)', () => {
    const called = new Set(graph.edges.map((e) => e.target));
    const idle = graph.nodes.filter(servesNothing).map((n) => n.id);
    expect(idle).toEqual(graph.nodes.filter((n) => !called.has(n.id)).map((n) => n.id));
    expect(idle).toEqual(expect.arrayContaining(['user', 'coding-agent']));
    idle.forEach((id) => expect(summarizeSentTraffic(graph.edges, id)?.requests).toBeGreaterThan(0));
    const leaves = graph.nodes.filter((n) => !graph.edges.some((e) => e.source === n.id));
    expect(leaves.length).toBeGreaterThan(0);
    leaves.forEach((leaf) => expect(summarizeSentTraffic(graph.edges, leaf.id)).toBeUndefined());
  });

  it('works out the error share and ignores a node calling itself', () => {
    const edge = graph.edges[0];
    const edges = [
      { ...edge, source: 'web', target: 'api', requests: 90, failed: 9, rate: 1.5 },
      { ...edge, source: 'web', target: 'cdn', requests: 10, failed: 1, rate: 0.5 },
      { ...edge, source: 'web', target: 'web', requests: 500, failed: 0, rate: 9 },
    ];
    expect(summarizeSentTraffic(edges, 'web')).toEqual({
      requests: 100,
      failed: 10,
      rate: 2,
      errorRate: 0.1,
      callees: 2,
    });
  });
});
