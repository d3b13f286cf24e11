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
