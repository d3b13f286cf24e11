/**
 * Fast path for OTLP/JSON: reads spans straight from the text (see jsonCursor.ts), keeping only the
 * attributes derivation needs. Same rules as otlpJson.ts (hex or base64 ids, numeric or enum kinds and
 * status codes, nanosecond strings, `batches`/`instrumentationLibrarySpans`).
 */
import type { AttributeValue, Span } from '../../types';
import { normalizeId, SPAN_ID_HEX_LENGTH, TRACE_ID_HEX_LENGTH } from '../ids';
import { hasErrorAttributes, isOtlpErrorStatus, otlpKindToSpanKind } from '../spanStatus';
import { UNKNOWN_SERVICE } from '../serviceName';
import { nanosToMs, partsDifferenceMs, partsToMs } from '../nanos';
import { ScanUnsupported } from './jsonCursor';
import { TraceCursor } from './traceFields';
import { DERIVATION_ATTRIBUTE_TABLE, toLengthTable } from './derivationAttributes';

/** Shared by spans without derivation attributes; never mutated. */
const NO_ATTRIBUTES: Record<string, AttributeValue> = Object.freeze({}) as Record<string, AttributeValue>;
const SERVICE_NAME = toLengthTable(['service.name']);

export function scanResourceSpansArray(cursor: TraceCursor, out: Span[]): void {
  if (cursor.isNull()) {
    return;
  }
  cursor.beginArray();
  for (let first = true; cursor.nextElement(first); first = false) {
    if (!cursor.isNull()) {
      scanResourceSpans(cursor, out);
    }
  }
}

function scanResourceSpans(cursor: TraceCursor, out: Span[]): void {
  const firstSpan = out.length;
  let service = UNKNOWN_SERVICE;
  cursor.beginObject();
  for (let first = true; cursor.nextKey(first); first = false) {
    if (cursor.keyIs('resource')) {
      service = scanResourceService(cursor);
    } else if (
      cursor.keyIs('scopeSpans') ||
      cursor.keyIs('instrumentationLibrarySpans') ||
      cursor.keyIs('scope_spans') ||
      cursor.keyIs('instrumentation_library_spans')
    ) {
      scanScopes(cursor, out);
    } else {
      cursor.skipValue();
    }
  }
  // The resource may follow its spans.
  for (let i = firstSpan; i < out.length; i++) {
    out[i].service = service;
  }
}

function scanResourceService(cursor: TraceCursor): string {
  if (cursor.isNull()) {
    return UNKNOWN_SERVICE;
  }
  let attributes: Record<string, AttributeValue> = NO_ATTRIBUTES;
  cursor.beginObject();
  for (let first = true; cursor.nextKey(first); first = false) {
    if (cursor.keyIs('attributes')) {
      attributes = scanAttributes(cursor, attributes, SERVICE_NAME);
    } else {
      cursor.skipValue();
    }
  }
  const name = attributes['service.name'];
  return typeof name === 'string' && name !== '' ? name : UNKNOWN_SERVICE;
}

function scanScopes(cursor: TraceCursor, out: Span[]): void {
  if (cursor.isNull()) {
    return;
  }
  cursor.beginArray();
  for (let first = true; cursor.nextElement(first); first = false) {
    if (cursor.isNull()) {
      continue;
    }
    cursor.beginObject();
    for (let first = true; cursor.nextKey(first); first = false) {
      if (cursor.keyIs('spans')) {
        if (!cursor.isNull()) {
          cursor.beginArray();
          for (let firstSpan = true; cursor.nextElement(firstSpan); firstSpan = false) {
            out.push(scanSpan(cursor));
          }
        }
      } else {
        cursor.skipValue();
      }
    }
  }
}

function scanSpan(cursor: TraceCursor): Span {
  let traceId = '';
  let spanId = '';
  let parentSpanId = '';
  let kind: unknown = 0;
  // Times read in place when they are decimal strings (the normal case), else kept raw.
  let start: unknown = undefined;
  let end: unknown = undefined;
  let startMs = NaN;
  let startNanos = 0;
  let endMs = NaN;
  let endNanos = 0;
  let statusError = false;
  let attributes = NO_ATTRIBUTES;
  cursor.beginObject();
  for (let first = true; cursor.nextKey(first); first = false) {
    if (cursor.keyIs('traceId') || cursor.keyIs('trace_id')) {
      traceId = cursor.isNull() ? '' : cursor.readId(TRACE_ID_HEX_LENGTH, normalizeOrKeep, cursor.lastTraceId);
      cursor.lastTraceId = traceId || cursor.lastTraceId;
    } else if (cursor.keyIs('spanId') || cursor.keyIs('span_id')) {
      spanId = id(cursor, SPAN_ID_HEX_LENGTH);
    } else if (cursor.keyIs('parentSpanId') || cursor.keyIs('parent_span_id')) {
      parentSpanId = id(cursor, SPAN_ID_HEX_LENGTH);
    } else if (cursor.keyIs('kind')) {
      kind = cursor.readScalar();
    } else if (cursor.keyIs('startTimeUnixNano') || cursor.keyIs('start_time_unix_nano')) {
      if (cursor.readNanos()) {
        startMs = cursor.nanosMs;
        startNanos = cursor.nanosRest;
      } else {
        start = cursor.readScalar();
      }
    } else if (cursor.keyIs('endTimeUnixNano') || cursor.keyIs('end_time_unix_nano')) {
      if (cursor.readNanos()) {
        endMs = cursor.nanosMs;
        endNanos = cursor.nanosRest;
      } else {
        end = cursor.readScalar();
      }
    } else if (cursor.keyIs('attributes')) {
      attributes = scanAttributes(cursor, attributes, DERIVATION_ATTRIBUTE_TABLE);
    } else if (cursor.keyIs('status')) {
      statusError = scanStatusError(cursor);
    } else {
      cursor.skipValue();
    }
  }
  if (traceId === '' || spanId === '') {
    throw new ScanUnsupported('span without ids');
  }
  const startValue = Number.isNaN(startMs) ? nanosToMs(start) : partsToMs(startMs, startNanos);
  const durationMs =
    !Number.isNaN(startMs) && !Number.isNaN(endMs)
      ? partsDifferenceMs(endMs, endNanos, startMs, startNanos)
      : (Number.isNaN(endMs) ? nanosToMs(end) : partsToMs(endMs, endNanos)) - startValue;
  return {
    traceId,
    spanId,
    parentSpanId: parentSpanId === '0000000000000000' ? '' : parentSpanId,
    followsFrom: false,
    service: '',
    name: '',
    kind: otlpKindToSpanKind(kind),
    startMs: startValue,
    durationMs: durationMs > 0 ? durationMs : 0,
    error: statusError || (attributes !== NO_ATTRIBUTES && hasErrorAttributes(attributes)),
    attributes,
  };
}

