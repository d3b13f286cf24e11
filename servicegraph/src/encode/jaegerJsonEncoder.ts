/** Span[] → Jaeger `/api/traces` response (`{data: [trace…]}`), for tests, demos and the benchmark. */
import type { Span } from '../types';
import { toJaegerTags, type JaegerTag } from './attributeEncoding';

export interface JaegerJsonSpan {
  traceID: string;
  spanID: string;
  operationName: string;
  references: Array<{ refType: 'CHILD_OF' | 'FOLLOWS_FROM'; traceID: string; spanID: string }>;
  startTime: number;
  duration: number;
  tags: JaegerTag[];
  logs: [];
  processID: string;
  warnings: null;
}

export interface JaegerJsonTrace {
  traceID: string;
  spans: JaegerJsonSpan[];
  processes: Record<string, { serviceName: string; tags: JaegerTag[] }>;
  warnings: null;
}

export interface JaegerTracesResponse {
  data: JaegerJsonTrace[];
  total: number;
  limit: number;
  offset: number;
  errors: null;
}

export function toJaegerJson(spans: readonly Span[]): JaegerTracesResponse {
  const traces = new Map<string, JaegerJsonTrace>();
  const processIds = new Map<string, Map<string, string>>();
  for (const span of spans) {
    let trace = traces.get(span.traceId);
    let processes = processIds.get(span.traceId);
    if (trace === undefined || processes === undefined) {
      trace = { traceID: span.traceId, spans: [], processes: {}, warnings: null };
      processes = new Map();
      traces.set(span.traceId, trace);
      processIds.set(span.traceId, processes);
    }
    let processId = processes.get(span.service);
    if (processId === undefined) {
      processId = `p${processes.size + 1}`;
      processes.set(span.service, processId);
      trace.processes[processId] = { serviceName: span.service, tags: toJaegerTags(span.resource ?? {}) };
    }
    trace.spans.push(toJaegerSpan(span, processId));
  }
  const data = [...traces.values()];
  return { data, total: data.length, limit: 0, offset: 0, errors: null };
}

function toJaegerSpan(span: Span, processID: string): JaegerJsonSpan {
  const tags = toJaegerTags(span.attributes);
  if (span.kind !== 'unspecified' && span.attributes['span.kind'] === undefined) {
    tags.push({ key: 'span.kind', type: 'string', value: span.kind });
  }
  if (span.error && span.attributes.error === undefined) {
    tags.push({ key: 'error', type: 'bool', value: true });
  }
  return {
    traceID: span.traceId,
    spanID: span.spanId,
    operationName: span.name,
    references:
      span.parentSpanId === ''
        ? []
        : [
            {
              refType: span.followsFrom ? 'FOLLOWS_FROM' : 'CHILD_OF',
              traceID: span.traceId,
              spanID: span.parentSpanId,
            },
          ],
    startTime: Math.round(span.startMs * 1000),
    duration: Math.round(span.durationMs * 1000),
    tags,
    logs: [],
    processID,
    warnings: null,
  };
}
