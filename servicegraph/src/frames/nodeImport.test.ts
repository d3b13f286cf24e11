/**
 * @jest-environment node
 */
// The collector and the CLI run in Node, where the runtime module of @grafana/data crashes (it touches
// `window`). The frames code must therefore use types only from it; this suite runs without a DOM to prove it.
import { fromNodeGraphFrames, isGraphFramesError } from './fromNodeGraphFrames';
import { shopGraph } from './testGraphs';
import { toNodeGraphFrames } from './toNodeGraphFrames';

describe('frames in Node (no DOM)', () => {
  it('builds and reads frames without loading the @grafana/data runtime', () => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
    const result = fromNodeGraphFrames(toNodeGraphFrames(shopGraph()));
    expect(isGraphFramesError(result)).toBe(false);
  });
});
