import { countCrossings, findNodesInForeignHulls, findOverlaps, measureHullOverlap } from './layoutQuality';

describe('layout quality measures', () => {
  const square = { a: { x: 0, y: 0 }, b: { x: 10, y: 10 }, c: { x: 0, y: 10 }, d: { x: 10, y: 0 } };

  it('counts crossing edges, not edges that share a node', () => {
    const edges = [
      { source: 'a', target: 'b' },
      { source: 'c', target: 'd' },
      { source: 'a', target: 'c' },
      { source: 'b', target: 'a' },
    ];
    expect(countCrossings(square, edges)).toBe(1);
  });

  it('finds nodes closer than their radii and the gap', () => {
    const radius = new Map([
      ['a', 4],
      ['b', 4],
      ['c', 4],
      ['d', 4],
    ]);
    expect(findOverlaps(square, radius, 1)).toEqual([]);
    expect(findOverlaps(square, radius, 3)).toEqual(['a~c 10.0', 'a~d 10.0', 'b~c 10.0', 'b~d 10.0']);
  });

  it('finds grouped nodes inside another group hull and the shared hull area', () => {
    const positions = {
      a: { x: 0, y: 0 },
      b: { x: 100, y: 0 },
      c: { x: 50, y: 0 },
      d: { x: 150, y: 0 },
      e: { x: 50, y: 1 },
    };
    const groups = new Map([
      ['a', 'one'],
      ['b', 'one'],
      ['c', 'two'],
      ['d', 'two'],
    ]);
    const radius = new Map<string, number>();
    expect(findNodesInForeignHulls(positions, groups, radius)).toEqual(['b in two', 'c in one']);
    expect(measureHullOverlap(positions, groups, radius)).toBeGreaterThan(0.2);
    const apart = { ...positions, c: { x: 500, y: 0 }, d: { x: 600, y: 0 } };
    expect(findNodesInForeignHulls(apart, groups, radius)).toEqual([]);
    expect(measureHullOverlap(apart, groups, radius)).toBe(0);
  });
});
