/**
 * The one place the datasource imports the shared edge model from. Direct module paths (not the
 * servicegraph index) keep Node-only parsers (YAML, protobuf) out of the browser bundle.
 */
export { createBucketedAggregator } from '../../../servicegraph/src/aggregate/bucketedAggregator';
export type { BucketedAggregator } from '../../../servicegraph/src/aggregate/bucketedAggregator';
export {
  addObservation,
  createEdgeWindow,
  edgeId,
  mergeWindowInto,
} from '../../../servicegraph/src/aggregate/edgeWindow';
export { createLatencySketch, quantile } from '../../../servicegraph/src/aggregate/latencySketch';
export { windowToGraph } from '../../../servicegraph/src/aggregate/windowToGraph';
export { jaegerTracesToSpans } from '../../../servicegraph/src/parse/jaegerJson';
export { spansToObservations } from '../../../servicegraph/src/derive/spansToObservations';
export { toNodeGraphFrames } from '../../../servicegraph/src/frames/toNodeGraphFrames';
export type { EdgeObservation, Graph, Span } from '../../../servicegraph/src/types';
export { buildTraceTree } from '../../../servicegraph/src/insight/traceTree';
export { walkCriticalPath } from '../../../servicegraph/src/insight/criticalPath';
export { edgesOfNodes } from '../../../servicegraph/src/insight/spanEdge';
export { analyzeBottlenecks } from '../../../servicegraph/src/insight/bottlenecks';
export type { BottleneckAnalysis } from '../../../servicegraph/src/insight/bottlenecks';
export { explainBottleneck } from '../../../servicegraph/src/insight/explainBottleneck';
export { createAnomalyDetector } from '../../../servicegraph/src/insight/anomalyDetector';
export type { AnomalyDetector, AnomalyFlag } from '../../../servicegraph/src/insight/anomalyDetector';
export { applyAnomalies } from '../../../servicegraph/src/insight/anomalyFlags';
