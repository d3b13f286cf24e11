/**
 * Fast path for Jaeger query JSON: reads spans straight from the text (see jsonCursor.ts) into SpanColumns,
 * keeping only the attributes derivation needs; span names and resources are left empty. Same rules as
 * jaegerJson.ts (parent = first CHILD_OF in the trace, else first FOLLOWS_FROM; µs → ms; services from
 * `processes`, which may follow the spans).
 */
import type { AttributeValue } from '../../types';
import { normalizeHexId, SPAN_ID_HEX_LENGTH } from '../ids';
import { hasErrorAttributes, jaegerKindToSpanKind } from '../spanStatus';
import { UNKNOWN_SERVICE } from '../serviceName';
import { ScanUnsupported } from './jsonCursor';
import { TraceCursor } from './traceFields';
import { DERIVATION_ATTRIBUTE_TABLE } from './derivationAttributes';
import { KIND_CODE, KIND_CODES, NO_ATTRIBUTES, setParentId, SpanDraft, type SpanColumns } from './spanColumns';
import { readSpanIdInto, readTraceId, scanKeyValueList } from './keyValueList';

/** Per-trace state while its keys arrive in any order. */
export interface JaegerTraceState {
  traceId: string | undefined;
  /** Column index of the trace's first span. */
  first: number;
  processIds: string[];
  services: Map<string, string>;
}

export function createTraceState(columns: SpanColumns): JaegerTraceState {
  return { traceId: undefined, first: columns.count, processIds: [], services: new Map() };
}

/** Reads the value of the current key if it is a trace key; false otherwise (the caller skips it). */
export function scanTraceKey(cursor: TraceCursor, state: JaegerTraceState, columns: SpanColumns): boolean {
  if (cursor.keyIs('spans')) {
    if (!cursor.isNull()) {
      cursor.beginArray();
      for (let first = true; cursor.nextElement(first); first = false) {
        scanSpan(cursor, state, columns);
      }
    }
    return true;
  }
  if (cursor.keyIs('traceID')) {
    state.traceId = readTraceId(cursor, normalizeOrKeep);
    return true;
  }
  if (cursor.keyIs('processes')) {
    if (!cursor.isNull()) {
      scanProcesses(cursor, state.services);
    }
    return true;
  }
  return false;
}

/** Resolves services (and spans' missing trace ids) once the whole trace object has been read. */
export function finishTrace(state: JaegerTraceState, columns: SpanColumns): void {
  const { first, processIds, services } = state;
  const traceCode = state.traceId === undefined ? -1 : columns.internTrace(state.traceId);
  for (let i = first; i < columns.count; i++) {
    if (columns.traceOf(i) === -1) {
      if (traceCode === -1) {
        throw new ScanUnsupported('span without traceID');
      }
      columns.setTrace(i, traceCode);
    }
    columns.setService(i, columns.internService(services.get(processIds[i - first]) ?? UNKNOWN_SERVICE));
  }
}

export function scanJaegerTrace(cursor: TraceCursor, columns: SpanColumns): void {
  const state = createTraceState(columns);
  let traceKeys = 0;
  cursor.beginObject();
  for (let first = true; cursor.nextKey(first); first = false) {
    if (scanTraceKey(cursor, state, columns)) {
      traceKeys++;
    } else {
      cursor.skipValue();
    }
  }
  if (traceKeys === 0) {
    throw new ScanUnsupported('not a trace object');
  }
  finishTrace(state, columns);
}

interface Reference {
  traceId: string;
  spanId: string;
  followsFrom: boolean;
}

/** One draft reused for every span. */
const draft = new SpanDraft();

