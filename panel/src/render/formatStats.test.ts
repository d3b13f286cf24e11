import { createShopGraph } from '../testdata/shopGraph';
import { readSqlNodeGraph } from '../testdata/sqlNodeGraph';
import { formatEdgeLabel, formatEdgeLabelShort, formatRawStat } from './formatStats';

describe('edge labels', () => {
  it('use one format: the short form is a part of the full one, same separators, p95 marked', () => {
    const stats = { rate: 2.5, errorRate: 0.012, p95Ms: 3.2 };
    expect(formatEdgeLabel(stats)).toBe('2.5/s · 1.2% · p95 3.2 ms');
    expect(formatEdgeLabelShort(stats, true)).toBe('1.2% · p95 3.2 ms');
    expect(formatEdgeLabelShort({ ...stats, errorRate: 0 }, true)).toBe('p95 3.2 ms');
    expect(formatEdgeLabelShort(stats, false)).toBe('2.5/s');
    for (const edge of createShopGraph().edges) {
      const full = formatEdgeLabel(edge);
      for (const unhealthy of [false, true]) {
        const parts = formatEdgeLabelShort(edge, unhealthy).split(' · ');
        expect(parts.every((part) => full.split(' · ').includes(part))).toBe(true);
      }
    }
  });

  it('show only the numbers a foreign frame gave, else its raw stats, never invented zeros', () => {
    const graph = readSqlNodeGraph();
    const labels = graph.edges.map((edge) => formatEdgeLabel(edge));
    expect(labels).toEqual(['80.1 · 12 ms', '50 · 40 ms', '30 · 1 ms', '5 · 900 ms']);
    expect(labels.join(' ')).not.toMatch(/0\/s|0%|p95/);
    expect(formatEdgeLabelShort(graph.edges[0], false)).toBe('80.1');
    const tempoLike = {
      rate: 10,
      errorRate: 0,
      p95Ms: 0,
      meanMs: 40,
      unknownStats: ['errorRate' as const, 'p95Ms' as const],
    };
    expect(formatEdgeLabel(tempoLike)).toBe('10/s · avg 40 ms');
    expect(formatEdgeLabel({ rate: 0, errorRate: 0, p95Ms: 0, unknownStats: ['rate', 'errorRate', 'p95Ms'] })).toBe('');
  });

  it('format raw stats with their field unit', () => {
    expect(formatRawStat({ label: 'Payload', value: 2048, unit: 'bytes' })).toBe('2 KiB');
    expect(formatRawStat({ label: 'x', value: 1.5, unit: 'r/sec' })).toBe('1.50 r/sec');
    expect(formatRawStat({ label: 'x', value: '3 ms' })).toBe('3 ms');
  });
});
