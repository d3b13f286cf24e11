import { RefObject, useCallback, useEffect, useRef, useState } from 'react';
import { SceneNode, ViewTransform } from '../render/sceneTypes';
import { clampZoom, FitInsets, fitView, zoomAt } from '../render/viewTransform';

// The legend covers the bottom ~30 px and a label line sits below each node; the controls sit at the top.
const FIT_INSETS: FitInsets = { top: 44, right: 36, bottom: 76, left: 36 };
import { PanelMemory, rememberView } from './panelMemory';
import { useLatest } from './useLatest';

export interface PanZoom {
  view: ViewTransform;
  zoomBy(factor: number, sx?: number, sy?: number): void;
  panBy(dx: number, dy: number): void;
  fit(): void;
  /** Centres a world point, zooming in to at least `minZoom`. */
  centreOn(x: number, y: number, minZoom?: number): void;
}

const WHEEL_SPEED = 0.0015;

/**
 * Zoom and pan of the map: wheel zoom around the pointer, pan by drag (the gesture hook calls panBy),
 * zoom-to-fit on the first data, on each new cold layout until the user moves the view, and on demand. The
 * view is kept across data refreshes and follows resizes by keeping the centre; a remount of the same panel
 * restores it.
 */
export function usePanZoom(
  canvasRef: RefObject<HTMLCanvasElement | null>,
  width: number,
  height: number,
  nodes: readonly SceneNode[],
  memory: PanelMemory,
  coldRuns = 0
): PanZoom {
  const [view, setView] = useState<ViewTransform>(() => memory.view ?? { x: width / 2, y: height / 2, k: 1 });
  const fitted = useRef(memory.view !== undefined);
  // Set by any zoom or pan the user makes: from then on only they (or the fit button) move the view.
  const userMoved = useRef(memory.view !== undefined);

  useEffect(() => {
    rememberView(memory, view);
  }, [memory, view]);
  const size = useRef({ width, height });
  const nodesRef = useLatest(nodes);

  const fit = useCallback(() => {
    setView(fitView(nodesRef.current, size.current.width, size.current.height, FIT_INSETS));
  }, [nodesRef]);

  useEffect(() => {
    if (!fitted.current && nodes.length > 0) {
      fitted.current = true;
      fit();
    }
  }, [nodes, fit]);

  useEffect(() => {
    if (coldRuns > 0 && !userMoved.current) {
      fit();
    }
  }, [coldRuns, fit]);

  useEffect(() => {
    const dx = (width - size.current.width) / 2;
    const dy = (height - size.current.height) / 2;
    size.current = { width, height };
    if (dx !== 0 || dy !== 0) {
      setView((v) => ({ ...v, x: v.x + dx, y: v.y + dy }));
    }
  }, [width, height]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) {
      return undefined;
    }
    // Not a React onWheel: it must be non-passive to stop the dashboard from scrolling.
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const rect = canvas.getBoundingClientRect();
      const factor = Math.exp(-event.deltaY * (event.deltaMode === 1 ? 16 : 1) * WHEEL_SPEED);
      userMoved.current = true;
      setView((v) => zoomAt(v, event.clientX - rect.left, event.clientY - rect.top, factor));
    };
    canvas.addEventListener('wheel', onWheel, { passive: false });
    return () => canvas.removeEventListener('wheel', onWheel);
  }, [canvasRef]);

  const zoomBy = useCallback((factor: number, sx?: number, sy?: number) => {
    userMoved.current = true;
    setView((v) => zoomAt(v, sx ?? size.current.width / 2, sy ?? size.current.height / 2, factor));
  }, []);

  const panBy = useCallback((dx: number, dy: number) => {
    userMoved.current = true;
    setView((v) => ({ ...v, x: v.x + dx, y: v.y + dy }));
  }, []);

  const centreOn = useCallback((x: number, y: number, minZoom = 1) => {
    userMoved.current = true;
    setView((v) => {
      const k = clampZoom(Math.max(v.k, minZoom));
      return { k, x: size.current.width / 2 - x * k, y: size.current.height / 2 - y * k };
    });
  }, []);

  return { view, zoomBy, panBy, fit, centreOn };
}
