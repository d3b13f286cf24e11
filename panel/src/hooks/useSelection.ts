import { useMemo, useState } from 'react';
import { highlightEdge, highlightNode } from '../render/highlight';
import { Highlight, Scene } from '../render/sceneTypes';

export interface SelectionRef {
  kind: 'node' | 'edge';
  id: string;
}

export interface Selection {
  selected?: SelectionRef;
  select(target: SelectionRef | undefined): void;
  /** The selection's neighbourhood, else the focused node's; undefined = nothing dimmed. */
  highlight?: Highlight;
}

/** Click selection by id (so it survives data refreshes), falling back to the dashboard focus. */
export function useSelection(scene: Scene, focusNodeId: string | undefined): Selection {
  const [selected, select] = useState<SelectionRef | undefined>(undefined);
  const highlight = useMemo(() => {
    if (selected?.kind === 'node' && scene.nodeById.has(selected.id)) {
      return highlightNode(scene, selected.id);
    }
    if (selected?.kind === 'edge' && scene.edges.some((e) => e.id === selected.id)) {
      return highlightEdge(scene, selected.id);
    }
    return focusNodeId && scene.nodeById.has(focusNodeId) ? highlightNode(scene, focusNodeId) : undefined;
  }, [scene, selected, focusNodeId]);
  return { selected, select, highlight };
}
