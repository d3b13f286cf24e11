import { createShopScene } from '../testdata/shopScene';
import { pointOnEdge } from './edgeGeometry';
import { createHitIndex, findEdgeAt, findNodeAt } from './hitTest';

describe('hit testing', () => {
  const scene = createShopScene();
  const index = createHitIndex(scene);

  it('finds the node under a point inside its radius', () => {
    for (const node of scene.nodes) {
      expect(findNodeAt(index, node.x + node.radius * 0.7, node.y)?.id).toBe(node.id);
    }
  });

  it('finds the big node under the pointer though a small neighbour’s centre is nearer', () => {
    const big = { ...scene.nodes[0], id: 'big', x: 0, y: 0, radius: 26 };
    const small = { ...scene.nodes[0], id: 'small', x: 34, y: 0, radius: 8 };
    const pair = createHitIndex({ ...scene, nodes: [big, small] });
    // 20 units right of big's centre: 6 inside big, 6 outside small (whose centre is 14 away, nearer than 20).
    expect(findNodeAt(pair, 20, 0)?.id).toBe('big');
    expect(findNodeAt(pair, 30, 0)?.id).toBe('small');
    expect(findNodeAt(pair, 0, 40)).toBeUndefined();
    expect(findNodeAt(pair, 0, 40, 16)?.id).toBe('big');
  });

  it('finds nothing far from every node', () => {
    const maxX = Math.max(...scene.nodes.map((n) => n.x + n.radius));
    expect(findNodeAt(index, maxX + 200, 0)).toBeUndefined();
  });

  it('finds an edge at its midpoint, including curved two-way edges', () => {
    const point = { x: 0, y: 0 };
    for (const id of ['frontend->cart', 'checkout->payments', 'payments->checkout']) {
      const edge = scene.edges.find((e) => e.id === id)!;
      pointOnEdge(edge, 0.5, point);
      expect(findEdgeAt(scene, point.x, point.y, 3)?.id).toBe(id);
    }
  });
});
