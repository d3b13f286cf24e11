import { useEffect, useMemo, useRef } from 'react';
import type { Graph } from '../../../servicegraph/src/types';
import { findFocusNode } from '../data/focusTarget';
import { Scene } from '../render/sceneTypes';

/**
 * The node named by the focus dashboard variable (alert links open `?var-focus=payments`); the map zooms to
 * it once per new value, after the node has a position, and keeps it centred through cold re-layouts (usePanZoom)
 * until the user moves the view.
 */
export function useFocusNode(
  graph: Graph,
  scene: Scene,
  variableName: string,
  replaceVariables: (value: string) => string,
  centreOn: (x: number, y: number, minZoom: number, focusNodeId: string) => void
): string | undefined {
  const replaced = replaceVariables(`$${variableName}`);
  const focusNodeId = useMemo(() => findFocusNode(graph, variableName, replaced), [graph, variableName, replaced]);
  const zoomedTo = useRef<string | undefined>(undefined);
  const node = focusNodeId ? scene.nodeById.get(focusNodeId) : undefined;
  useEffect(() => {
    if (node && zoomedTo.current !== node.id) {
      zoomedTo.current = node.id;
      centreOn(node.x, node.y, 1, node.id);
    }
    if (!focusNodeId) {
      zoomedTo.current = undefined;
    }
  }, [node, focusNodeId, centreOn]);
  return focusNodeId;
}
