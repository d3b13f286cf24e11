import { useEffect, useMemo, useRef, useState } from 'react';
import type { Graph } from '../../../servicegraph/src/types';
import { createLayoutWorker } from '../layout/createLayoutWorker';
import { seedFromIds } from '../layout/lcg';
import { createLayoutRunner, LayoutRunner } from '../layout/layoutRunner';
import { LayoutKind, LayoutMode, LayoutRequest, PositionMap, PreviousLayout } from '../layout/layoutTypes';
import { radiusForRate } from '../render/buildScene';
import { useLatest } from './useLatest';

export interface LayoutState {
  positions: PositionMap;
  kind: LayoutKind | 'pending';
}

/** A cheap identity of the topology (ids and edge endpoints), so new numbers on the same graph skip layout. */
function topologyKey(graph: Graph): number {
  return seedFromIds([...graph.nodes.map((n) => n.id), '|', ...graph.edges.map((e) => `${e.source}>${e.target}`)]);
}

/**
 * Positions for the graph, computed off the main thread for large graphs. Each run starts warm from the
 * previous result (same mode), so refreshes nudge the map instead of reshuffling it.
 */
export function useLayout(graph: Graph, mode: LayoutMode, pins: PositionMap): LayoutState {
  const [state, setState] = useState<LayoutState>({ positions: {}, kind: 'pending' });
  const runner = useRef<LayoutRunner | undefined>(undefined);
  const previous = useRef<{ mode: LayoutMode; layout: PreviousLayout } | undefined>(undefined);
  const graphRef = useLatest(graph);
  const key = useMemo(() => topologyKey(graph), [graph]);
  const pinsKey = useMemo(() => JSON.stringify(pins), [pins]);

  useEffect(() => {
    runner.current = createLayoutRunner(createLayoutWorker);
    return () => runner.current?.dispose();
  }, []);

  useEffect(() => {
    const current = graphRef.current;
    const maxRate = Math.max(0, ...current.nodes.map((n) => n.rate));
    const request: LayoutRequest = {
      nodes: current.nodes.map((n) => ({ id: n.id, group: n.group, radius: radiusForRate(n.rate, maxRate) })),
      edges: current.edges.map((e) => ({ source: e.source, target: e.target })),
      mode,
      pins: JSON.parse(pinsKey),
      previous: previous.current?.mode === mode ? previous.current.layout : undefined,
    };
    runner.current?.run(request, (result) => {
      previous.current = { mode, layout: { positions: result.positions, edges: request.edges } };
      setState({ positions: result.positions, kind: result.kind });
    });
  }, [key, mode, pinsKey, graphRef]);

  return state;
}
