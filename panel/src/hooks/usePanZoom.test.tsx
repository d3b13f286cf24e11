import { act, renderHook } from '@testing-library/react';
import { SceneNode } from '../render/sceneTypes';
import { PanelMemory } from './panelMemory';
import { usePanZoom } from './usePanZoom';

type MapNode = Pick<SceneNode, 'id' | 'x' | 'y' | 'radius'>;

const WIDTH = 1000;
const HEIGHT = 460;

/** A map of three services; `payments` at (px, py), the others far apart, as a cold layout places them. */
function mapWith(px: number, py: number): MapNode[] {
  return [
    { id: 'payments', x: px, y: py, radius: 12 },
    { id: 'gateway', x: -600, y: -200, radius: 12 },
    { id: 'catalog-db', x: 700, y: 250, radius: 12 },
  ];
}

function renderPanZoom(memory: PanelMemory = {}) {
  return renderHook(
    ({ nodes, coldRuns }: { nodes: MapNode[]; coldRuns: number }) =>
      usePanZoom({ current: null }, WIDTH, HEIGHT, nodes, memory, coldRuns),
    {
      initialProps: { nodes: mapWith(-130, -55), coldRuns: 1 },
    }
  );
}

function screenOf(view: { x: number; y: number; k: number }, node: MapNode): [number, number] {
  return [node.x * view.k + view.x, node.y * view.k + view.y];
}

describe('usePanZoom with a focused node (?var-focus=payments)', () => {
  it('re-centres the focused node when a cold re-layout moves it, instead of keeping its old place', () => {
    const { result, rerender } = renderPanZoom();
    const first = mapWith(-130, -55);
    act(() => result.current.centreOn(first[0].x, first[0].y, 1, 'payments'));
    expect(screenOf(result.current.view, first[0])).toEqual([WIDTH / 2, HEIGHT / 2]);

    // The young map lays out a late backfill arrival from scratch: payments lands somewhere else.
    const relaid = mapWith(240, 130);
    rerender({ nodes: relaid, coldRuns: 2 });
    expect(screenOf(result.current.view, relaid[0])).toEqual([WIDTH / 2, HEIGHT / 2]);
    expect(result.current.view.k).toBeGreaterThanOrEqual(1);
  });

  it('never replaces the focus by a fit of the whole map on a cold layout', () => {
    const { result, rerender } = renderPanZoom();
    act(() => result.current.centreOn(-130, -55, 1, 'payments'));
    const focusZoom = result.current.view.k;
    rerender({ nodes: mapWith(-130, -55), coldRuns: 2 });
    expect(result.current.view.k).toBe(focusZoom);
    expect(screenOf(result.current.view, mapWith(-130, -55)[0])).toEqual([WIDTH / 2, HEIGHT / 2]);
  });

  it('leaves the view where the user put it once they pan, focus or not', () => {
    const { result, rerender } = renderPanZoom();
    act(() => result.current.centreOn(-130, -55, 1, 'payments'));
    act(() => result.current.panBy(40, -10));
    const panned = result.current.view;
    rerender({ nodes: mapWith(240, 130), coldRuns: 2 });
    expect(result.current.view).toEqual(panned);
  });

  it('fits the whole map again on cold layouts after the fit button replaced the focus', () => {
    const { result, rerender } = renderPanZoom();
    act(() => result.current.centreOn(-130, -55, 1, 'payments'));
    act(() => result.current.fit());
    const fitted = result.current.view;
    expect(fitted.k).toBeLessThan(1);
    const wider = [...mapWith(240, 130), { id: 'stripe', x: 1400, y: 0, radius: 12 }];
    rerender({ nodes: wider, coldRuns: 2 });
    expect(result.current.view.k).toBeLessThan(fitted.k);
  });
});

describe('usePanZoom without a focus', () => {
  it('fits the first map and refits it on each cold layout until the user moves it', () => {
    const { result, rerender } = renderPanZoom();
    const firstFit = result.current.view;
    expect(firstFit.k).toBeLessThan(1);
    rerender({ nodes: [...mapWith(-130, -55), { id: 'stripe', x: 1400, y: 0, radius: 12 }], coldRuns: 2 });
    expect(result.current.view.k).toBeLessThan(firstFit.k);
    act(() => result.current.zoomBy(1.25));
    const zoomed = result.current.view;
    rerender({ nodes: mapWith(-130, -55), coldRuns: 3 });
    expect(result.current.view).toEqual(zoomed);
  });
});

describe('usePanZoom on a panel resize', () => {
  function renderSized(memory: PanelMemory = {}) {
    return renderHook(
      ({ width, height }: { width: number; height: number }) =>
        usePanZoom({ current: null }, width, height, mapWith(-130, -55), memory, 1),
      { initialProps: { width: WIDTH, height: HEIGHT } }
    );
  }

  it('refits a map the panel fitted itself, so a bigger panel shows a bigger map', () => {
    const { result, rerender } = renderSized();
    const before = result.current.view.k;
    rerender({ width: WIDTH * 2, height: HEIGHT * 2 });
    expect(result.current.view.k).toBeGreaterThan(before * 1.5);
  });

  it('keeps the zoom and the centre of a view the user moved', () => {
    const { result, rerender } = renderSized();
    act(() => result.current.zoomBy(1.5));
    const zoomed = result.current.view;
    rerender({ width: WIDTH + 200, height: HEIGHT + 100 });
    expect(result.current.view).toEqual({ k: zoomed.k, x: zoomed.x + 100, y: zoomed.y + 50 });
  });
});
