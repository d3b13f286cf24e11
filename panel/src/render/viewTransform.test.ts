import { fitView, screenToWorld, shrinkInsets, zoomAt } from './viewTransform';

describe('view transform', () => {
  it('fits all nodes inside the viewport', () => {
    const points = [
      { x: -500, y: 0, radius: 10 },
      { x: 500, y: 300, radius: 10 },
    ];
    const view = fitView(points, 400, 300);
    for (const p of points) {
      const sx = p.x * view.k + view.x;
      const sy = p.y * view.k + view.y;
      expect(sx).toBeGreaterThanOrEqual(0);
      expect(sx).toBeLessThanOrEqual(400);
      expect(sy).toBeGreaterThanOrEqual(0);
      expect(sy).toBeLessThanOrEqual(300);
    }
  });

  it('keeps the point under the pointer fixed while zooming', () => {
    const view = { x: 30, y: -20, k: 0.8 };
    const before = screenToWorld(view, 120, 90);
    const after = screenToWorld(zoomAt(view, 120, 90, 1.7), 120, 90);
    expect(after.x).toBeCloseTo(before.x);
    expect(after.y).toBeCloseTo(before.y);
  });
});

describe('fitView with uneven insets', () => {
  it('keeps the fitted points inside the free area, e.g. above a legend', () => {
    const points = [
      { x: -100, y: -50, radius: 5 },
      { x: 100, y: 50, radius: 5 },
    ];
    const insets = { top: 40, right: 30, bottom: 80, left: 30 };
    const view = fitView(points, 400, 300, insets);
    for (const p of points) {
      const sy = p.y * view.k + view.y;
      const sx = p.x * view.k + view.x;
      expect(sy + p.radius * view.k).toBeLessThanOrEqual(300 - insets.bottom + 0.001);
      expect(sy - p.radius * view.k).toBeGreaterThanOrEqual(insets.top - 0.001);
      expect(sx).toBeGreaterThanOrEqual(insets.left);
      expect(sx).toBeLessThanOrEqual(400 - insets.right);
    }
  });
});

describe('fitView on a panel smaller than its insets', () => {
  it('shrinks the insets so the map keeps 40 % of each side and stays inside the panel', () => {
    const points = [
      { x: -100, y: -50, radius: 5 },
      { x: 100, y: 50, radius: 5 },
    ];
    const view = fitView(points, 100, 80, { top: 44, right: 36, bottom: 76, left: 36 });
    expect(view.k).toBeGreaterThan(0);
    const xs = points.map((p) => p.x * view.k + view.x);
    const ys = points.map((p) => p.y * view.k + view.y);
    expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThanOrEqual(0.4 * 100 - 5);
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...ys)).toBeLessThanOrEqual(80);
  });

  it('leaves insets that fit alone', () => {
    const insets = { top: 36, right: 24, bottom: 44, left: 24 };
    expect(shrinkInsets(insets, 420, 200)).toEqual(insets);
  });
});
