import { createShopGraph } from '../testdata/shopGraph';
import { testHealthRules } from '../testdata/shopScene';
import { readSqlNodeGraph } from '../testdata/sqlNodeGraph';
import { classifyHealth, classifyStatsHealth } from './health';

describe('classifyStatsHealth', () => {
  it('judges Kompas stats exactly as classifyHealth', () => {
    const graph = createShopGraph();
    for (const stats of [...graph.nodes, ...graph.edges]) {
      expect(classifyStatsHealth(stats, testHealthRules)).toBe(
        classifyHealth(stats.rate, stats.errorRate, stats.p95Ms, testHealthRules)
      );
    }
  });

  it('judges a foreign frame only by what it gave: error arcs colour, a bare mainstat is neutral, not idle', () => {
    const graph = readSqlNodeGraph();
    const health = Object.fromEntries(graph.nodes.map((n) => [n.id, classifyStatsHealth(n, testHealthRules)]));
    // arc__failed 0.1, 0.03, 0, 0, 0.4 against warn 1 % / critical 5 %.
    expect(health).toEqual({ fe: 2, api: 1, db: 0, cache: 0, ext: 2 });
    // Edges with only a unitless mainstat and a text secondarystat: nothing to judge, but traffic is there.
    expect(graph.edges.map((e) => classifyStatsHealth(e, testHealthRules))).toEqual([-2, -2, -2, -2]);
  });

  it('keeps known zero traffic idle and a row that says nothing idle', () => {
    const unknown = ['requests', 'failed', 'errorRate', 'p50Ms', 'p95Ms', 'p99Ms'] as const;
    const base = { rate: 0, requests: 0, errorRate: 0, p95Ms: 0 };
    expect(classifyStatsHealth({ ...base, unknownStats: [...unknown] }, testHealthRules)).toBe(-1);
    expect(classifyStatsHealth({ ...base, unknownStats: [...unknown, 'rate'] }, testHealthRules)).toBe(-1);
    expect(classifyStatsHealth({ ...base, rate: 4, meanMs: 2000, unknownStats: [...unknown] }, testHealthRules)).toBe(
      -2
    );
    const p95Only = { ...base, p95Ms: 1200, unknownStats: ['requests', 'failed', 'rate', 'errorRate'] as const };
    expect(classifyStatsHealth({ ...p95Only, unknownStats: [...p95Only.unknownStats] }, testHealthRules)).toBe(2);
  });
});
