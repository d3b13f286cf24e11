import { centreView, chooseColdLayoutMove } from './viewOwner';
import { MAX_ZOOM } from './viewTransform';

describe('chooseColdLayoutMove', () => {
  it('refits a map nobody has placed yet', () => {
    expect(chooseColdLayoutMove('auto', false)).toBe('fit');
    expect(chooseColdLayoutMove('auto', true)).toBe('fit');
  });

  it('re-centres the focused node instead of fitting the whole map (an alert link keeps its focus)', () => {
    expect(chooseColdLayoutMove('focus', true)).toBe('centre');
  });

  it('keeps a focus view while the focused node is not on the map (it left the graph for a while)', () => {
    expect(chooseColdLayoutMove('focus', false)).toBe('keep');
  });

  it('keeps a view the user placed', () => {
    expect(chooseColdLayoutMove('user', true)).toBe('keep');
    expect(chooseColdLayoutMove('user', false)).toBe('keep');
  });
});

describe('centreView', () => {
  const screenOf = (view: { x: number; y: number; k: number }, x: number, y: number) => [
    x * view.k + view.x,
    y * view.k + view.y,
  ];

  it('puts the world point in the middle of the panel, zoomed in to the minimum zoom', () => {
    const view = centreView({ x: 10, y: 20, k: 0.5 }, -130, 55, 1000, 460, 1);
    expect(view.k).toBe(1);
    expect(screenOf(view, -130, 55)).toEqual([500, 230]);
  });

  it('keeps a closer zoom than the minimum, and the zoom limit', () => {
    expect(centreView({ x: 0, y: 0, k: 3 }, 0, 0, 100, 100, 1).k).toBe(3);
    expect(centreView({ x: 0, y: 0, k: 1 }, 0, 0, 100, 100, 99).k).toBe(MAX_ZOOM);
  });
});
