import { ViewTransform } from './sceneTypes';
import { clampZoom } from './viewTransform';

/**
 * Who places the view. 'auto': the panel fits the whole map (first data, each new cold layout). 'focus': the
 * dashboard's focus variable centred its node (an alert link), and keeps it centred when a cold layout moves
 * it. 'user': the user zoomed, panned or searched; from then on only they move the view.
 */
export type ViewOwner = 'auto' | 'focus' | 'user';

/** What a new cold layout (the map laid out afresh, e.g. late backfill while the map is young) does to the view. */
export type ColdLayoutMove = 'fit' | 'centre' | 'keep';

/**
 * The view's answer to a cold layout: refit while the panel owns the view; follow the focused node to its new
 * place while the focus owns it (a refit there would lose the focus an alert link asked for); else keep it.
 */
export function chooseColdLayoutMove(owner: ViewOwner, focusedNodePresent: boolean): ColdLayoutMove {
  if (owner === 'auto') {
    return 'fit';
  }
  return owner === 'focus' && focusedNodePresent ? 'centre' : 'keep';
}

/** The view with world point (x, y) in the middle of width × height, zoomed in to at least `minZoom`. */
export function centreView(
  view: ViewTransform,
  x: number,
  y: number,
  width: number,
  height: number,
  minZoom: number
): ViewTransform {
  const k = clampZoom(Math.max(view.k, minZoom));
  return { k, x: width / 2 - x * k, y: height / 2 - y * k };
}
