import { levelOfDetail } from './lod';

describe('levelOfDetail', () => {
  it('cuts detail as the map zooms out', () => {
    const near = levelOfDetail(2, 'normal');
    const far = levelOfDetail(0.1, 'normal');
    expect(near.shapes && near.arrows && near.edgeLabels).toBe(true);
    expect(far.shapes || far.arrows || far.edgeLabels).toBe(false);
    expect(far.particleStride).toBeGreaterThan(near.particleStride);
  });

  it('follows label density', () => {
    expect(levelOfDetail(2, 'none').maxLabels).toBe(0);
    expect(levelOfDetail(2, 'high').maxLabels).toBeGreaterThan(levelOfDetail(2, 'low').maxLabels);
    expect(levelOfDetail(0.9, 'high').edgeLabels).toBe(true);
    expect(levelOfDetail(0.9, 'low').edgeLabels).toBe(false);
  });

  it('keeps shapes and titles on a small map zoomed out to fit, dots only for big ones', () => {
    const small = levelOfDetail(0.3, 'normal', 53);
    const big = levelOfDetail(0.3, 'normal', 2000);
    expect(small.shapes && small.arrows).toBe(true);
    expect(big.shapes || big.arrows).toBe(false);
    expect(small.nodeLabelMinRadius).toBeLessThan(big.nodeLabelMinRadius);
    expect(levelOfDetail(0.1, 'normal', 53).shapes).toBe(false);
    expect(levelOfDetail(0.3, 'none', 53).nodeLabelMinRadius).toBe(Infinity);
  });
});
