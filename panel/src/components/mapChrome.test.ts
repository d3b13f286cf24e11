import { chooseMapChrome } from './mapChrome';

describe('chooseMapChrome', () => {
  it('keeps the full legend and search field on a dashboard-sized panel', () => {
    expect(chooseMapChrome(1000, 500).size).toBe('full');
  });

  it('goes compact on a small panel and fits into more of it than the full insets leave', () => {
    const small = chooseMapChrome(420, 200);
    expect(small.size).toBe('compact');
    const full = chooseMapChrome(1000, 500).fitInsets;
    expect(small.fitInsets.top + small.fitInsets.bottom).toBeLessThan(full.top + full.bottom);
    // Still clear of the one-line legend (about 26 px) with a label line under the lowest nodes.
    expect(small.fitInsets.bottom).toBeGreaterThanOrEqual(40);
  });

  it('hides the legend behind an icon on a tiny panel, and needs no legend room without a legend', () => {
    expect(chooseMapChrome(300, 200).size).toBe('tiny');
    expect(chooseMapChrome(600, 150).size).toBe('tiny');
    expect(chooseMapChrome(420, 200, false).fitInsets.bottom).toBeLessThan(chooseMapChrome(420, 200).fitInsets.bottom);
  });
});
