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
});
