/**
 * The shared vocabulary of Kompas. Names follow the OpenTelemetry servicegraph connector
 * (clientService, serverService, connectionType, failed) so numbers line up with Tempo and the collector.
 */

/** OTLP span kinds, normalised from numbers (0..5), `SPAN_KIND_*` strings and Jaeger `span.kind` tags. */
export type SpanKind = 'unspecified' | 'internal' | 'server' | 'client' | 'producer' | 'consumer';

/** Attribute values after flattening OTLP AnyValue / Jaeger tag types. Arrays and maps become JSON strings. */
export type AttributeValue = string | number | boolean;

/** One span, independent of the wire format it came from. Ids are lowercase hex. */
export interface Span {
  traceId: string;
  spanId: string;
  /** Parent span id (OTLP parentSpanId, or the Jaeger CHILD_OF / first reference); '' for a root. */
  parentSpanId: string;
  /** True when the only link to the parent is a Jaeger FOLLOWS_FROM reference. */
  followsFrom: boolean;
  service: string;
  name: string;
  /** 'unspecified' when the source has no kinds (plain Jaeger without span.kind tags). */
  kind: SpanKind;
  /** Start time in milliseconds since the Unix epoch (fractional). */
  startMs: number;
  durationMs: number;
  /** OTLP status code 2, Jaeger tag error=true, or http.status_code >= 500. */
  error: boolean;
  /**
   * Span attributes (Jaeger tags). Resource attributes other than service.name live in resource. The full
   * parsers build both with createDataRecord (no Object.prototype behind them), so keys such as `__proto__` or
   * `constructor` are kept as they are; the fast scanners keep only the attributes derivation reads.
   */
  attributes: Record<string, AttributeValue>;
  /** Resource (Jaeger process) attributes, e.g. service.namespace. */
  resource?: Record<string, AttributeValue>;
}

/** How an edge was formed; '' is a plain request/response pair. */
export type ConnectionType = '' | 'messaging_system' | 'database' | 'virtual_node';

/** The kind of a node, for icons and filtering in the panel. */
export type NodeKind = 'service' | 'database' | 'messaging' | 'virtual';

/** Identity of an aggregated edge. */
export interface EdgeKey {
  clientService: string;
  serverService: string;
  connectionType: ConnectionType;
}

/**
 * One observed request on an edge: a paired client/server (or producer/consumer) span, or an unpaired
 * span that forms a database or virtual-node edge. Derivation emits these; aggregation folds them.
 */
export interface EdgeObservation extends EdgeKey {
  traceId: string;
  /** Start of the request, ms since the Unix epoch. */
  timeMs: number;
  /** Server span duration, or the client duration when there is no server span. */
  latencyMs: number;
  failed: boolean;
  /** Client span duration when a client span exists (for client-side latency). */
  clientLatencyMs?: number;
  /**
   * Messaging edges only: consumer start minus producer end (Tempo's `messaging_system` latency), i.e. how long
   * the message waited in the broker — consumer lag. Clamped at 0 when host clocks disagree.
   */
  messagingLagMs?: number;
}

/** A statistic a foreign Node Graph source may leave out. */
export type StatName = 'requests' | 'failed' | 'rate' | 'errorRate' | 'p50Ms' | 'p95Ms' | 'p99Ms';

/** A foreign Node Graph stat the panel cannot interpret: its label (displayName or field name), value and unit. */
export interface RawStat {
  label: string;
  value: number | string;
  unit?: string;
}

/** A node of the dataflow graph as the panel draws it. */
export interface GraphNode {
  id: string;
  title: string;
  kind: NodeKind;
  /** Grouping value (service.namespace, domain, ...) when known. */
  group?: string;
  /** Requests served (incoming edges) in the window. */
  requests: number;
  failed: number;
  /** Requests per second over the window. */
  rate: number;
  errorRate: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** Mean latency, set only when a foreign Node Graph source gives an average instead of percentiles. */
  meanMs?: number;
  /** Statistics the source did not give (their fields then hold 0); absent = all known, as in Kompas's frames. */
  unknownStats?: StatName[];
  /** A foreign frame's mainstat/secondarystat values that could not be interpreted, shown as given. */
  rawStats?: RawStat[];
  /** A foreign Node Graph frame's subtitle, shown beside the kind. */
  subtitle?: string;
  /** Why the node looks anomalous in this window (insight/anomalyDetector), e.g. "p95 2.3 s is 21× the usual 110 ms". */
  anomaly?: string;
}

/** A directed edge client -> server with its statistics over a window. */
export interface GraphEdge {
  /** Stable id: `${source}->${target}` plus `#${connectionType}` when not ''. */
  id: string;
  source: string;
  target: string;
  connectionType: ConnectionType;
  requests: number;
  failed: number;
  rate: number;
  errorRate: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** Mean latency, set only when a foreign Node Graph source gives an average instead of percentiles. */
  meanMs?: number;
  /** Statistics the source did not give (their fields then hold 0); absent = all known, as in Kompas's frames. */
  unknownStats?: StatName[];
  /** A foreign frame's mainstat/secondarystat values that could not be interpreted, shown as given. */
  rawStats?: RawStat[];
  /** Trace id of the slowest request seen on the edge in the window ("show an example request"). */
  exemplarTraceId?: string;
  /** Messaging edges: p95 consumer lag (consumer start − producer end) in ms; absent where no lag was measured. */
  lagP95Ms?: number;
  /** Why the edge looks anomalous in this window (insight/anomalyDetector), e.g. "p95 2.3 s is 21× the usual 110 ms". */
  anomaly?: string;
}

/** The graph model shared by the datasource (frames out) and the panel (frames in). */
export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}
