const OFFSET = 14;

/** Beside the pointer (right/below), flipped left/up where it would run off the panel, kept inside it. */
export function placeTooltip(
  x: number,
  y: number,
  size: { w: number; h: number },
  width: number,
  height: number
): { left: number; top: number } {
  const side = (at: number, extent: number, limit: number) => {
    const after = at + OFFSET;
    const before = at - OFFSET - extent;
    const start = after + extent <= limit || before < 0 ? after : before;
    return Math.max(0, Math.min(start, limit - extent));
  };
  return { left: side(x, size.w, width), top: side(y, size.h, height) };
}
