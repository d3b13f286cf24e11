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
