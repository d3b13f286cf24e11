/**
 * Fast path for OTLP/JSON: reads spans straight from the text (see jsonCursor.ts), keeping only the
 * attributes derivation needs. Same rules as otlpJson.ts (hex or base64 ids, numeric or enum kinds and
 * status codes, nanosecond strings, `batches`/`instrumentationLibrarySpans`).
 */
import type { AttributeValue } from '../../types';
import { normalizeId } from '../ids';
import { hasErrorAttributes, isOtlpErrorStatus, otlpKindToSpanKind } from '../spanStatus';
import { UNKNOWN_SERVICE } from '../serviceName';
import { partsDifferenceMs, partsToMs, readNanosMs } from '../nanos';
import { keyTable, ScanUnsupported } from './jsonCursor';
import { TraceCursor } from './traceFields';
import { DERIVATION_ATTRIBUTE_TABLE, toLengthTable } from './derivationAttributes';
import { KIND_CODE, NO_ATTRIBUTES, SpanDraft, type SpanColumns } from './spanColumns';
import { KeyValueListScanner, readSpanIdInto, readTraceCode } from './keyValueList';
import { scanAnyValue } from './scanAnyValue';

const SERVICE_NAME = toLengthTable(['service.name']);

const TRACE_ID = 0;
const SPAN_ID = 1;
const PARENT_SPAN_ID = 2;
const KIND = 3;
const START_TIME = 4;
const END_TIME = 5;
const ATTRIBUTES = 6;
const STATUS = 7;
/** Span keys, with the protobuf-JSON (camelCase) and proto (snake_case) names. */
const SPAN_KEYS = keyTable([
  ['traceId', TRACE_ID],
  ['trace_id', TRACE_ID],
  ['spanId', SPAN_ID],
  ['span_id', SPAN_ID],
  ['parentSpanId', PARENT_SPAN_ID],
  ['parent_span_id', PARENT_SPAN_ID],
  ['kind', KIND],
  ['startTimeUnixNano', START_TIME],
  ['start_time_unix_nano', START_TIME],
  ['endTimeUnixNano', END_TIME],
  ['end_time_unix_nano', END_TIME],
  ['attributes', ATTRIBUTES],
  ['status', STATUS],
]);

const ZERO_ID = '0000000000000000';

export function scanResourceSpansArray(cursor: TraceCursor, columns: SpanColumns): void {
  if (cursor.isNull()) {
    return;
  }
  cursor.beginArray();
  for (let first = true; cursor.nextElement(first); first = false) {
    if (!cursor.isNull()) {
      scanResourceSpans(cursor, columns);
    }
  }
}

function scanResourceSpans(cursor: TraceCursor, columns: SpanColumns): void {
  const firstSpan = columns.count;
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
      scanScopes(cursor, columns);
    } else {
      cursor.skipValue();
    }
  }
  // The resource may follow its spans.
  const serviceCode = columns.internService(service);
  for (let i = firstSpan; i < columns.count; i++) {
    columns.setService(i, serviceCode);
  }
}

function scanResourceService(cursor: TraceCursor): string {
  if (cursor.isNull()) {
    return UNKNOWN_SERVICE;
  }
  resourceServiceName = undefined;
  cursor.beginObject();
  for (let first = true; cursor.nextKey(first); first = false) {
    if (cursor.keyIs('attributes')) {
      serviceNameScanner.scan(cursor, SERVICE_NAME, false);
    } else {
      cursor.skipValue();
    }
  }
  const name = resourceServiceName as AttributeValue | undefined;
  return typeof name === 'string' && name !== '' ? name : UNKNOWN_SERVICE;
}

/** The last service.name value of the resource being read. */
let resourceServiceName: AttributeValue | undefined;

/** Resource attributes: only service.name, into resourceServiceName. */
class ServiceNameScanner extends KeyValueListScanner {
  protected readValue(cursor: TraceCursor): AttributeValue | undefined {
    return scanAnyValue(cursor);
  }

  protected put(_key: string, value: AttributeValue): void {
    resourceServiceName = value;
  }
}

const serviceNameScanner = new ServiceNameScanner();

