/**
 * A decoded OTLP/protobuf ExportTraceServiceRequest (protobufjs message objects: Uint8Array ids, Long
 * times, oneof AnyValues) → Span[]. The same rules as the OTLP/JSON reader (otlpJson.ts) and the same time
 * arithmetic (nanos.ts), so a request gives the same spans in either encoding; mapping the messages
 * directly avoids a round trip through strings. The generated code leaves unset fields null.
 */
import type { AttributeValue, Span } from '../types';
import { idBytesToHex, TraceIdCache } from './idBytesToHex';
import { hasErrorAttributes, otlpKindNumberToSpanKind } from './spanStatus';
import { UNKNOWN_SERVICE } from './serviceName';
import { nanosToMs, partsDifferenceMs, partsToMs } from './nanos';
import { createDataRecord } from '../dataRecord';

/** protobufjs' 64-bit integer (the `long` package). */
interface LongValue {
  low: number;
  high: number;
  toNumber(): number;
}

type Maybe<T> = T | null | undefined;

interface AnyValueMessage {
  /** protobufjs oneof getter: the name of the field that is set. */
  value?: string;
  stringValue?: Maybe<string>;
  boolValue?: Maybe<boolean>;
  intValue?: Maybe<number | LongValue>;
  doubleValue?: Maybe<number>;
  bytesValue?: Maybe<Uint8Array>;
  arrayValue?: Maybe<{ values?: Maybe<Array<Maybe<AnyValueMessage>>> }>;
  kvlistValue?: Maybe<{ values?: Maybe<Array<Maybe<KeyValueMessage>>> }>;
}

interface KeyValueMessage {
  key?: Maybe<string>;
  value?: Maybe<AnyValueMessage>;
}

export interface SpanMessage {
  traceId?: Maybe<Uint8Array>;
  spanId?: Maybe<Uint8Array>;
  parentSpanId?: Maybe<Uint8Array>;
  name?: Maybe<string>;
  kind?: Maybe<number>;
  startTimeUnixNano?: Maybe<number | LongValue>;
  endTimeUnixNano?: Maybe<number | LongValue>;
  attributes?: Maybe<Array<Maybe<KeyValueMessage>>>;
  status?: Maybe<{ code?: Maybe<number> }>;
}

export interface ResourceSpansMessage {
  resource?: Maybe<{ attributes?: Maybe<Array<Maybe<KeyValueMessage>>> }>;
  scopeSpans?: Maybe<Array<Maybe<{ spans?: Maybe<Array<Maybe<SpanMessage>>> }>>>;
}

export interface TraceRequestMessage {
  resourceSpans?: Maybe<Array<Maybe<ResourceSpansMessage>>>;
}

const NO_PARENT = '0000000000000000';

export function otlpMessageToSpans(request: TraceRequestMessage): Span[] {
  const out: Span[] = [];
  const traceIds = new TraceIdCache();
  for (const resourceSpans of request.resourceSpans ?? []) {
    if (resourceSpans != null) {
      addResourceSpans(resourceSpans, out, traceIds);
    }
  }
  return out;
}

/** Appends the spans of one ResourceSpans message to `out` (decodeOtlpProtobuf maps them one at a time). */
export function addResourceSpans(resourceSpans: ResourceSpansMessage, out: Span[], traceIds: TraceIdCache): void {
  const resource = createDataRecord<AttributeValue>();
  const service = readResource(resourceSpans.resource, resource);
  for (const scope of resourceSpans.scopeSpans ?? []) {
    for (const span of scope?.spans ?? []) {
      if (span != null) {
        out.push(toSpan(span, service, resource, traceIds));
      }
    }
  }
}

/** Fills `into` with a resource's attributes except service.name, and returns the service name. */
export function readResource(message: ResourceSpansMessage['resource'], into: Record<string, AttributeValue>): string {
  readAttributes(message?.attributes, into);
  const serviceName = into['service.name'];
  delete into['service.name'];
  return typeof serviceName === 'string' && serviceName !== '' ? serviceName : UNKNOWN_SERVICE;
}

const time = { ms: 0, nanos: 0 };

