/** Insight: critical paths, bottleneck attribution, anomaly flags and replay (pure, no DOM, no Node APIs). */
export { criticalPath, walkCriticalPath } from './criticalPath';
export type { CriticalPathSegment, SegmentVisitor } from './criticalPath';
export { requestRoute } from './requestRoute';
export type { RouteHop } from './requestRoute';
export { buildTraceTree } from './traceTree';
export type { TraceNode, TraceTree } from './traceTree';
export { analyzeBottlenecks, bottlenecks } from './bottlenecks';
export type { Bottleneck, BottleneckAnalysis, BottleneckOptions, ServiceBottleneck } from './bottlenecks';
export { explainBottleneck } from './explainBottleneck';
export type { BottleneckNumbers } from './explainBottleneck';
export { AnomalyConfigError, createAnomalyDetector } from './anomalyDetector';
export type { AnomalyDetector, AnomalyDetectorOptions, AnomalyFlag, AnomalyMetric } from './anomalyDetector';
export { applyAnomalies } from './anomalyFlags';
export { describeAnomaly } from './anomalyReason';
export { buildReplay, mergeGraphBuckets, ReplayRangeError } from './replay';
export type { GraphBucket, ReplayFrame, ReplayOptions, ReplaySource } from './replay';
export { formatDuration, formatRatio, formatShare } from './formatDuration';
