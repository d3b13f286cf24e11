import { PointerEvent as ReactPointerEvent, MouseEvent as ReactMouseEvent, useRef } from 'react';
import { createHitIndex, findEdgeAt, findNodeAt, HitIndex } from '../render/hitTest';
import { Scene, SceneEdge, SceneNode, ViewTransform } from '../render/sceneTypes';
import { screenToWorld } from '../render/viewTransform';
import { useLatest } from './useLatest';

export interface NodeDrag {
  id: string;
  x: number;
  y: number;
}

export type MapTarget = { kind: 'node'; node: SceneNode } | { kind: 'edge'; edge: SceneEdge };

export interface GestureCallbacks {
  panBy(dx: number, dy: number): void;
  onHover(target: MapTarget | undefined, clientX: number, clientY: number): void;
  onSelect(target: MapTarget | undefined): void;
  onContextMenu(target: MapTarget, clientX: number, clientY: number): void;
  /** A node is being dragged to (x, y) in world units; undefined when the drag ends. */
  onDrag(drag: NodeDrag | undefined): void;
  /** A node was dragged and released: pin it there. */
  onPin(nodeId: string, x: number, y: number): void;
}

/** Pointer travel (px) below which a press counts as a click, not a drag. */
const CLICK_SLOP = 4;
/** Edge hit tolerance in screen px. */
const EDGE_SLOP = 5;

/**
 * Turns pointer events on the canvas into map gestures: drag background = pan, drag node = move and pin,
 * click = select, move = hover, right click = context menu. Hit tests use a quadtree rebuilt per scene.
 */
export function usePointerGestures(scene: Scene, view: ViewTransform, callbacks: GestureCallbacks) {
  const index = useRef<{ scene: Scene; hit: HitIndex } | undefined>(undefined);
  const press = useRef<
    { x: number; y: number; lastX: number; lastY: number; node?: SceneNode; moved: boolean; dragTo?: NodeDrag } | undefined
  >(undefined);
  const latest = useLatest({ scene, view, callbacks });

  const hitIndex = (): HitIndex => {
    if (index.current?.scene !== latest.current.scene) {
      index.current = { scene: latest.current.scene, hit: createHitIndex(latest.current.scene) };
    }
    return index.current.hit;
  };

  const targetAt = (event: { clientX: number; clientY: number; currentTarget: Element }): MapTarget | undefined => {
    const rect = event.currentTarget.getBoundingClientRect();
    const { view: v, scene: s } = latest.current;
    const world = screenToWorld(v, event.clientX - rect.left, event.clientY - rect.top);
    const node = findNodeAt(hitIndex(), world.x, world.y, 2 / v.k);
    if (node) {
      return { kind: 'node', node };
    }
    const edge = findEdgeAt(s, world.x, world.y, EDGE_SLOP / v.k);
    return edge ? { kind: 'edge', edge } : undefined;
  };

  const onPointerDown = (event: ReactPointerEvent<HTMLCanvasElement>) => {
    if (event.button !== 0) {
      return;
    }
    event.currentTarget.setPointerCapture?.(event.pointerId);
    const target = targetAt(event);
    press.current = {
      x: event.clientX,
      y: event.clientY,
      lastX: event.clientX,
      lastY: event.clientY,
      node: target?.kind === 'node' ? target.node : undefined,
      moved: false,
    };
  };

  const onPointerMove = (event: ReactPointerEvent<HTMLCanvasElement>) => {
    const p = press.current;
    const { callbacks: cb, view: v } = latest.current;
    if (!p) {
      cb.onHover(targetAt(event), event.clientX, event.clientY);
      return;
    }
    p.moved = p.moved || Math.hypot(event.clientX - p.x, event.clientY - p.y) > CLICK_SLOP;
    if (p.moved && p.node) {
      // The position lives in state above the scene, so a data refresh mid-drag keeps the node under the pointer.
      const rect = event.currentTarget.getBoundingClientRect();
      const world = screenToWorld(v, event.clientX - rect.left, event.clientY - rect.top);
      p.dragTo = { id: p.node.id, x: world.x, y: world.y };
      cb.onDrag(p.dragTo);
    } else if (p.moved) {
      cb.panBy(event.clientX - p.lastX, event.clientY - p.lastY);
    }
    p.lastX = event.clientX;
    p.lastY = event.clientY;
  };

  const onPointerUp = (event: ReactPointerEvent<HTMLCanvasElement>) => {
    const p = press.current;
    press.current = undefined;
    if (!p) {
      return;
    }
    const cb = latest.current.callbacks;
    if (!p.moved) {
      cb.onSelect(targetAt(event));
    } else if (p.dragTo) {
      cb.onPin(p.dragTo.id, p.dragTo.x, p.dragTo.y);
      cb.onDrag(undefined);
    }
  };

  const onPointerLeave = () => {
    if (!press.current) {
      latest.current.callbacks.onHover(undefined, 0, 0);
    }
  };

  const onContextMenu = (event: ReactMouseEvent<HTMLCanvasElement>) => {
    const target = targetAt(event);
    if (target) {
      event.preventDefault();
      latest.current.callbacks.onContextMenu(target, event.clientX, event.clientY);
    }
  };

  return { onPointerDown, onPointerMove, onPointerUp, onPointerLeave, onContextMenu };
}
