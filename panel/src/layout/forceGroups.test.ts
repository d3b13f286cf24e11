import { SERVICES } from '../../../demo/src/topology';
import recording from './testdata/demoTopologyChange.json';
import { forceLayout } from './forceLayout';
import { LayoutGraph, NodeGrouping, rememberLayoutResult, toLayoutRequest } from './layoutMemory';
import { findNodesInForeignHulls, measureHullOverlap } from './layoutQuality';
import { LayoutRequest, PreviousLayout } from './layoutTypes';

const steps = recording.steps;
/** The demo shop's service.namespace per service, as the hulls of a map grouped by namespace show them. */
const namespaces: NodeGrouping = { field: 'namespace', groups: new Map(SERVICES.map((s) => [s.name, s.namespace])) };

function toGraph(step: (typeof steps)[number]): LayoutGraph {
  return {
    nodes: step.nodes.map(([id, rate]) => ({ id: String(id), rate: Number(rate) })),
    edges: step.edges.map(([source, target]) => ({ source, target })),
  };
}

function radii(request: LayoutRequest): Map<string, number> {
  return new Map(request.nodes.map((n) => [n.id, n.radius ?? 0]));
}

describe('group clustering in the force layout (the groups the hulls show)', () => {
  it('takes the groups from the grouping the hulls use, not from the graph', () => {
    const request = toLayoutRequest(toGraph(steps[0]), 'force', {}, undefined, namespaces);
    expect(request.nodes.find((n) => n.id === 'checkout')?.group).toBe('checkout');
    expect(request.nodes.find((n) => n.id === 'redis-cache')?.group).toBeUndefined();
    expect(request.grouping).toBe('namespace');
    expect(toLayoutRequest(toGraph(steps[0]), 'force', {}).nodes.every((n) => n.group === undefined)).toBe(true);
  });

  it('lays the demo shop out with its namespaces apart (before: 24 services inside another hull, 41 % shared area)', () => {
    const request = toLayoutRequest(toGraph(steps[0]), 'force', {}, undefined, namespaces);
    const { positions } = forceLayout(request);
    const groups = namespaces.groups ?? new Map<string, string>();
    expect(findNodesInForeignHulls(positions, groups, radii(request))).toEqual([]);
    expect(measureHullOverlap(positions, groups, radii(request))).toBeLessThan(0.03);
  });

  it('keeps the groups apart through the warm re-layouts of the demo topology change', () => {
    let previous: PreviousLayout | undefined;
    const worst = steps.map((step) => {
      const request = toLayoutRequest(toGraph(step), 'force', {}, previous, namespaces);
      const result = forceLayout(request);
      previous = rememberLayoutResult(previous, request, result);
      return findNodesInForeignHulls(result.positions, namespaces.groups ?? new Map(), radii(request)).length;
    });
    expect(Math.max(...worst)).toBeLessThanOrEqual(1);
  });

  it('lays the map out afresh when the grouping field changes, warm while it stays', () => {
    const request = toLayoutRequest(toGraph(steps[0]), 'force', {}, undefined, namespaces);
    const memory = rememberLayoutResult(undefined, request, forceLayout(request));
    expect(forceLayout(toLayoutRequest(toGraph(steps[0]), 'force', {}, memory, namespaces)).kind).toBe('unchanged');
    const byTeam: NodeGrouping = { field: 'team', groups: new Map([['checkout', 'a']]) };
    expect(forceLayout(toLayoutRequest(toGraph(steps[0]), 'force', {}, memory, byTeam)).kind).toBe('cold');
  });
});
