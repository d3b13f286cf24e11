import type { FitInsets } from '../render/viewTransform';

/**
 * How much room the overlays get. `full`: the whole legend (it may wrap) and a search field; `compact`: a
 * one-line legend and the search behind an icon; `tiny`: the legend behind an icon too.
 */
export type ChromeSize = 'full' | 'compact' | 'tiny';

export interface MapChrome {
  size: ChromeSize;
  /** Space the fit keeps free: the controls at the top, the legend (and the label line under nodes) at the bottom. */
  fitInsets: FitInsets;
}

// Below these the full legend wraps over the map and the search field crowds the zoom buttons.
const FULL_MIN_WIDTH = 760;
const FULL_MIN_HEIGHT = 360;
// Below these even one legend line takes too large a share of the map.
const TINY_MAX_WIDTH = 320;
const TINY_MAX_HEIGHT = 160;

/** A label line is drawn under each node: the bottom inset keeps it clear of the legend. */
const LABEL_LINE = 16;

/** Chooses the overlays' size from the panel size; the fit insets match what those overlays cover. */
export function chooseMapChrome(width: number, height: number, showLegend = true): MapChrome {
  if (width >= FULL_MIN_WIDTH && height >= FULL_MIN_HEIGHT) {
    // The full legend is about 30 px tall in one row: 76 px keeps two wrapped rows plus a label line clear.
    return { size: 'full', fitInsets: { top: 44, right: 36, bottom: showLegend ? 76 : 36, left: 36 } };
  }
  if (width <= TINY_MAX_WIDTH || height <= TINY_MAX_HEIGHT) {
    // Every band counts here: the icons take only the top-right and bottom-left corners, so the fit keeps just
    // the label line under the lowest nodes free and lets the map run behind those corners.
    return { size: 'tiny', fitInsets: { top: 12, right: 14, bottom: LABEL_LINE + 4, left: 14 } };
  }
  // Controls row: 24 px buttons + padding 4 px from the top; legend line about 22 px at 4 px from the bottom.
  return { size: 'compact', fitInsets: { top: 36, right: 24, bottom: LABEL_LINE + (showLegend ? 28 : 4), left: 24 } };
}
