import { overlayPositions } from './overlayPositions';

describe('overlayPositions', () => {
  const layout = { a: { x: 0, y: 0 }, b: { x: 10, y: 10 } };

  it('returns the layout itself when nothing overrides it', () => {
    expect(overlayPositions(layout, {})).toBe(layout);
  });

  it('puts pins and then the dragged node on top, ignoring unknown ids', () => {
    const merged = overlayPositions(layout, { a: { x: 5, y: 5 }, ghost: { x: 1, y: 1 } }, { id: 'b', x: 20, y: 30 });
    expect(merged).toEqual({ a: { x: 5, y: 5 }, b: { x: 20, y: 30 } });
    expect(layout.a).toEqual({ x: 0, y: 0 });
  });
});