function scanSpan(cursor: TraceCursor, state: JaegerTraceState, columns: SpanColumns): void {
  let traceId = '';
  let hasSpanId = false;
  let startUs = 0;
  let durationUs = 0;
  let processId = '';
  let refs: Reference[] | undefined;
  let referencesSeen = false;
  let childOf: string | undefined;
  let followsFrom: string | undefined;
  let oldParent = '';
  draft.attributes = NO_ATTRIBUTES;
  draft.kindTag = false;
  cursor.beginObject();
  for (let first = true; cursor.nextKey(first); first = false) {
    if (cursor.keyIs('traceID')) {
      if (traceId !== '') {
        // References may already have been judged against the first one; the full parser takes the last.
        throw new ScanUnsupported('duplicate traceID key');
      }
      traceId = readTraceId(cursor, normalizeOrKeep);
    } else if (cursor.keyIs('spanID')) {
      hasSpanId = readSpanIdInto(cursor, draft, false, normalizeOrKeep);
    } else if (cursor.keyIs('startTime')) {
      startUs = cursor.readNumber();
    } else if (cursor.keyIs('duration')) {
      durationUs = cursor.readNumber();
    } else if (cursor.keyIs('processID')) {
      processId = cursor.readString();
    } else if (cursor.keyIs('tags')) {
      scanKeyValueList(cursor, DERIVATION_ATTRIBUTE_TABLE, true, readTagValue, putTag);
    } else if (cursor.keyIs('references')) {
      if (referencesSeen) {
        throw new ScanUnsupported('duplicate references key');
      }
      referencesSeen = true;
      if (!cursor.isNull()) {
        cursor.beginArray();
        for (let firstRef = true; cursor.nextElement(firstRef); firstRef = false) {
          if (cursor.isNull()) {
            continue;
          }
          scanReference(cursor);
          if (traceId === '') {
            // Judged once the span's own traceID is known (fields come in any order).
            (refs ??= []).push({ ...reference });
          } else if (reference.traceId === '' || reference.traceId === traceId) {
            // The usual order (traceID first): judged now, nothing kept per reference.
            if (reference.followsFrom) {
              followsFrom ??= reference.spanId;
            } else {
              childOf ??= reference.spanId;
            }
          }
        }
      }
    } else if (cursor.keyIs('parentSpanID')) {
      oldParent = readHexId(cursor);
    } else if (cursor.keyIs('process')) {
      throw new ScanUnsupported('embedded process');
    } else {
      cursor.skipValue();
    }
  }
  if (!hasSpanId) {
    throw new ScanUnsupported('span without spanID');
  }
  // References read before the span's own traceID are judged now.
  if (refs !== undefined) {
    const ownTrace = traceId || state.traceId;
    if (ownTrace === undefined) {
      throw new ScanUnsupported('references before the traceID');
    }
    for (const ref of refs) {
      if (ref.traceId !== '' && ref.traceId !== ownTrace) {
        continue;
      }
      if (ref.followsFrom) {
        followsFrom ??= ref.spanId;
      } else {
        childOf ??= ref.spanId;
      }
    }
  }
  const attributes = draft.attributes;
  draft.trace = traceId === '' ? -1 : columns.internTrace(traceId);
  setParentId(draft, childOf ?? followsFrom ?? (oldParent !== '' && !/^0+$/.test(oldParent) ? oldParent : ''));
  draft.followsFrom = childOf === undefined && followsFrom !== undefined;
  if (!draft.kindTag) {
    draft.kind = KIND_CODE[jaegerKindToSpanKind(attributes['span.kind'])];
  }
  draft.startMs = startUs / 1000;
  draft.durationMs = durationUs > 0 ? durationUs / 1000 : 0;
  draft.error = attributes !== NO_ATTRIBUTES && hasErrorAttributes(attributes);
  draft.service = 0;
  columns.push(draft);
  state.processIds.push(processId);
}

function readTagValue(cursor: TraceCursor): AttributeValue | undefined {
  const c = cursor.peek();
  if (c === 123 || c === 91) {
    throw new ScanUnsupported('structured tag value');
  }
  return cursor.readScalar();
}

/**
 * A wanted tag into the draft. A `span.kind` tag that is exactly a kind's name only sets the kind: the Span
 * gets the tag back when it is built (SpanColumns.span), so most spans need no attributes object.
 */
function putTag(key: string, value: AttributeValue): void {
  if (key === 'span.kind') {
    const code = typeof value === 'string' ? KIND_CODES.indexOf(value as (typeof KIND_CODES)[number]) : -1;
    if (code >= 0 && draft.attributes['span.kind'] === undefined) {
      draft.kind = code;
      draft.kindTag = true;
      return;
    }
    draft.kindTag = false;
  }
  if (draft.attributes === NO_ATTRIBUTES) {
    draft.attributes = {};
  }
  draft.attributes[key] = value;
}

/** The reference scanReference read last (one object reused: most references are judged at once). */
const reference: Reference = { traceId: '', spanId: '', followsFrom: false };

function scanReference(cursor: TraceCursor): void {
  let traceId = '';
  let spanId = '';
  let followsFrom = false;
  cursor.beginObject();
  for (let first = true; cursor.nextKey(first); first = false) {
    if (cursor.keyIs('refType')) {
      const type = cursor.readString();
      followsFrom = type === 'FOLLOWS_FROM' || type === 'follows_from';
    } else if (cursor.keyIs('traceID')) {
      traceId = readTraceId(cursor, normalizeOrKeep);
    } else if (cursor.keyIs('spanID')) {
      spanId = readHexId(cursor);
    } else {
      cursor.skipValue();
    }
  }
  if (spanId === '') {
    throw new ScanUnsupported('reference without spanID');
  }
  reference.traceId = traceId;
  reference.spanId = spanId;
  reference.followsFrom = followsFrom;
}

function scanProcesses(cursor: TraceCursor, services: Map<string, string>): void {
  cursor.beginObject();
  for (let first = true; cursor.nextKey(first); first = false) {
    const id = cursor.key();
    if (cursor.isNull()) {
      continue;
    }
    let service = UNKNOWN_SERVICE;
    cursor.beginObject();
    for (let firstField = true; cursor.nextKey(firstField); firstField = false) {
      if (cursor.keyIs('serviceName') && cursor.peek() === 34) {
        service = cursor.readString() || UNKNOWN_SERVICE;
      } else {
        cursor.skipValue();
      }
    }
    services.set(id, service);
  }
}

/** Same tolerance as the full parser: non-hex ids are kept as they are. */
function normalizeOrKeep(value: string, length: number): string {
  return normalizeHexId(value, length) ?? value;
}

function readHexId(cursor: TraceCursor): string {
  return cursor.readId(SPAN_ID_HEX_LENGTH, normalizeOrKeep);
}