function id(cursor: TraceCursor, length: number): string {
  if (cursor.isNull()) {
    return '';
  }
  return cursor.readId(length, normalizeOrKeep);
}

/** Same tolerance as the full parser: ids that are neither hex nor base64 are kept as they are. */
function normalizeOrKeep(value: string, length: number): string {
  return normalizeId(value, length) ?? value;
}

function scanStatusError(cursor: TraceCursor): boolean {
  if (cursor.isNull()) {
    return false;
  }
  let error = false;
  cursor.beginObject();
  for (let first = true; cursor.nextKey(first); first = false) {
    if (cursor.keyIs('code')) {
      error = isOtlpErrorStatus(cursor.readScalar());
    } else {
      cursor.skipValue();
    }
  }
  return error;
}

/** `[{key, value: {stringValue|intValue|…}}]`, keeping only keys in `wanted`; returns the attributes object. */
function scanAttributes(
  cursor: TraceCursor,
  attributes: Record<string, AttributeValue>,
  wanted: ReadonlyArray<readonly string[] | undefined>
): Record<string, AttributeValue> {
  if (cursor.isNull()) {
    return attributes;
  }
  cursor.beginArray();
  for (let first = true; cursor.nextElement(first); first = false) {
    if (cursor.isNull()) {
      continue;
    }
    const canonicalKey = cursor.enterKeyedEntry(wanted, false);
    if (canonicalKey !== undefined) {
      if (canonicalKey === null) {
        cursor.skipValue();
      } else {
        const canonicalValue = scanAnyValue(cursor);
        if (canonicalValue !== undefined) {
          if (attributes === NO_ATTRIBUTES) {
            attributes = {};
          }
          attributes[canonicalKey] = canonicalValue;
        }
      }
      cursor.leaveKeyedEntry();
      continue;
    }
    let key: string | undefined;
    let keySeen = false;
    let value: AttributeValue | undefined;
    cursor.beginObject();
    for (let firstField = true; cursor.nextKey(firstField); firstField = false) {
      if (cursor.keyIs('key')) {
        key = cursor.readStringIn(wanted);
        keySeen = true;
      } else if (cursor.keyIs('value') && (!keySeen || key !== undefined)) {
        value = scanAnyValue(cursor);
      } else {
        cursor.skipValue();
      }
    }
    if (key !== undefined && value !== undefined) {
      if (attributes === NO_ATTRIBUTES) {
        attributes = {};
      }
      attributes[key] = value;
    }
  }
  return attributes;
}

function scanAnyValue(cursor: TraceCursor): AttributeValue | undefined {
  if (cursor.isNull()) {
    return undefined;
  }
  let value: AttributeValue | undefined;
  cursor.beginObject();
  for (let first = true; cursor.nextKey(first); first = false) {
    if (cursor.keyIs('stringValue') || cursor.keyIs('bytesValue')) {
      const v = cursor.readScalar();
      if (typeof v !== 'string') {
        throw new ScanUnsupported('non-string stringValue');
      }
      value ??= v;
    } else if (cursor.keyIs('intValue') || cursor.keyIs('doubleValue')) {
      const v = cursor.readScalar();
      if (v !== undefined && typeof v !== 'boolean') {
        const n = typeof v === 'number' ? v : Number(v);
        value ??= Number.isFinite(n) ? n : String(v);
      }
    } else if (cursor.keyIs('boolValue')) {
      const v = cursor.readScalar();
      if (typeof v === 'boolean') {
        value ??= v;
      }
    } else if (cursor.keyIs('arrayValue') || cursor.keyIs('kvlistValue')) {
      throw new ScanUnsupported('structured attribute value');
    } else {
      cursor.skipValue();
    }
  }
  return value;
}
