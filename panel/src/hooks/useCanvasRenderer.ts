import { RefObject, useCallback, useEffect, useRef } from 'react';
import type { LabelDensity } from '../types';
import { drawScene } from '../render/drawScene';
import { FrameState } from '../render/frameState';
import { createLabelPlacer } from '../render/labelPlacer';
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
}

/** Culling margin in px, so edges and labels entering the view are already drawn. */
const CULL_MARGIN = 40;

/**
 * Owns drawing: sizes the canvas for the device pixel ratio, redraws when inputs change, and runs a
 * requestAnimationFrame loop only while particles are animating. Returns `invalidate` for in-place
 * scene changes (node drag).
 */
export function useCanvasRenderer(canvasRef: RefObject<HTMLCanvasElement | null>, inputs: RenderInputs): { invalidate(): void } {
  const latest = useRef(inputs);
  latest.current = inputs;
  const placer = useRef(createLabelPlacer());
  const frameRequest = useRef(0);
  const clock = useRef({ timeSec: 0, lastMs: 0 });

  const draw = useCallback(() => {
    frameRequest.current = 0;
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) {
      return;
    }
    const { scene, view, width, height, theme, animate, animationSpeed } = latest.current;
    const dpr = window.devicePixelRatio || 1;
    const pixelWidth = Math.round(width * dpr);
    const pixelHeight = Math.round(height * dpr);
    if (canvas.width !== pixelWidth || canvas.height !== pixelHeight) {
      canvas.width = pixelWidth;
      canvas.height = pixelHeight;
    }
    const now = performance.now();
    if (animate && clock.current.lastMs > 0) {
      // Capped step: a long pause (hidden tab) must not teleport particles.
      clock.current.timeSec += (Math.min(100, now - clock.current.lastMs) / 1000) * animationSpeed;
    }
    clock.current.lastMs = now;
    const frame: FrameState = {
      view,
      width,
      height,
      dpr,
      timeSec: clock.current.timeSec,
      animate,
      lod: levelOfDetail(view.k, latest.current.labelDensity),
      labelDensity: latest.current.labelDensity,
      theme,
      visible: visibleWorldRect(view, width, height, CULL_MARGIN),
      highlight: latest.current.highlight,
      selectedNodeId: latest.current.selectedNodeId,
      hoveredNodeId: latest.current.hoveredNodeId,
    };
    drawScene(ctx, scene, frame, placer.current);
    if (animate) {
      frameRequest.current = requestAnimationFrame(draw);
    }
  }, [canvasRef]);

  const invalidate = useCallback(() => {
    if (frameRequest.current === 0) {
      frameRequest.current = requestAnimationFrame(draw);
    }
  }, [draw]);

  useEffect(() => {
    invalidate();
  }, [inputs, invalidate]);

  useEffect(() => {
    if (!inputs.animate) {
      clock.current.lastMs = 0;
    }
    invalidate();
  }, [inputs.animate, invalidate]);

  useEffect(
    () => () => {
      cancelAnimationFrame(frameRequest.current);
      frameRequest.current = 0;
    },
    []
  );

  return { invalidate };
}
