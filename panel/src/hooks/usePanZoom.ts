import { RefObject, useCallback, useEffect, useRef, useState } from 'react';
import { SceneNode, ViewTransform } from '../render/sceneTypes';
import { chooseColdLayoutMove, centreView, ViewOwner } from '../render/viewOwner';
import { FitInsets, fitView, zoomAt } from '../render/viewTransform';
import { PanelMemory, rememberView } from './panelMemory';
import { useLatest } from './useLatest';

// The legend covers the bottom ~30 px and a label line sits below each node; the controls sit at the top.
const FIT_INSETS: FitInsets = { top: 44, right: 36, bottom: 76, left: 36 };

export interface PanZoom {
  view: ViewTransform;
  zoomBy(factor: number, sx?: number, sy?: number): void;
  panBy(dx: number, dy: number): void;
  fit(): void;
  /**
   * Centres a world point, zooming in to at least `minZoom`. With `focusNodeId` (the dashboard's focus variable)
   * the view then follows that node through new cold layouts until the user moves it; without, it is the user's.
   */
  centreOn(x: number, y: number, minZoom?: number, focusNodeId?: string): void;
}

const WHEEL_SPEED = 0.0015;

/**
 * Zoom and pan of the map: wheel zoom around the pointer, pan by drag (the gesture hook calls panBy),
 * zoom-to-fit on the first data, on each new cold layout until the user moves the view (or a focus centres a
 * node: then cold layouts re-centre that node instead), and on demand. The
 * view is kept across data refreshes; a resize refits it until the user (or a focus) moved it, then keeps its
 * centre; a remount of the same panel restores it.
 */
export function usePanZoom(
  canvasRef: RefObject<HTMLCanvasElement | null>,
  width: number,
  height: number,
  nodes: ReadonlyArray<Pick<SceneNode, 'id' | 'x' | 'y' | 'radius'>>,
  memory: PanelMemory,
  coldRuns = 0,
  /** What the overlays cover: a fit places the map in the rest (they differ with the panel size). */
  fitInsets: FitInsets = FIT_INSETS
): PanZoom {
  const [view, setView] = useState<ViewTransform>(() => memory.view ?? { x: width / 2, y: height / 2, k: 1 });
  const fitted = useRef(memory.view !== undefined);
  // 'user' after any zoom or pan the user makes: from then on only they (or the fit button) move the view.
  const owner = useRef<ViewOwner>(memory.view !== undefined ? 'user' : 'auto');
  const focus = useRef<{ id: string; minZoom: number } | undefined>(undefined);

  useEffect(() => {
    rememberView(memory, view);
  }, [memory, view]);
  const size = useRef({ width, height });
  const nodesRef = useLatest(nodes);
  const insetsRef = useLatest(fitInsets);

  const fitNodes = useCallback(() => {
    setView(fitView(nodesRef.current, size.current.width, size.current.height, insetsRef.current));
  }, [nodesRef, insetsRef]);

  // The fit button shows the whole map, also in place of a focus: later cold layouts keep it fitted.
  const fit = useCallback(() => {
    if (owner.current === 'focus') {
      owner.current = 'auto';
    }
    fitNodes();
  }, [fitNodes]);

  useEffect(() => {
    if (!fitted.current && nodes.length > 0) {
      fitted.current = true;
      fitNodes();
    }
  }, [nodes, fitNodes]);

  // A cold layout places every node afresh (a young stream map re-lays out late backfill): the focused node
  // moves too, so a focus is re-centred, never replaced by a fit of the whole map.
  useEffect(() => {
    if (coldRuns === 0) {
      return;
    }
    const focused = owner.current === 'focus' ? nodesRef.current.find((n) => n.id === focus.current?.id) : undefined;
    const move = chooseColdLayoutMove(owner.current, focused !== undefined);
    if (move === 'fit') {
      fitNodes();
    } else if (move === 'centre' && focused && focus.current) {
      const minZoom = focus.current.minZoom;
      setView((v) => centreView(v, focused.x, focused.y, size.current.width, size.current.height, minZoom));
    }
  }, [coldRuns, fitNodes, nodesRef]);

  // A resize refits a map the panel placed itself; a view the user or a focus placed keeps its centre.
  useEffect(() => {
    const dx = (width - size.current.width) / 2;
    const dy = (height - size.current.height) / 2;
    size.current = { width, height };
    if (dx === 0 && dy === 0) {
      return;
    }
    if (owner.current === 'auto' && fitted.current) {
      fitNodes();
    } else {
      setView((v) => ({ ...v, x: v.x + dx, y: v.y + dy }));
    }
  }, [width, height, fitNodes]);

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
      owner.current = 'user';
      setView((v) => zoomAt(v, event.clientX - rect.left, event.clientY - rect.top, factor));
    };
    canvas.addEventListener('wheel', onWheel, { passive: false });
    return () => canvas.removeEventListener('wheel', onWheel);
  }, [canvasRef]);

  const zoomBy = useCallback((factor: number, sx?: number, sy?: number) => {
    owner.current = 'user';
    setView((v) => zoomAt(v, sx ?? size.current.width / 2, sy ?? size.current.height / 2, factor));
  }, []);

  const panBy = useCallback((dx: number, dy: number) => {
    owner.current = 'user';
    setView((v) => ({ ...v, x: v.x + dx, y: v.y + dy }));
  }, []);

  const centreOn = useCallback((x: number, y: number, minZoom = 1, focusNodeId?: string) => {
    owner.current = focusNodeId === undefined ? 'user' : 'focus';
    focus.current = focusNodeId === undefined ? undefined : { id: focusNodeId, minZoom };
    setView((v) => centreView(v, x, y, size.current.width, size.current.height, minZoom));
  }, []);

  return { view, zoomBy, panBy, fit, centreOn };
}
