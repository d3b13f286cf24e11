import { PositionMap } from './layoutTypes';

/**
 * Layout positions with the pins (saved, may be newer than the last layout) and the node being dragged on
 * top. Only nodes the layout placed are moved, so a stale pin never adds a node.
 */
export function overlayPositions(layout: PositionMap, pins: PositionMap, drag?: { id: string; x: number; y: number }): PositionMap {
  const overrides = Object.entries(pins).filter(([id]) => layout[id]);
  if (overrides.length === 0 && !(drag && layout[drag.id])) {
    return layout;
  }
  const merged: PositionMap = { ...layout };
  for (const [id, pin] of overrides) {
    merged[id] = pin;
  }
  if (drag && layout[drag.id]) {
    merged[drag.id] = { x: drag.x, y: drag.y };
  }
  return merged;
}
