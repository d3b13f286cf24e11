/** Greedy label placement: a box is accepted only if it overlaps no box placed (or reserved) before it. */
export interface LabelPlacer {
  reset(): void;
  /** Reserves the box unconditionally (e.g. a node a label must not cover). */
  reserve(x: number, y: number, w: number, h: number): void;
  /** Places the box if it is free; returns whether it was placed. */
  tryPlace(x: number, y: number, w: number, h: number): boolean;
}

const CELL = 64;

/** Boxes are kept in a uniform grid of CELL px so each test only looks at nearby boxes. */
export function createLabelPlacer(): LabelPlacer {
  const cells = new Map<number, number[]>();
  const boxes: number[] = [];

  const cellKey = (cx: number, cy: number) => cx * 100003 + cy;

  const overlaps = (x: number, y: number, w: number, h: number): boolean => {
    for (let cx = Math.floor(x / CELL); cx <= Math.floor((x + w) / CELL); cx++) {
      for (let cy = Math.floor(y / CELL); cy <= Math.floor((y + h) / CELL); cy++) {
        for (const b of cells.get(cellKey(cx, cy)) ?? []) {
          if (x < boxes[b + 2] && x + w > boxes[b] && y < boxes[b + 3] && y + h > boxes[b + 1]) {
            return true;
          }
        }
      }
    }
    return false;
  };

  const add = (x: number, y: number, w: number, h: number) => {
    const b = boxes.length;
    boxes.push(x, y, x + w, y + h);
    for (let cx = Math.floor(x / CELL); cx <= Math.floor((x + w) / CELL); cx++) {
      for (let cy = Math.floor(y / CELL); cy <= Math.floor((y + h) / CELL); cy++) {
        const key = cellKey(cx, cy);
        const list = cells.get(key);
        if (list) {
          list.push(b);
        } else {
          cells.set(key, [b]);
        }
      }
    }
  };

  return {
    reset() {
      cells.clear();
      boxes.length = 0;
    },
    reserve: add,
    tryPlace(x, y, w, h) {
      if (overlaps(x, y, w, h)) {
        return false;
      }
      add(x, y, w, h);
      return true;
    },
  };
}
