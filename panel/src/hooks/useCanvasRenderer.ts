import { RefObject, useEffect, useLayoutEffect, useState } from 'react';
import type { InsightOverlay } from '../insight/insightOverlay';
import type { LabelDensity } from '../types';
import { FrameState } from '../render/frameState';
import { createLabelPlacer } from '../render/labelPlacer';
import { createLayeredDraw } from '../render/layeredDraw';
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

interface RenderLoop {
  /** New inputs: the still layers are redrawn only if something they show changed, then a frame is drawn. */
  setInputs(inputs: RenderInputs): void;
  invalidate(): void;
  dispose(): void;
}

/**
 * Whether the still layers show something else with `next`: a re-render that only moves the tooltip (a pointer
 * move over the same node) or changes the animation keeps them.
 */
export function changesStillLayers(previous: RenderInputs | undefined, next: RenderInputs): boolean {
  return (
    previous === undefined ||
    previous.scene !== next.scene ||
    previous.view !== next.view ||
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

function createRenderLoop(canvasRef: RefObject<HTMLCanvasElement | null>): RenderLoop {
  const layers = createLayeredDraw(() => document.createElement('canvas'), createLabelPlacer());
  let inputs: RenderInputs | undefined;
  let request = 0;
  let timeSec = 0;
  let lastMs = 0;

  const draw = () => {
    request = 0;
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx || !inputs) {
      return;
    }
    const { view, width, height, animate } = inputs;
    const dpr = window.devicePixelRatio || 1;
    const pixelWidth = Math.round(width * dpr);
    const pixelHeight = Math.round(height * dpr);
    if (canvas.width !== pixelWidth || canvas.height !== pixelHeight) {
      canvas.width = pixelWidth;
      canvas.height = pixelHeight;
    }
    const now = performance.now();
    if (animate && lastMs > 0) {
      timeSec += (Math.min(MAX_STEP_MS, now - lastMs) / 1000) * inputs.animationSpeed;
    }
    lastMs = animate ? now : 0;
    const frame: FrameState = {
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
    layers.draw(ctx, inputs.scene, frame);
    if (animate) {
      request = requestAnimationFrame(draw);
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
      request = 0;
      inputs = undefined;
    },
  };
}

/**
 * Owns drawing: sizes the canvas for the device pixel ratio, redraws when inputs change (the still layers only
 * when what they show changed), and keeps a requestAnimationFrame loop only while particles animate (those
 * frames reuse the cached layers).
 * `invalidate` redraws everything after in-place scene changes (node drag).
 */
export function useCanvasRenderer(
  canvasRef: RefObject<HTMLCanvasElement | null>,
  inputs: RenderInputs
): { invalidate(): void } {
  const [loop] = useState(() => createRenderLoop(canvasRef));
  useLayoutEffect(() => {
    loop.setInputs(inputs);
  }, [loop, inputs]);
  useEffect(() => () => loop.dispose(), [loop]);
  return { invalidate: loop.invalidate };
}
