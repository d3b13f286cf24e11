import { DataflowError } from '../errors';
import {
  EdgeObservation,
  Graph,
  Span,
  addObservation,
  createEdgeWindow,
  jaegerTracesToSpans,
  spansToObservations,
  windowToGraph,
} from './servicegraph';

/** Jaeger trace objects → spans; a malformed trace becomes a one-line error naming the problem. */
export function readJaegerSpans(traces: unknown[]): Span[] {
  try {
    return jaegerTracesToSpans(traces, 'Jaeger response');
  } catch (error) {
    throw new DataflowError(error instanceof Error ? error.message : 'Jaeger response: traces could not be read');
  }
}

/** Jaeger trace objects → servicegraph edge observations. */
export function jaegerTracesToObservations(traces: unknown[]): EdgeObservation[] {
  return spansToObservations(readJaegerSpans(traces));
}

export function observationsToGraph(observations: EdgeObservation[], startMs: number, endMs: number): Graph {
  const window = createEdgeWindow();
  for (const observation of observations) {
    addObservation(window, observation);
  }
  return windowToGraph(window, { startMs, endMs });
}
