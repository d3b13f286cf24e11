import { createLabelPlacer } from './labelPlacer';

describe('createLabelPlacer', () => {
  it('rejects overlapping boxes, accepts disjoint ones and forgets on reset', () => {
    const placer = createLabelPlacer();
    expect(placer.tryPlace(0, 0, 100, 12)).toBe(true);
    expect(placer.tryPlace(90, 5, 50, 12)).toBe(false);
    expect(placer.tryPlace(101, 0, 50, 12)).toBe(true);
    placer.reserve(300, 300, 20, 20);
    expect(placer.tryPlace(310, 310, 5, 5)).toBe(false);
    placer.reset();
    expect(placer.tryPlace(90, 5, 50, 12)).toBe(true);
  });
});