function scanScopes(cursor: TraceCursor, columns: SpanColumns): void {
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
            scanSpan(cursor, columns);
          }
        }
      } else {
        cursor.skipValue();
      }
    }
  }
}

/** One draft reused for every span. */
const draft = new SpanDraft();

function scanSpan(cursor: TraceCursor, columns: SpanColumns): void {
  let trace = -1;
  let hasSpanId = false;
  let kind: unknown = 0;
  // Times read in place when they are decimal strings (the normal case), else kept raw.
  let start: unknown = undefined;
  let end: unknown = undefined;
  let startMs = NaN;
  let startNanos = 0;
  let endMs = NaN;
  let endNanos = 0;
  let statusError = false;
  draft.attributes = NO_ATTRIBUTES;
  draft.parentText = '';
  cursor.beginObject();
  for (let first = true; cursor.nextKnownKey(first, SPAN_KEYS); first = false) {
    switch (cursor.knownKey) {
      case TRACE_ID:
        trace = cursor.isNull() ? -1 : readTraceCode(cursor, columns, normalizeOrKeep);
        break;
      case SPAN_ID:
        hasSpanId = !cursor.isNull() && readSpanIdInto(cursor, draft, false, normalizeOrKeep);
        break;
      case PARENT_SPAN_ID:
        if (cursor.isNull()) {
          draft.parentText = '';
        } else {
          readSpanIdInto(cursor, draft, true, normalizeOrKeep);
        }
        break;
      case KIND:
        kind = cursor.readScalar();
        break;
      case START_TIME:
        if (cursor.readNanos()) {
          startMs = cursor.nanosMs;
          startNanos = cursor.nanosRest;
        } else {
          start = cursor.readScalar();
        }
        break;
      case END_TIME:
        if (cursor.readNanos()) {
          endMs = cursor.nanosMs;
          endNanos = cursor.nanosRest;
        } else {
          end = cursor.readScalar();
        }
        break;
      case ATTRIBUTES:
        attributeScanner.scan(cursor, DERIVATION_ATTRIBUTE_TABLE, false);
        break;
      case STATUS:
        statusError = scanStatusError(cursor);
        break;
      default:
        cursor.skipValue();
    }
  }
  if (trace === -1 || !hasSpanId) {
    throw new ScanUnsupported('span without ids');
  }
  const startValue = Number.isNaN(startMs) ? scalarNanosMs(start) : partsToMs(startMs, startNanos);
  const durationMs =
    !Number.isNaN(startMs) && !Number.isNaN(endMs)
      ? partsDifferenceMs(endMs, endNanos, startMs, startNanos)
      : (Number.isNaN(endMs) ? scalarNanosMs(end) : partsToMs(endMs, endNanos)) - startValue;
  const spanKind = otlpKindToSpanKind(kind);
  if (spanKind === undefined) {
    throw new ScanUnsupported('unknown span kind');
  }
  const attributes = draft.attributes;
  if (draft.parentText === undefined ? draft.parentHi === 0 && draft.parentLo === 0 : draft.parentText === ZERO_ID) {
    draft.parentText = '';
  }
  draft.trace = trace;
  draft.followsFrom = false;
  draft.service = 0;
  draft.kind = KIND_CODE[spanKind];
  draft.kindTag = false;
  draft.startMs = startValue;
  draft.durationMs = durationMs > 0 ? durationMs : 0;
  draft.error = statusError || (attributes !== NO_ATTRIBUTES && hasErrorAttributes(attributes));
  columns.push(draft);
}

/** Malformed times (and unknown kind names) go to the full parser, which names the field in its ParseError. */
function scalarNanosMs(value: unknown): number {
  const ms = readNanosMs(value);
  if (Number.isNaN(ms)) {
    throw new ScanUnsupported('non-numeric time');
  }
  return ms;
}

/** Span attributes into the draft. */
class AttributeScanner extends KeyValueListScanner {
  protected readValue(cursor: TraceCursor): AttributeValue | undefined {
    return scanAnyValue(cursor);
  }

  protected put(key: string, value: AttributeValue): void {
    if (draft.attributes === NO_ATTRIBUTES) {
      draft.attributes = {};
    }
    draft.attributes[key] = value;
  }
}

const attributeScanner = new AttributeScanner();

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
