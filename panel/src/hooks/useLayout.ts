import { useEffect, useMemo, useRef, useState } from 'react';
import type { Graph } from '../../../servicegraph/src/types';
import { createColdStartGate, MAX_GATED_MS } from '../layout/coldStartGate';
import { createLayoutWorker } from '../layout/createLayoutWorker';
import { seedFromIds } from '../layout/lcg';
import { createLayoutRunner, LayoutRunner } from '../layout/layoutRunner';
import {
  isGrowthOf,
  needsFreshLayout,
  NodeGrouping,
  quantiseViewAspect,
  rememberLayoutResult,
  toLayoutRequest,
} from '../layout/layoutMemory';
import { LayoutKind, LayoutMode, LayoutRequest, PositionMap } from '../layout/layoutTypes';
import { PanelMemory, rememberLayout } from './panelMemory';
import { useLatest } from './useLatest';

export interface LayoutState {
  positions: PositionMap;
  kind: LayoutKind | 'pending';
  /** Counts cold layouts: a new map the view may fit again (unless the user has moved it). */
  coldRuns: number;
}

/** A cheap identity of the topology (ids and edge endpoints), so new numbers on the same graph skip layout. */
function topologyKey(graph: Graph): number {
  return seedFromIds([...graph.nodes.map((n) => n.id), '|', ...graph.edges.map((e) => `${e.source}>${e.target}`)]);
}

/**
 * Positions for the graph, computed off the main thread for large graphs. Each run starts warm from the
 * previous result (same mode, kept in the panel's memory across remounts), so refreshes nudge the map instead
 * of reshuffling it. A fresh panel on a live stream waits for the backfill to settle before its first layout
 * (see coldStartGate), so everyone opening the dashboard gets the same map. Nodes are clustered by the groups
 * the hulls show; switching the grouping field lays the map out afresh. Removing a pin (reset) lays the map out
 * afresh too, so the freed nodes return to their seeded places; the layered diagram follows the panel's shape
 * (`size`, in steps of aspect).
 */
export function useLayout(
  graph: Graph,
  mode: LayoutMode,
  pins: PositionMap,
  memory: PanelMemory,
  streaming: boolean,
  grouping: NodeGrouping,
  size?: { width: number; height: number }
): LayoutState {
  const [state, setState] = useState<LayoutState>(() => ({
    positions: memory.layout?.mode === mode ? memory.layout.layout.positions : {},
    kind: 'pending',
    coldRuns: 0,
  }));
  const runner = useRef<LayoutRunner | undefined>(undefined);
  const hadLayout = memory.layout !== undefined;
  const gate = useRef(createColdStartGate(hadLayout));
  const [gateOpen, setGateOpen] = useState(hadLayout);
  const lastRequest = useRef<LayoutRequest | undefined>(undefined);
  const graphRef = useLatest(graph);
  const groupingRef = useLatest(grouping);
  const key = useMemo(() => topologyKey(graph), [graph]);
  const pinsKey = useMemo(() => JSON.stringify(pins), [pins]);
  // Only the layered diagram depends on the panel's shape: a force map never lays out again on a resize.
  const viewAspect = mode === 'layered' && size ? quantiseViewAspect(size.width, size.height) : undefined;

  useEffect(() => {
    runner.current = createLayoutRunner(createLayoutWorker);
    return () => runner.current?.dispose();
  }, []);

  // Every data update (not only topology changes) counts towards opening the gate.
  useEffect(() => {
    if (gate.current.observe(key, streaming)) {
      setGateOpen(true);
    }
  }, [graph, key, streaming]);

  useEffect(() => {
    if (gateOpen) {
      return undefined;
    }
    const timer = setTimeout(() => {
      gate.current.force();
      setGateOpen(true);
    }, MAX_GATED_MS);
    return () => clearTimeout(timer);
  }, [gateOpen]);

  useEffect(() => {
    if (!gateOpen) {
      return;
    }
    const remembered = memory.layout?.mode === mode ? memory.layout.layout : undefined;
    const request = toLayoutRequest(graphRef.current, mode, JSON.parse(pinsKey), remembered, groupingRef.current);
    request.viewAspect = viewAspect;
    // While the map is young, late backfill arrivals are laid out with the whole set, from scratch; anything
    // but growth (services leaving, another query) or a pin the user set means the backfill is over.
    const last = lastRequest.current;
    if (gate.current.young && last && (!isGrowthOf(last, request) || JSON.stringify(last.pins) !== pinsKey)) {
      gate.current.settle();
    }
    if (gate.current.young || needsFreshLayout(last, request)) {
      request.previous = undefined;
    }
    lastRequest.current = request;
    runner.current?.run(request, (result) => {
      const base = memory.layout?.mode === mode ? memory.layout.layout : undefined;
      rememberLayout(memory, mode, rememberLayoutResult(base, request, result));
      setState((s) => ({
        positions: result.positions,
        kind: result.kind,
        coldRuns: s.coldRuns + (result.kind === 'cold' ? 1 : 0),
      }));
    });
  }, [key, mode, pinsKey, graphRef, memory, gateOpen, groupingRef, grouping.field, viewAspect]);

  return state;
}
