import type { PreviousLayout, LayoutMode } from '../layout/layoutTypes';
import type { ViewTransform } from '../render/sceneTypes';

/**
 * What a panel remembers across remounts (dashboard view mode, option changes that rebuild the panel):
 * its last layout and view, keyed by panel id, so a remount warm-starts instead of reshuffling.
 */
export interface PanelMemory {
  layout?: { mode: LayoutMode; layout: PreviousLayout };
  view?: ViewTransform;
}

const memories = new Map<number, PanelMemory>();
/** Bounded: a dashboard has tens of panels, not thousands. */
const MAX_PANELS = 64;

export function recallPanel(panelId: number): PanelMemory {
  let memory = memories.get(panelId);
  if (!memory) {
    memory = {};
    memories.set(panelId, memory);
    if (memories.size > MAX_PANELS) {
      memories.delete(memories.keys().next().value as number);
    }
  }
  return memory;
}

export function rememberView(memory: PanelMemory, view: ViewTransform): void {
  memory.view = view;
}

export function rememberLayout(memory: PanelMemory, mode: LayoutMode, layout: PreviousLayout): void {
  memory.layout = { mode, layout };
}
