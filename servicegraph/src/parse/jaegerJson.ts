/**
 * Jaeger query JSON (`/api/traces` responses and single trace objects, as the Jaeger UI downloads them)
 * → Span[]. Tags are `[{key, type, value}]`, services come from the `processes` map (or an embedded
 * `process`), null tags/references/processes are treated as empty.
 */
import type { AttributeValue, Span } from '../types';
import { ParseError } from './parseError';
import { normalizeHexId, SPAN_ID_HEX_LENGTH, TRACE_ID_HEX_LENGTH } from './ids';
import { tagValueToAttribute } from './attributeValues';
import { hasErrorAttributes, jaegerKindToSpanKind } from './spanStatus';
import { UNKNOWN_SERVICE } from './serviceName';
import { createDataRecord } from '../dataRecord';

type Json = unknown;
type JsonObject = Record<string, Json>;

interface Process {
  service: string;
  resource: Record<string, AttributeValue>;
}

/** Converts Jaeger traces (the `data` array of /api/traces, or `[trace]`) into spans appended to `out`. */
export function jaegerTracesToSpans(traces: Json[], file: string, out: Span[] = []): Span[] {
  for (let t = 0; t < traces.length; t++) {
    jaegerTraceToSpans(traces[t], file, `data[${t}]`, out);
  }
  return out;
}

/** Converts one Jaeger trace object `{traceID, spans, processes}` into spans appended to `out`. */
export function jaegerTraceToSpans(trace: Json, file: string, path: string, out: Span[] = []): Span[] {
  if (!isObject(trace)) {
    throw new ParseError(file, `${path}: expected a Jaeger trace object`);
  }
  const spans = trace.spans ?? [];
  if (!Array.isArray(spans)) {
    throw new ParseError(file, `${path}.spans: expected an array`);
  }
  const processes = readProcesses(trace.processes);
  for (let i = 0; i < spans.length; i++) {
    out.push(jaegerSpanToSpan(spans[i], processes, trace.traceID, file, `${path}.spans[${i}]`));
  }
  return out;
}

function jaegerSpanToSpan(
  raw: Json,
  processes: Map<string, Process>,
  traceTraceId: Json,
  file: string,
  path: string
): Span {
  if (!isObject(raw)) {
    throw new ParseError(file, `${path}: expected a span object`);
  }
  const traceId = readId(raw.traceID ?? traceTraceId, TRACE_ID_HEX_LENGTH, file, `${path}.traceID`);
  const spanId = readId(raw.spanID, SPAN_ID_HEX_LENGTH, file, `${path}.spanID`);

  const attributes = createDataRecord<AttributeValue>();
  const tags = raw.tags;
  if (Array.isArray(tags)) {
    for (let i = 0; i < tags.length; i++) {
      const tag = tags[i] as { key?: Json; value?: Json } | null;
      if (tag !== null && typeof tag === 'object' && typeof tag.key === 'string') {
        const value = tagValueToAttribute(tag.value);
        if (value !== undefined) {
          attributes[tag.key] = value;
        }
      }
    }
  }

  const process = resolveProcess(raw, processes);
  const parent = readParent(raw, traceId, file, path);
  const startUs = toFiniteNumber(raw.startTime);
  const durationUs = toFiniteNumber(raw.duration);
  return {
    traceId,
    spanId,
    parentSpanId: parent.spanId,
    followsFrom: parent.followsFrom,
    service: process.service,
    name: typeof raw.operationName === 'string' ? raw.operationName : '',
    kind: jaegerKindToSpanKind(attributes['span.kind']),
    startMs: startUs / 1000,
    // Negative durations (clock adjustments) are clamped so latency statistics stay meaningful.
    durationMs: durationUs > 0 ? durationUs / 1000 : 0,
    error: hasErrorAttributes(attributes),
    attributes,
    resource: process.resource,
  };
}

const NO_PARENT = { spanId: '', followsFrom: false };

/**
 * The parent is the first CHILD_OF reference within the same trace, else the first FOLLOWS_FROM one
 * (Jaeger's own model.Span.ParentSpanID rule); references into other traces are ignored. Old dumps
 * carry `parentSpanID` instead of references.
 */
function readParent(
  raw: JsonObject,
  traceId: string,
  file: string,
  path: string
): { spanId: string; followsFrom: boolean } {
  const refs = raw.references;
  let followsFrom: string | undefined;
  if (Array.isArray(refs)) {
    for (let i = 0; i < refs.length; i++) {
      const ref = refs[i] as JsonObject | null;
      if (ref === null || typeof ref !== 'object') {
        continue;
      }
      const refTrace =
        typeof ref.traceID === 'string' && ref.traceID !== ''
          ? (normalizeHexId(ref.traceID, TRACE_ID_HEX_LENGTH) ?? ref.traceID)
          : traceId;
      if (refTrace !== traceId) {
        continue;
      }
      const refSpan = readId(ref.spanID, SPAN_ID_HEX_LENGTH, file, `${path}.references[${i}].spanID`);
      if (ref.refType === 'FOLLOWS_FROM' || ref.refType === 'follows_from') {
        followsFrom ??= refSpan;
      } else {
        return { spanId: refSpan, followsFrom: false };
      }
    }
  }
  if (followsFrom !== undefined) {
    return { spanId: followsFrom, followsFrom: true };
  }
  if (typeof raw.parentSpanID === 'string' && raw.parentSpanID !== '' && !/^0+$/.test(raw.parentSpanID)) {
    return { spanId: readId(raw.parentSpanID, SPAN_ID_HEX_LENGTH, file, `${path}.parentSpanID`), followsFrom: false };
  }
  return NO_PARENT;
}

function resolveProcess(raw: JsonObject, processes: Map<string, Process>): Process {
  if (typeof raw.processID === 'string') {
    const process = processes.get(raw.processID);
    if (process !== undefined) {
      return process;
    }
  }
  if (isObject(raw.process)) {
    return toProcess(raw.process);
  }
  return UNKNOWN_PROCESS;
}

const UNKNOWN_PROCESS: Process = { service: UNKNOWN_SERVICE, resource: createDataRecord() };

function readProcesses(value: Json): Map<string, Process> {
  const processes = new Map<string, Process>();
  if (isObject(value)) {
    for (const id of Object.keys(value)) {
      const process = value[id];
      if (isObject(process)) {
        processes.set(id, toProcess(process));
      }
    }
  }
  return processes;
}

function toProcess(process: JsonObject): Process {
  const resource = createDataRecord<AttributeValue>();
  const tags = process.tags;
  if (Array.isArray(tags)) {
    for (const tag of tags as Array<{ key?: Json; value?: Json } | null>) {
      if (tag !== null && typeof tag === 'object' && typeof tag.key === 'string') {
        const value = tagValueToAttribute(tag.value);
        if (value !== undefined) {
          resource[tag.key] = value;
        }
      }
    }
  }
  const service =
    typeof process.serviceName === 'string' && process.serviceName !== '' ? process.serviceName : UNKNOWN_SERVICE;
  return { service, resource };
}

function readId(value: Json, hexLength: number, file: string, path: string): string {
  if (typeof value !== 'string' || value === '') {
    throw new ParseError(file, `${path}: missing id`);
  }
  // Jaeger ids are hex; test dumps and some proxies use other strings, which are kept as they are.
  return normalizeHexId(value, hexLength) ?? value;
}

function toFiniteNumber(value: Json): number {
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : 0;
}

function isObject(value: Json): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
