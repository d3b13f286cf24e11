import type { PreviousLayout, LayoutMode } from '../layout/layoutTypes';
import type { ViewTransform } from '../render/sceneTypes';

/**
 * What a panel remembers across remounts (dashboard view mode, option changes that rebuild the panel):
 * its last layout and view, keyed by dashboard UID and panel id (ids restart at 1 on every dashboard), so a
 * remount warm-starts instead of reshuffling and another dashboard's panel 1 starts fresh.
 */
export interface PanelMemory {
  layout?: { mode: LayoutMode; layout: PreviousLayout };
  view?: ViewTransform;
}

const memories = new Map<string, PanelMemory>();
/** Bounded: a few dashboards of tens of panels, not thousands. */
const MAX_PANELS = 64;

export function recallPanel(dashboardUid: string | undefined, panelId: number): PanelMemory {
  const key = `${dashboardUid ?? ''}\u0000${panelId}`;
  let memory = memories.get(key);
  if (!memory) {
    memory = {};
    memories.set(key, memory);
    if (memories.size > MAX_PANELS) {
      memories.delete(memories.keys().next().value as string);
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
