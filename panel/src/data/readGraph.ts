import type { DataFrame } from '@grafana/data';
import { fromNodeGraphFrames, isGraphFramesError } from '../../../servicegraph/src/frames/fromNodeGraphFrames';
import type { Graph } from '../../../servicegraph/src/types';

/** What the panel can draw from the query result: a graph, nothing yet, or a reason why not. */
export type GraphReading = { state: 'graph'; graph: Graph } | { state: 'empty' } | { state: 'error'; message: string };

/** Frames -> graph. No frames or only empty frames is the empty state, not an error. */
export function readGraph(series: DataFrame[]): GraphReading {
  if (series.length === 0 || series.every((frame) => frame.length === 0)) {
    return { state: 'empty' };
  }
  const result = fromNodeGraphFrames(series);
  if (isGraphFramesError(result)) {
    return { state: 'error', message: result.message };
  }
  return result.nodes.length === 0 ? { state: 'empty' } : { state: 'graph', graph: result };
}
