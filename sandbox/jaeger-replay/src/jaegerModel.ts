/** The parts of Jaeger's JSON trace model (query API v1) the replay server reads. */
export interface JaegerTag {
  key: string;
  type?: string;
  value: unknown;
}

export interface JaegerSpan {
  traceID: string;
  spanID: string;
  operationName: string;
  references?: Array<{ refType: string; traceID: string; spanID: string }> | null;
  /** Microseconds since the epoch. */
  startTime: number;
  /** Microseconds. */
  duration: number;
  tags?: JaegerTag[] | null;
  logs?: Array<{ timestamp: number; fields?: JaegerTag[] | null }> | null;
  processID: string;
  [extra: string]: unknown;
}

export interface JaegerTrace {
  traceID: string;
  spans: JaegerSpan[];
  processes: Record<string, { serviceName: string; tags?: JaegerTag[] | null }>;
  [extra: string]: unknown;
}

export interface JaegerDependencyLink {
  parent: string;
  child: string;
  callCount: number;
}

export function serviceOf(trace: JaegerTrace, span: JaegerSpan): string {
  return trace.processes[span.processID]?.serviceName ?? '';
}

export function spanKindOf(span: JaegerSpan): string {
  const tag = span.tags?.find((t) => t.key === 'span.kind');
  return typeof tag?.value === 'string' ? tag.value : '';
}

export function traceStartUs(trace: JaegerTrace): number {
  return trace.spans.reduce((min, span) => Math.min(min, span.startTime), Number.POSITIVE_INFINITY);
}
