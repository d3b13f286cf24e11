import { readFileSync } from 'fs';
import { join } from 'path';
import { addObservation, createEdgeWindow } from '../../../../servicegraph/src/aggregate/edgeWindow';
import { windowToGraph } from '../../../../servicegraph/src/aggregate/windowToGraph';
import { spansToObservations } from '../../../../servicegraph/src/derive/spansToObservations';
import { toNodeGraphFrames } from '../../../../servicegraph/src/frames/toNodeGraphFrames';
import { parseTraceText } from '../../../../servicegraph/src/parse/parseTraces';
import type { Graph } from '../../../../servicegraph/src/types';
import { readGraph } from '../readGraph';

const GENAI_TRACE = 'jaeger-ui-genaiTestTrace.json';

/** A recorded Jaeger UI trace (SOURCES.md here) as the panel sees it: datasource frames read back. */
export function readGenaiGraph(): Graph {
  const window = createEdgeWindow();
  const { spans } = parseTraceText(readFileSync(join(__dirname, GENAI_TRACE), 'utf8'), GENAI_TRACE);
  spansToObservations(spans).forEach((obs) => addObservation(window, obs));
  const reading = readGraph(toNodeGraphFrames(windowToGraph(window, { startMs: 0, endMs: 60_000 })));
  if (reading.state !== 'graph') {
    throw new Error(`expected a graph, got ${reading.state}`);
  }
  return reading.graph;
}

