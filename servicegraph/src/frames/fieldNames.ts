/**
 * Field names and types of the Node Graph frame contract. Only types come from @grafana/data: its runtime
 * module touches `window` when it loads, which would crash the collector and the CLI (Node) that import
 * servicegraph. The values are checked against the real enums in fieldNames.test.ts.
 */
import type { FieldColorModeId, FieldType, NodeGraphDataFrameFieldNames } from '@grafana/data';

export const FIELD_TYPE = {
  string: 'string' as FieldType.string,
  number: 'number' as FieldType.number,
  boolean: 'boolean' as FieldType.boolean,
} as const;

export const NODE_GRAPH_FIELD = {
  id: 'id' as NodeGraphDataFrameFieldNames.id,
  title: 'title' as NodeGraphDataFrameFieldNames.title,
  subTitle: 'subtitle' as NodeGraphDataFrameFieldNames.subTitle,
  mainStat: 'mainstat' as NodeGraphDataFrameFieldNames.mainStat,
  secondaryStat: 'secondarystat' as NodeGraphDataFrameFieldNames.secondaryStat,
  arc: 'arc__' as NodeGraphDataFrameFieldNames.arc,
  icon: 'icon' as NodeGraphDataFrameFieldNames.icon,
  color: 'color' as NodeGraphDataFrameFieldNames.color,
  source: 'source' as NodeGraphDataFrameFieldNames.source,
  target: 'target' as NodeGraphDataFrameFieldNames.target,
  detail: 'detail__' as NodeGraphDataFrameFieldNames.detail,
  thickness: 'thickness' as NodeGraphDataFrameFieldNames.thickness,
  highlighted: 'highlighted' as NodeGraphDataFrameFieldNames.highlighted,
  strokeDasharray: 'strokedasharray' as NodeGraphDataFrameFieldNames.strokeDasharray,
  isInstrumented: 'isinstrumented' as NodeGraphDataFrameFieldNames.isInstrumented,
} as const;

export const FIXED_COLOR_MODE = 'fixed' as FieldColorModeId.Fixed;

/** Kompas's own numeric and string fields, read by the Kompas panel (and ignored by the stock Node Graph). */
export const KOMPAS_FIELD = {
  requests: 'requests',
  failed: 'failed',
  rate: 'rate',
  errorRate: 'error_rate',
  p50: 'p50',
  p95: 'p95',
  p99: 'p99',
  connectionType: 'connection_type',
  group: 'group',
  kind: 'kind',
  exemplarTraceId: 'exemplar_trace_id',
  mean: 'mean',
  /** Messaging edges: p95 consumer lag in ms (NaN on other edges); present when some edge has a lag. */
  lagP95: 'lag_p95',
  /** Why the element looks anomalous in the window ('' when it does not); see insight/anomalyDetector. */
  anomaly: 'anomaly',
} as const;

/** Frame names and the visualisation hint of the Node Graph contract. */
export const NODES_FRAME_NAME = 'nodes';
export const EDGES_FRAME_NAME = 'edges';
export const NODE_GRAPH_VISUALISATION = 'nodeGraph';
