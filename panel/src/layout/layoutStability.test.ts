import recording from './testdata/demoTopologyChange.json';
import { createLayoutRunner } from './layoutRunner';
import { LayoutGraph, rememberLayoutResult, toLayoutRequest } from './layoutMemory';
import { LayoutResult, PositionMap, PreviousLayout } from './layoutTypes';

const steps = recording.steps;

/** A recorded step: nodes as [id, rate/s], edges as [source, target]. */
function toGraph(step: (typeof steps)[number]): LayoutGraph {
  return {
    nodes: step.nodes.map(([id, rate]) => ({ id: String(id), rate: Number(rate) })),
    edges: step.edges.map(([source, target]) => ({ source, target })),
  };
}

function width(positions: PositionMap): number {
  const xs = Object.values(positions).map((p) => p.x);
  return Math.max(...xs) - Math.min(...xs);
}

/** Feeds the recorded demo topologies through the runner the way the panel does; the results in order. */
function replay(): LayoutResult[] {
  const runner = createLayoutRunner();
  const results: LayoutResult[] = [];
  let previous: PreviousLayout | undefined;
  for (const step of steps) {
    const request = toLayoutRequest(toGraph(step), 'force', {}, previous);
    runner.run(request, (result) => {
      previous = rememberLayoutResult(previous, request, result);
      results.push(result);
    });
  }
  return results;
}

describe('layout stability over the demo topology change (window 5 min -> 15 s -> 5 min)', () => {
  const results = replay();
  // The map fills the view on the first load, so 2 % of the view is 2 % of the first map's width.
  const limit = 0.02 * width(results[0].positions);

  it('lays out every step warm after the first, never from scratch', () => {
    expect(results).toHaveLength(steps.length);
    expect(results[0].kind).toBe('cold');
    expect(results.slice(1).map((r) => r.kind)).not.toContain('cold');
  });

  it('puts every service that was shown before back where it was (less than 2 % of the view width)', () => {
    const lastSeen: PositionMap = {};
    const jumps: string[] = [];
    results.forEach((result, i) => {
      for (const [id, p] of Object.entries(result.positions)) {
        const q = lastSeen[id];
        if (q && Math.hypot(p.x - q.x, p.y - q.y) >= limit) {
          jumps.push(`step ${i} (${steps[i].atMs} ms) ${id} moved ${Math.hypot(p.x - q.x, p.y - q.y).toFixed(0)}`);
        }
      }
      Object.assign(lastSeen, result.positions);
    });
    expect(jumps).toEqual([]);
  });
});
