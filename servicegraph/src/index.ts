// SG-agg: latency sketch
export {
  bucketIndexForMs,
  bucketUpperMs,
  bucketValueMs,
  createLatencySketch,
  deserializeSketch,
  isLatencySketch,
  LATENCY_SKETCH_GAMMA,
  LATENCY_SKETCH_RELATIVE_ACCURACY,
  mergeSketches,
  mergeSketchInto,
  MIN_LATENCY_MS,
  quantile,
  recordLatency,
  serializeSketch,
  SketchFormatError,
} from './aggregate/latencySketch';
export type { LatencySketch, SerializedSketch } from './aggregate/latencySketch';
// SG-agg: edge windows, graph statistics, streaming buckets
export {
  addEdgeAggregate,
  addObservation,
  createEdgeWindow,
  edgeId,
  mergeWindowInto,
  mergeWindows,
} from './aggregate/edgeWindow';
export type { EdgeAggregate, EdgeStats, EdgeWindow, Exemplar } from './aggregate/edgeWindow';
export { inferNodeKinds } from './aggregate/nodeKinds';
export { windowToGraph } from './aggregate/windowToGraph';
export type { GraphRange } from './aggregate/windowToGraph';
export { AggregatorConfigError, createBucketedAggregator } from './aggregate/bucketedAggregator';
export type { BucketedAggregator, BucketedAggregatorOptions } from './aggregate/bucketedAggregator';
// SG-parse: parsers (OTLP/protobuf lives in ./parse/otlpProtobuf, Node-only, to keep protobufjs out of browser bundles)
export { ParseError } from './parse/parseError';
export { parseTraceDocument, parseTraceText } from './parse/parseTraces';
export { scanTraceText } from './parse/scan/scanTraceText';
export { DERIVATION_ATTRIBUTES } from './parse/scan/derivationAttributes';
export type { ParsedTraces } from './parse/parseTraces';
export { detectFormat } from './parse/detectFormat';
export type { TraceFormat } from './parse/detectFormat';
export { jaegerTracesToSpans, jaegerTraceToSpans } from './parse/jaegerJson';
export { otlpRequestToSpans } from './parse/otlpJson';
export { parseJaegerDependencies } from './parse/jaegerDependencies';
export type { DependencyLink } from './parse/jaegerDependencies';
export { UNKNOWN_SERVICE } from './parse/serviceName';
// SG-parse: derivation
export { spansToObservations } from './derive/spansToObservations';
export { createEdgeStore, TooManyEdgesError } from './derive/edgeStore';
export { compareSpans } from './derive/compareSpans';
export type { EdgeStore, EdgeStoreOptions, ExpiredEdge } from './derive/edgeStore';
export { USER_CLIENT } from './derive/virtualNodes';
export type { UnpairedOptions } from './derive/virtualNodes';
export { databaseNodeName, isDatabaseSpan } from './derive/databaseName';
// SG-parse: encoders (OTLP/protobuf encoder: ./encode/otlpProtobufEncoder, Node-only)
export { toOtlpJson } from './encode/otlpJsonEncoder';
export type { IdEncoding, OtlpJsonRequest } from './encode/otlpJsonEncoder';
export { toJaegerJson } from './encode/jaegerJsonEncoder';
export type { JaegerTracesResponse } from './encode/jaegerJsonEncoder';
// SG-agg: Node Graph frames (types only from @grafana/data, safe to import in Node)
export { toNodeGraphFrames } from './frames/toNodeGraphFrames';
export type { NodeGraphFramesOptions } from './frames/toNodeGraphFrames';
export { fromNodeGraphFrames, isGraphFramesError } from './frames/fromNodeGraphFrames';
export type { GraphFramesError } from './frames/fromNodeGraphFrames';
export {
  EDGES_FRAME_NAME,
  FIELD_TYPE,
  KOMPAS_FIELD,
  NODE_GRAPH_FIELD,
  NODE_GRAPH_VISUALISATION,
  NODES_FRAME_NAME,
} from './frames/fieldNames';
// Insight: critical path, bottlenecks, anomaly flags, replay
export * from './insight';
