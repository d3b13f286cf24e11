import { DataflowError } from '../errors';
import { EdgeObservation, Graph, addObservation, createEdgeWindow, jaegerTracesToSpans, spansToObservations, windowToGraph } from './servicegraph';

/** Jaeger trace objects → servicegraph edge observations; a malformed trace becomes a one-line error. */
export function jaegerTracesToObservations(traces: unknown[]): EdgeObservation[] {
  try {
    return spansToObservations(jaegerTracesToSpans(traces, 'Jaeger response'));
  } catch (error) {
    throw new DataflowError(error instanceof Error ? error.message : 'Jaeger response: traces could not be read');
  }
}

export function observationsToGraph(observations: EdgeObservation[], startMs: number, endMs: number): Graph {
  const window = createEdgeWindow();
  for (const observation of observations) {
    addObservation(window, observation);
  }
  return windowToGraph(window, { startMs, endMs });
}