export function toSpan(
  span: SpanMessage,
  service: string,
  resource: Record<string, AttributeValue>,
  traceIds: TraceIdCache
): Span {
  const attributes = createDataRecord<AttributeValue>();
  readAttributes(span.attributes, attributes);
  const parent = span.parentSpanId != null && span.parentSpanId.length > 0 ? idBytesToHex(span.parentSpanId) : '';
  let startMs: number;
  let durationMs: number;
  if (splitNanos(span.startTimeUnixNano)) {
    const startWhole = time.ms;
    const startNanos = time.nanos;
    startMs = partsToMs(startWhole, startNanos);
    durationMs = splitNanos(span.endTimeUnixNano)
      ? partsDifferenceMs(time.ms, time.nanos, startWhole, startNanos)
      : nanosToMs(toPlainNumber(span.endTimeUnixNano)) - startMs;
  } else {
    startMs = nanosToMs(toPlainNumber(span.startTimeUnixNano));
    durationMs = nanosToMs(toPlainNumber(span.endTimeUnixNano)) - startMs;
  }
  return {
    traceId: span.traceId != null ? traceIds.toHex(span.traceId) : '',
    spanId: span.spanId != null ? idBytesToHex(span.spanId) : '',
    parentSpanId: parent === NO_PARENT ? '' : parent,
    followsFrom: false,
    service,
    name: span.name ?? '',
    kind: otlpKindNumberToSpanKind(span.kind ?? 0),
    startMs,
    durationMs: durationMs > 0 ? durationMs : 0,
    error: span.status?.code === 2 || hasErrorAttributes(attributes),
    attributes,
    resource,
  };
}

/**
 * A Long nanosecond time of at least 7 digits → `time` as whole ms + ns within them, exactly:
 * 2^32 = 4294 * 10^6 + 967296, so high * 967296 + low stays below 2^53.
 */
function splitNanos(value: Maybe<number | LongValue>): boolean {
  if (value == null || typeof value === 'number' || value.high < 0) {
    return false;
  }
  const rest = value.high * 967296 + (value.low >>> 0);
  const carry = Math.floor(rest / 1e6);
  const whole = value.high * 4294 + carry;
  if (whole === 0) {
    return false;
  }
  time.ms = whole;
  time.nanos = rest - carry * 1e6;
  return true;
}

function toPlainNumber(value: Maybe<number | LongValue>): number {
  return value == null ? 0 : typeof value === 'number' ? value : value.toNumber();
}

function readAttributes(list: Maybe<Array<Maybe<KeyValueMessage>>>, into: Record<string, AttributeValue>): void {
  if (list == null) {
    return;
  }
  for (const entry of list) {
    if (entry == null || typeof entry.key !== 'string' || entry.value == null) {
      continue;
    }
    const value = toAttribute(entry.value);
    if (value !== undefined) {
      into[entry.key] = value;
    }
  }
}

function toAttribute(value: AnyValueMessage): AttributeValue | undefined {
  switch (setValueField(value)) {
    case 'stringValue':
      return value.stringValue ?? undefined;
    case 'intValue':
      return toPlainNumber(value.intValue);
    case 'boolValue':
      return value.boolValue ?? undefined;
    case 'doubleValue':
      return value.doubleValue ?? undefined;
    case 'bytesValue':
      return value.bytesValue == null ? undefined : bytesToBase64(value.bytesValue);
    case 'arrayValue':
    case 'kvlistValue':
      return JSON.stringify(toPlain(value));
    default:
      return undefined;
  }
}

/**
 * The set field of the AnyValue oneof. protobufjs' `value` getter answers this with Object.keys() on every
 * call (an array per attribute); when exactly one field is set — always, for a well-formed message — the
 * answer is that field, and only odd messages with several fields set ask the getter for its tie-break.
 */
function setValueField(value: AnyValueMessage): string | undefined {
  let set: string | undefined;
  let count = 0;
  if (value.stringValue != null) {
    set = 'stringValue';
    count++;
  }
  if (value.boolValue != null) {
    set = 'boolValue';
    count++;
  }
  if (value.intValue != null) {
    set = 'intValue';
    count++;
  }
  if (value.doubleValue != null) {
    set = 'doubleValue';
    count++;
  }
  if (value.arrayValue != null) {
    set = 'arrayValue';
    count++;
  }
  if (value.kvlistValue != null) {
    set = 'kvlistValue';
    count++;
  }
  if (value.bytesValue != null) {
    set = 'bytesValue';
    count++;
  }
  return count > 1 ? value.value : set;
}

/** Arrays and key/value lists as JSON, like the OTLP/JSON reader. */
function toPlain(value: Maybe<AnyValueMessage>): unknown {
  if (value == null) {
    return null;
  }
  const field = setValueField(value);
  if (field === 'arrayValue') {
    return (value.arrayValue?.values ?? []).map(toPlain);
  }
  if (field === 'kvlistValue') {
    const out = createDataRecord<unknown>();
    for (const entry of value.kvlistValue?.values ?? []) {
      if (entry != null && typeof entry.key === 'string') {
        out[entry.key] = toPlain(entry.value);
      }
    }
    return out;
  }
  return toAttribute(value) ?? null;
}

function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i++) {
    binary += String.fromCharCode(bytes[i]);
  }
  return btoa(binary);
}
