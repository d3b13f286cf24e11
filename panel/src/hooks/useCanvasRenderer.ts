import { RefObject, useEffect, useLayoutEffect, useState } from 'react';
import type { InsightOverlay } from '../insight/insightOverlay';
import type { LabelDensity } from '../types';
import { FrameState } from '../render/frameState';
import { createLabelPlacer } from '../render/labelPlacer';
import { createLayeredDraw, LayerCanvas } from '../render/layeredDraw';
import { levelOfDetail } from '../render/lod';
import { Highlight, Scene, SceneTheme, ViewTransform } from '../render/sceneTypes';
import { visibleWorldRect } from '../render/viewTransform';

export interface RenderInputs {
  scene: Scene;
  view: ViewTransform;
  width: number;
  height: number;
  theme: SceneTheme;
  labelDensity: LabelDensity;
  /** Particles move only when true (option on, no reduced motion, panel visible). */
  animate: boolean;
  animationSpeed: number;
  highlight?: Highlight;
  selectedNodeId?: string;
  hoveredNodeId?: string;
  hoveredEdgeId?: string;
  insight?: InsightOverlay;
}

export interface RenderLoop {
  /** New inputs: the still layers are redrawn only if something they show changed, then a frame is drawn. */
  setInputs(inputs: RenderInputs): void;
  invalidate(): void;
  dispose(): void;
}

/**
 * Whether the still layers show something else with `next`: a re-render that only moves the tooltip (a pointer
 * move over the same node) or changes the animation keeps them, and so does a new view (pan, zoom): the layers
 * follow it moved and redraw themselves once it rests (createLayeredDraw).
 */
export function changesStillLayers(previous: RenderInputs | undefined, next: RenderInputs): boolean {
  return (
    previous === undefined ||
    previous.scene !== next.scene ||
    previous.width !== next.width ||
    previous.height !== next.height ||
    previous.theme !== next.theme ||
    previous.labelDensity !== next.labelDensity ||
    previous.highlight !== next.highlight ||
    previous.selectedNodeId !== next.selectedNodeId ||
    previous.hoveredNodeId !== next.hoveredNodeId ||
    previous.hoveredEdgeId !== next.hoveredEdgeId ||
    previous.insight !== next.insight
  );
}

/** Culling margin in px, so edges and labels entering the view are already drawn. */
const CULL_MARGIN = 40;
/** Longest particle step (ms): after a pause (hidden tab) particles continue instead of teleporting. */
const MAX_STEP_MS = 100;

export interface RenderLoopOptions {
  /** Where the still layers are cached (a new page canvas by default). */
  createLayerCanvas?: () => LayerCanvas;
  /** A frame failed to draw (`message`), or drew again after failing (`undefined`); called on those changes only. */
  onDrawError?: (message: string | undefined) => void;
}

function frameFor(inputs: RenderInputs, dpr: number, timeSec: number): FrameState {
  const { view, width, height, animate } = inputs;
  return {
    view,
    width,
    height,
    dpr,
    timeSec,
    animate,
    lod: levelOfDetail(view.k, inputs.labelDensity, inputs.scene.nodes.length),
    labelDensity: inputs.labelDensity,
    theme: inputs.theme,
    visible: visibleWorldRect(view, width, height, CULL_MARGIN),
    highlight: inputs.highlight,
    selectedNodeId: inputs.selectedNodeId,
    hoveredNodeId: inputs.hoveredNodeId,
    hoveredEdgeId: inputs.hoveredEdgeId,
    insight: inputs.insight,
  };
}

/**
 * The drawing loop of one canvas. A frame that throws (a scene the renderer cannot draw) is reported once and
 * does not end the loop: the next animation frame, or the next input without animation, tries again.
 */
export function createRenderLoop(
  canvasRef: RefObject<HTMLCanvasElement | null>,
  options: RenderLoopOptions = {}
): RenderLoop {
  const { createLayerCanvas = () => document.createElement('canvas'), onDrawError } = options;
  const layers = createLayeredDraw(createLayerCanvas, createLabelPlacer());
  let inputs: RenderInputs | undefined;
  let request = 0;
  let settleTimer: ReturnType<typeof setTimeout> | undefined;
  let timeSec = 0;
  let lastMs = 0;
  let failing = false;

  const drawFrame = (canvas: HTMLCanvasElement, ctx: CanvasRenderingContext2D, current: RenderInputs) => {
    const dpr = window.devicePixelRatio || 1;
    const pixelWidth = Math.round(current.width * dpr);
    const pixelHeight = Math.round(current.height * dpr);
    if (canvas.width !== pixelWidth || canvas.height !== pixelHeight) {
      canvas.width = pixelWidth;
      canvas.height = pixelHeight;
    }
    const now = performance.now();
    if (current.animate && lastMs > 0) {
      timeSec += (Math.min(MAX_STEP_MS, now - lastMs) / 1000) * current.animationSpeed;
    }
    lastMs = current.animate ? now : 0;
    const settleInMs = layers.draw(ctx, current.scene, frameFor(current, dpr, timeSec), now);
    // Without the animation loop, a frame of its own redraws the layers at the view once it rests.
    if (settleInMs !== undefined && !current.animate) {
      settleTimer = setTimeout(requestFrame, settleInMs + 1);
    }
  };

  const draw = () => {
    request = 0;
    clearTimeout(settleTimer);
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    const current = inputs;
    if (!canvas || !ctx || !current) {
      return;
    }
    // Asked first, so that a throwing frame cannot end the animation.
    if (current.animate) {
      request = requestAnimationFrame(draw);
    }
    try {
      drawFrame(canvas, ctx, current);
      if (failing) {
        failing = false;
        onDrawError?.(undefined);
      }
    } catch (error) {
      // Half-drawn layers are not shown again; the next frame starts from a clean state.
      layers.invalidate();
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.globalAlpha = 1;
      if (!failing) {
        failing = true;
        onDrawError?.(error instanceof Error ? error.message : String(error));
      }
    }
  };

  /** One frame soon, unless one is already coming (the animation loop, or an earlier request). */
  const requestFrame = () => {
    if (request === 0) {
      request = requestAnimationFrame(draw);
    }
  };

  return {
    setInputs(next) {
      if (changesStillLayers(inputs, next)) {
        layers.invalidate();
      }
      inputs = next;
      requestFrame();
    },
    invalidate() {
      layers.invalidate();
      requestFrame();
    },
    dispose() {
      cancelAnimationFrame(request);
      clearTimeout(settleTimer);
      request = 0;
      inputs = undefined;
    },
  };
}

/**
 * Owns drawing: sizes the canvas for the device pixel ratio, redraws when inputs change (the still layers only
 * when what they show changed), and keeps a requestAnimationFrame loop only while particles animate (those
 * frames reuse the cached layers).
 * `invalidate` redraws everything after in-place scene changes (node drag); `drawError` says why the last frame
 * could not be drawn (the loop keeps trying), for a notice over the map.
 */
export function useCanvasRenderer(
  canvasRef: RefObject<HTMLCanvasElement | null>,
  inputs: RenderInputs
): { invalidate(): void; drawError?: string } {
  const [drawError, setDrawError] = useState<string | undefined>(undefined);
  const [loop] = useState(() => createRenderLoop(canvasRef, { onDrawError: setDrawError }));
  useLayoutEffect(() => {
    loop.setInputs(inputs);
  }, [loop, inputs]);
  useEffect(() => () => loop.dispose(), [loop]);
  return { invalidate: loop.invalidate, drawError };
}
