/**
 * OTLP/JSON (`ExportTraceServiceRequest`) → Span[]. Accepts what real producers write: `resourceSpans` or
 * Tempo's `batches`, `scopeSpans` or the older `instrumentationLibrarySpans`, snake_case field names,
 * hex (any case) or base64 ids, kinds and status codes as numbers or enum strings, and nanosecond times as
 * strings or numbers. The collector's golden YAML files are the same structure and go through here too.
 */
import type { AttributeValue, Span } from '../types';
import { describeValue, ParseError } from './parseError';
import { normalizeId, SPAN_ID_HEX_LENGTH, TRACE_ID_HEX_LENGTH } from './ids';
import { readKeyValues } from './attributeValues';
import { hasErrorAttributes, isOtlpErrorStatus, otlpKindToSpanKind } from './spanStatus';
import { UNKNOWN_SERVICE } from './serviceName';
import { nanosDifferenceMs, nanosToMs } from './nanos';
import { createDataRecord } from '../dataRecord';

type Json = unknown;
type JsonObject = Record<string, Json>;

/** The resource-spans list of a request object, whatever it is called; undefined when there is none. */
export function findResourceSpans(doc: JsonObject): Json | undefined {
  return doc.resourceSpans ?? doc.batches ?? doc.resource_spans;
}

/** Converts one ExportTraceServiceRequest-shaped object into spans appended to `out`. */
export function otlpRequestToSpans(doc: Json, file: string, path = '', out: Span[] = []): Span[] {
  if (!isObject(doc)) {
    throw new ParseError(file, `${path || 'top level'}: expected an OTLP request object`);
  }
  const resourceSpans = findResourceSpans(doc) ?? [];
  const listPath = `${path}${doc.resourceSpans !== undefined ? 'resourceSpans' : doc.batches !== undefined ? 'batches' : 'resource_spans'}`;
  const list = expectArray(resourceSpans, file, listPath);
  for (let r = 0; r < list.length; r++) {
    readResourceSpans(list[r], file, `${listPath}[${r}]`, out);
  }
  return out;
}

function readResourceSpans(value: Json, file: string, path: string, out: Span[]): void {
  if (value === null) {
    return;
  }
  if (!isObject(value)) {
    throw new ParseError(file, `${path}: expected an object`);
  }
  const resource = createDataRecord<AttributeValue>();
  if (isObject(value.resource)) {
    readKeyValues(value.resource.attributes, resource);
  }
  const serviceName = resource['service.name'];
  const service = typeof serviceName === 'string' && serviceName !== '' ? serviceName : UNKNOWN_SERVICE;
  delete resource['service.name'];

  const scopesKey =
    value.scopeSpans !== undefined
      ? 'scopeSpans'
      : value.instrumentationLibrarySpans !== undefined
        ? 'instrumentationLibrarySpans'
        : 'scope_spans';
  const scopes = expectArray(
    value[scopesKey] ?? value.instrumentation_library_spans ?? [],
    file,
    `${path}.${scopesKey}`
  );
  for (let s = 0; s < scopes.length; s++) {
    const scope = scopes[s];
    if (scope === null) {
      continue;
    }
    if (!isObject(scope)) {
      throw new ParseError(file, `${path}.${scopesKey}[${s}]: expected an object`);
    }
    const spans = expectArray(scope.spans ?? [], file, `${path}.${scopesKey}[${s}].spans`);
    for (let i = 0; i < spans.length; i++) {
      out.push(readSpan(spans[i], service, resource, file, `${path}.${scopesKey}[${s}].spans[${i}]`));
    }
  }
}

function readSpan(
  raw: Json,
  service: string,
  resource: Record<string, AttributeValue>,
  file: string,
  path: string
): Span {
  if (!isObject(raw)) {
    throw new ParseError(file, `${path}: expected a span object`);
  }
  const traceId = readId(raw.traceId ?? raw.trace_id, TRACE_ID_HEX_LENGTH, file, `${path}.traceId`, false);
  const spanId = readId(raw.spanId ?? raw.span_id, SPAN_ID_HEX_LENGTH, file, `${path}.spanId`, false);
  const parentSpanId = readId(
    raw.parentSpanId ?? raw.parent_span_id,
    SPAN_ID_HEX_LENGTH,
    file,
    `${path}.parentSpanId`,
    true
  );

  const attributes = createDataRecord<AttributeValue>();
  readKeyValues(raw.attributes, attributes);
  const status = raw.status;
  const statusError = isObject(status) && isOtlpErrorStatus(status.code);
  const start = raw.startTimeUnixNano ?? raw.start_time_unix_nano;
  const end = raw.endTimeUnixNano ?? raw.end_time_unix_nano;
  const startMs = nanosToMs(start, file, `${path}.${timeField(raw, 'startTimeUnixNano', 'start_time_unix_nano')}`);
  nanosToMs(end, file, `${path}.${timeField(raw, 'endTimeUnixNano', 'end_time_unix_nano')}`);
  const durationMs = nanosDifferenceMs(end, start);
  const kind = otlpKindToSpanKind(raw.kind);
  if (kind === undefined) {
    throw new ParseError(file, `${path}.kind: unknown span kind ${describeValue(raw.kind)} (expected SPAN_KIND_* or 0-5)`);
  }
  return {
    traceId,
    spanId,
    // An all-zero parent id is how some exporters write "no parent".
    parentSpanId: parentSpanId === '0000000000000000' ? '' : parentSpanId,
    followsFrom: false,
    service,
    name: typeof raw.name === 'string' ? raw.name : '',
    kind,
    startMs,
    // Negative durations (end before start) are clamped so latency statistics stay meaningful.
    durationMs: durationMs > 0 ? durationMs : 0,
    error: statusError || hasErrorAttributes(attributes),
    attributes,
    resource,
  };
}

/** The time key the span uses, for error messages. */
function timeField(raw: JsonObject, camel: string, snake: string): string {
  return raw[camel] === undefined && raw[snake] !== undefined ? snake : camel;
}

function readId(value: Json, hexLength: number, file: string, path: string, optional: boolean): string {
  if (value === undefined || value === null || value === '') {
    if (optional) {
      return '';
    }
    throw new ParseError(file, `${path}: missing id`);
  }
  if (typeof value !== 'string') {
    throw new ParseError(file, `${path}: expected a hex or base64 string, got ${typeof value}`);
  }
  // Neither hex nor base64 (hand-written test data): the string itself still identifies the span.
  return normalizeId(value, hexLength) ?? value;
}

function expectArray(value: Json, file: string, path: string): Json[] {
  if (value === null) {
    return [];
  }
  if (!Array.isArray(value)) {
    throw new ParseError(file, `${path}: expected an array`);
  }
  return value;
}

function isObject(value: Json): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
