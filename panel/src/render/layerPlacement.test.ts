import {
  canReuseLayer,
  isSameView,
  MAX_REVEALED_PX,
  moveBadges,
  placeLayer,
  revealedPx,
  visibleLayerCopy,
} from './layerPlacement';
import { PlacedBadge } from './placeBadges';

describe('placeLayer', () => {
  const cached = { view: { x: 100, y: 50, k: 2 }, margin: 0 };

  it('shifts the layer by the pan and keeps its scale', () => {
    expect(placeLayer(cached, { x: 130, y: 40, k: 2 })).toEqual({ scale: 1, x: 30, y: -10 });
  });

  it('maps every world point of the layer to where the current view shows it, zoomed and with a margin', () => {
    const withMargin = { view: { x: 100, y: 50, k: 2 }, margin: 160 };
    const current = { x: -40, y: 75, k: 3 };
    const { scale, x, y } = placeLayer(withMargin, current);
    const world = { x: 37, y: -12 };
    // Where the layer holds the point: the view it was drawn at, shifted by its margin.
    const inLayer = { x: world.x * 2 + 100 + 160, y: world.y * 2 + 50 + 160 };
    expect(scale * inLayer.x + x).toBeCloseTo(world.x * current.k + current.x);
    expect(scale * inLayer.y + y).toBeCloseTo(world.y * current.k + current.y);
  });
});

describe('revealedPx and canReuseLayer', () => {
  const still = { view: { x: 0, y: 0, k: 1 }, margin: 0 };
  const margined = { view: { x: 0, y: 0, k: 1 }, margin: 160 };

  it('is 0 while the moved layer still fills the panel', () => {
    expect(revealedPx(still, { x: 0, y: 0, k: 1 }, 800, 600)).toBe(0);
    expect(revealedPx(margined, { x: 150, y: -150, k: 1 }, 800, 600)).toBe(0);
    // Zoomed in around the centre: the layer grows past every side.
    expect(revealedPx(still, { x: -400, y: -300, k: 2 }, 800, 600)).toBe(0);
  });

  it('measures the blank strip a pan or a zoom out leaves at the worst side', () => {
    expect(revealedPx(still, { x: 30, y: -10, k: 1 }, 800, 600)).toBe(30);
    expect(revealedPx(margined, { x: -200, y: 0, k: 1 }, 800, 600)).toBe(40);
    // Zoomed out to half around the centre: a quarter of the panel on each side is not in the layer.
    expect(revealedPx(still, { x: 200, y: 150, k: 0.5 }, 800, 600)).toBe(200);
  });

  it('reuses the layer for small moves only, and never blurred or shrunk more than twice', () => {
    expect(canReuseLayer(still, { x: MAX_REVEALED_PX, y: 0, k: 1 }, 800, 600)).toBe(true);
    expect(canReuseLayer(still, { x: MAX_REVEALED_PX + 1, y: 0, k: 1 }, 800, 600)).toBe(false);
    expect(canReuseLayer(margined, { x: 160, y: 0, k: 1 }, 800, 600)).toBe(true);
    expect(canReuseLayer(margined, { x: -400, y: -300, k: 1.9 }, 800, 600)).toBe(true);
    expect(canReuseLayer(margined, { x: -600, y: -450, k: 2.5 }, 800, 600)).toBe(false);
    expect(canReuseLayer({ view: { x: 0, y: 0, k: 4 }, margin: 5000 }, { x: 0, y: 0, k: 1.9 }, 800, 600)).toBe(false);
  });
});

describe('visibleLayerCopy', () => {
  const layer = { width: 1120, height: 920 };
  const canvas = { width: 800, height: 600 };

  it('copies only the panel-sized part of a layer with a margin', () => {
    expect(visibleLayerCopy(1, -160, -160, layer, canvas)).toEqual({
      sx: 160,
      sy: 160,
      sw: 800,
      sh: 600,
      dx: 0,
      dy: 0,
      dw: 800,
      dh: 600,
    });
  });

  it('maps the source through the scale and leaves out what falls off the canvas', () => {
    expect(visibleLayerCopy(2, 100, -200, { width: 800, height: 600 }, canvas)).toEqual({
      sx: 0,
      sy: 100,
      sw: 350,
      sh: 300,
      dx: 100,
      dy: 0,
      dw: 700,
      dh: 600,
    });
  });

  it('copies nothing when the layer is entirely off the canvas', () => {
    expect(visibleLayerCopy(1, 900, 0, layer, canvas)).toBeUndefined();
  });
});

describe('moveBadges', () => {
  it('moves badge centres with the layer and keeps their size', () => {
    const badge: PlacedBadge = { kind: 'alert', text: '2 alerts', x: 100, y: 40, w: 50, h: 16, dimmed: false };
    expect(moveBadges([badge], { scale: 2, x: -10, y: 5 })).toEqual([{ ...badge, x: 190, y: 85 }]);
  });
});

describe('isSameView', () => {
  it('compares by value', () => {
    expect(isSameView({ x: 1, y: 2, k: 3 }, { x: 1, y: 2, k: 3 })).toBe(true);
    expect(isSameView({ x: 1, y: 2, k: 3 }, { x: 1, y: 2.5, k: 3 })).toBe(false);
  });
});
