import { useEffect } from 'react';
import { useLatest } from './useLatest';
import { Scene, ViewTransform } from '../render/sceneTypes';

declare global {
  interface Window {
    /** Set by a browser test harness before the panel loads; nothing is exposed otherwise. */
    __kompasPanelDebug?: boolean;
    __kompasPanel?: { positions(): Record<string, { x: number; y: number }> };
  }
}

/** Read-only node positions in canvas (CSS px) coordinates, for browser tests that opt in. */
export function useDebugHook(scene: Scene, view: ViewTransform): void {
  const latest = useLatest({ scene, view });
  useEffect(() => {
    if (!window.__kompasPanelDebug) {
      return undefined;
    }
    window.__kompasPanel = {
      positions: () => {
        const { scene: s, view: v } = latest.current;
        return Object.fromEntries(s.nodes.map((n) => [n.id, { x: n.x * v.k + v.x, y: n.y * v.k + v.y }]));
      },
    };
    return () => {
      delete window.__kompasPanel;
    };
  }, [latest]);
}
