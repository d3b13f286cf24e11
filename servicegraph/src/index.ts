// SG-agg: latency sketch
export {
  bucketIndexForMs,
  bucketUpperMs,
  bucketValueMs,
  createLatencySketch,
  deserializeSketch,
  LATENCY_SKETCH_GAMMA,
  LATENCY_SKETCH_RELATIVE_ACCURACY,
  mergeSketches,
  mergeSketchInto,
  MIN_LATENCY_MS,
  quantile,
  recordLatency,
  serializeSketch,
  sketchCount,
  SketchFormatError,
} from './aggregate/latencySketch';
export type { LatencySketch, SerializedSketch } from './aggregate/latencySketch';
// SG-agg: edge windows, graph statistics, streaming buckets
export { addObservation, createEdgeWindow, edgeId, mergeWindowInto, mergeWindows } from './aggregate/edgeWindow';
export type { EdgeStats, EdgeWindow, Exemplar } from './aggregate/edgeWindow';
export { inferNodeKinds, USER_NODE } from './aggregate/nodeKinds';
export { windowToGraph } from './aggregate/windowToGraph';
export type { GraphRange } from './aggregate/windowToGraph';
export { AggregatorConfigError, createBucketedAggregator } from './aggregate/bucketedAggregator';
export type { BucketedAggregator, BucketedAggregatorOptions } from './aggregate/bucketedAggregator';
