import { placeTooltip } from './placeTooltip';

describe('placeTooltip', () => {
  const size = { w: 180, h: 200 };

  it('sits right of and below the pointer where there is room', () => {
    expect(placeTooltip(100, 100, size, 800, 600)).toEqual({ left: 114, top: 114 });
  });

  it('flips left and up near the panel’s right and bottom edges instead of being cut off', () => {
    const { left, top } = placeTooltip(760, 560, size, 800, 600);
    expect(left + size.w).toBeLessThanOrEqual(760);
    expect(top + size.h).toBeLessThanOrEqual(560);
  });

  it('stays inside a panel too small for either side', () => {
    const { left, top } = placeTooltip(100, 80, size, 220, 240);
    expect(left).toBeGreaterThanOrEqual(0);
    expect(left + size.w).toBeLessThanOrEqual(220);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top + size.h).toBeLessThanOrEqual(240);
  });
});
