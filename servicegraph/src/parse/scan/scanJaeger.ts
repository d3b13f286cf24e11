/**
 * Fast path for Jaeger query JSON: reads spans straight from the text (see jsonCursor.ts) into SpanColumns,
 * keeping only the attributes derivation needs; span names and resources are left empty. Same rules as
 * jaegerJson.ts (parent = first CHILD_OF in the trace, else first FOLLOWS_FROM; µs → ms; services from
 * `processes`, which may follow the spans).
 */
import { hasErrorAttributes, jaegerKindToSpanKind } from '../spanStatus';
import { UNKNOWN_SERVICE } from '../serviceName';
import { keyTable, ScanUnsupported } from './jsonCursor';
import { TraceCursor } from './traceFields';
import { DERIVATION_ATTRIBUTE_TABLE } from './derivationAttributes';
import { KIND_CODE, NO_ATTRIBUTES, setParentId, SpanDraft, type SpanColumns } from './spanColumns';
import { readSpanIdInto, readTraceId, setParentFrom, SpanIdValue } from './keyValueList';
import {
  internProcessId,
  normalizeOrKeep,
  readHexId,
  readProcessCode,
  reference,
  scanReference,
  TagScanner,
  type Reference,
} from './jaegerSpanParts';

/** Per-trace state while its keys arrive in any order. */
export interface JaegerTraceState {
  traceId: string | undefined;
  /** Column index of the trace's first span. */
  first: number;
  /** Per span (from `first` on): its processID as an index into processIds (the distinct ones). */
  processCodes: number[];
  processIds: string[];
  services: Map<string, string>;
}

export function createTraceState(columns: SpanColumns): JaegerTraceState {
  return { traceId: undefined, first: columns.count, processCodes: [], processIds: [], services: new Map() };
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
  const { first, processCodes, processIds, services } = state;
  const serviceCodes = processIds.map((id) => columns.internService(services.get(id) ?? UNKNOWN_SERVICE));
  const traceCode = state.traceId === undefined ? -1 : columns.internTrace(state.traceId);
  for (let i = first; i < columns.count; i++) {
    if (columns.traceOf(i) === -1) {
      if (traceCode === -1) {
        throw new ScanUnsupported('span without traceID');
      }
      columns.setTrace(i, traceCode);
    }
    columns.setService(i, serviceCodes[processCodes[i - first]]);
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

/** One draft reused for every span. */
const draft = new SpanDraft();
const tagScanner = new TagScanner(draft);

const TRACE_ID = 0;
const SPAN_ID = 1;
const START_TIME = 2;
const DURATION = 3;
const PROCESS_ID = 4;
const TAGS = 5;
const REFERENCES = 6;
const PARENT_SPAN_ID = 7;
const PROCESS = 8;
const SPAN_KEYS = keyTable([
  ['traceID', TRACE_ID],
  ['spanID', SPAN_ID],
  ['startTime', START_TIME],
  ['duration', DURATION],
  ['processID', PROCESS_ID],
  ['tags', TAGS],
  ['references', REFERENCES],
  ['parentSpanID', PARENT_SPAN_ID],
  ['process', PROCESS],
]);
function scanSpan(cursor: TraceCursor, state: JaegerTraceState, columns: SpanColumns): void {
  let traceId = '';
  let hasSpanId = false;
  let startUs = 0;
  let durationUs = 0;
  let processCode = -1;
  let refs: Reference[] | undefined;
  let referencesSeen = false;
  let childOfSet = false;
  let followsFromSet = false;
  let oldParent = '';
  draft.attributes = NO_ATTRIBUTES;
  draft.kindTag = false;
  cursor.beginObject();
  for (let first = true; cursor.nextKnownKey(first, SPAN_KEYS); first = false) {
    switch (cursor.knownKey) {
      case TRACE_ID:
        if (traceId !== '') {
          // References may already have been judged against the first one; the full parser takes the last.
          throw new ScanUnsupported('duplicate traceID key');
        }
        traceId = readTraceId(cursor, normalizeOrKeep);
        break;
      case SPAN_ID:
        hasSpanId = readSpanIdInto(cursor, draft, false, normalizeOrKeep);
        break;
      case START_TIME:
        startUs = cursor.readNumber();
        break;
      case DURATION:
        durationUs = cursor.readNumber();
        break;
      case PROCESS_ID:
        processCode = readProcessCode(cursor, state.processIds);
        break;
      case TAGS:
        tagScanner.scan(cursor, DERIVATION_ATTRIBUTE_TABLE, true);
        break;
      case REFERENCES:
        if (referencesSeen) {
          throw new ScanUnsupported('duplicate references key');
        }
        referencesSeen = true;
        if (cursor.isNull()) {
          break;
        }
        cursor.beginArray();
        for (let firstRef = true; cursor.nextElement(firstRef); firstRef = false) {
          if (cursor.isNull()) {
            continue;
          }
          scanReference(cursor);
          if (traceId === '') {
            // Judged once the span's own traceID is known (fields come in any order).
            const spanId = Object.assign(new SpanIdValue(), reference.spanId);
            (refs ??= []).push({ traceId: reference.traceId, spanId, followsFrom: reference.followsFrom });
          } else if (reference.traceId === '' || reference.traceId === traceId) {
            // The usual order (traceID first): judged now, nothing kept per reference.
            if (reference.followsFrom) {
              followsFromSet = followsFromSet || copyId(followsFrom, reference.spanId);
            } else {
              childOfSet = childOfSet || copyId(childOf, reference.spanId);
            }
          }
        }
        break;
      case PARENT_SPAN_ID:
        oldParent = readHexId(cursor);
        break;
      case PROCESS:
        throw new ScanUnsupported('embedded process');
      default:
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
        followsFromSet = followsFromSet || copyId(followsFrom, ref.spanId);
      } else {
        childOfSet = childOfSet || copyId(childOf, ref.spanId);
      }
    }
  }
  const attributes = draft.attributes;
  draft.trace = traceId === '' ? -1 : columns.internTrace(traceId);
  if (childOfSet) {
    setParentFrom(draft, childOf);
  } else if (followsFromSet) {
    setParentFrom(draft, followsFrom);
  } else {
    setParentId(draft, oldParent !== '' && !/^0+$/.test(oldParent) ? oldParent : '');
  }
  draft.followsFrom = !childOfSet && followsFromSet;
  if (!draft.kindTag) {
    draft.kind = KIND_CODE[jaegerKindToSpanKind(attributes['span.kind'])];
  }
  draft.startMs = startUs / 1000;
  draft.durationMs = durationUs > 0 ? durationUs / 1000 : 0;
  draft.error = attributes !== NO_ATTRIBUTES && hasErrorAttributes(attributes);
  draft.service = 0;
  columns.push(draft);
  state.processCodes.push(processCode < 0 ? internProcessId(state.processIds, '') : processCode);
}

/** The span's first CHILD_OF and FOLLOWS_FROM parents (reused for every span). */
const childOf = new SpanIdValue();
const followsFrom = new SpanIdValue();

function copyId(into: SpanIdValue, from: SpanIdValue): true {
  into.hi = from.hi;
  into.lo = from.lo;
  into.text = from.text;
  return true;
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
