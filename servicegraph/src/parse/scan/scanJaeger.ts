/**
 * Fast path for Jaeger query JSON: reads spans straight from the text (see jsonCursor.ts), keeping only
 * the attributes derivation needs; span names and resources are left empty. Same rules as jaegerJson.ts
 * (parent = first CHILD_OF in the trace, else first FOLLOWS_FROM; µs → ms; services from `processes`,
 * which may follow the spans).
 */
import type { AttributeValue, Span } from '../../types';
import { normalizeHexId, SPAN_ID_HEX_LENGTH, TRACE_ID_HEX_LENGTH } from '../ids';
import { hasErrorAttributes, jaegerKindToSpanKind } from '../spanStatus';
import { UNKNOWN_SERVICE } from '../serviceName';
import { ScanUnsupported } from './jsonCursor';
import { TraceCursor } from './traceFields';
import { DERIVATION_ATTRIBUTE_TABLE } from './derivationAttributes';

/** Shared by spans without derivation attributes; never mutated. */
const NO_ATTRIBUTES: Record<string, AttributeValue> = Object.freeze({}) as Record<string, AttributeValue>;

/** Per-trace state while its keys arrive in any order. */
export interface JaegerTraceState {
  traceId: string | undefined;
  spans: Span[];
  processIds: string[];
  services: Map<string, string>;
}

export function createTraceState(): JaegerTraceState {
  return { traceId: undefined, spans: [], processIds: [], services: new Map() };
}

/** Reads the value of the current key if it is a trace key; false otherwise (the caller skips it). */
export function scanTraceKey(cursor: TraceCursor, state: JaegerTraceState): boolean {
  if (cursor.keyIs('spans')) {
    if (!cursor.isNull()) {
      cursor.beginArray();
      for (let first = true; cursor.nextElement(first); first = false) {
        scanSpan(cursor, state);
      }
    }
    return true;
  }
  if (cursor.keyIs('traceID')) {
    state.traceId = readTraceId(cursor);
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

/** Resolves services once the whole trace object has been read and appends its spans to `out`. */
export function finishTrace(state: JaegerTraceState, out: Span[]): void {
  const { spans, processIds, services } = state;
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i];
    if (span.traceId === '') {
      if (state.traceId === undefined) {
        throw new ScanUnsupported('span without traceID');
      }
      span.traceId = state.traceId;
    }
    span.service = services.get(processIds[i]) ?? UNKNOWN_SERVICE;
    out.push(span);
  }
}

export function scanJaegerTrace(cursor: TraceCursor, out: Span[]): void {
  const state = createTraceState();
  let traceKeys = 0;
  cursor.beginObject();
  for (let first = true; cursor.nextKey(first); first = false) {
    if (scanTraceKey(cursor, state)) {
      traceKeys++;
    } else {
      cursor.skipValue();
    }
  }
  if (traceKeys === 0) {
    throw new ScanUnsupported('not a trace object');
  }
  finishTrace(state, out);
}

interface Reference {
  traceId: string;
  spanId: string;
  followsFrom: boolean;
}

function scanSpan(cursor: TraceCursor, state: JaegerTraceState): void {
  let traceId = '';
  let spanId = '';
  let startUs = 0;
  let durationUs = 0;
  let processId = '';
  let refs: Reference[] | undefined;
  let referencesSeen = false;
  let childOf: string | undefined;
  let followsFrom: string | undefined;
  let oldParent = '';
  let attributes = NO_ATTRIBUTES;
  cursor.beginObject();
  for (let first = true; cursor.nextKey(first); first = false) {
    if (cursor.keyIs('traceID')) {
      if (traceId !== '') {
        // References may already have been judged against the first one; the full parser takes the last.
        throw new ScanUnsupported('duplicate traceID key');
      }
      traceId = readTraceId(cursor);
    } else if (cursor.keyIs('spanID')) {
      spanId = readHexId(cursor, SPAN_ID_HEX_LENGTH);
    } else if (cursor.keyIs('startTime')) {
      startUs = cursor.readNumber();
    } else if (cursor.keyIs('duration')) {
      durationUs = cursor.readNumber();
    } else if (cursor.keyIs('processID')) {
      processId = cursor.readString();
    } else if (cursor.keyIs('tags')) {
      attributes = scanTags(cursor, attributes);
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
      oldParent = readHexId(cursor, SPAN_ID_HEX_LENGTH);
    } else if (cursor.keyIs('process')) {
      throw new ScanUnsupported('embedded process');
    } else {
      cursor.skipValue();
    }
  }
  if (spanId === '') {
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
  state.spans.push({
    traceId,
    spanId,
    parentSpanId: childOf ?? followsFrom ?? (oldParent !== '' && !/^0+$/.test(oldParent) ? oldParent : ''),
    followsFrom: childOf === undefined && followsFrom !== undefined,
    service: '',
    name: '',
    kind: jaegerKindToSpanKind(attributes['span.kind']),
    startMs: startUs / 1000,
    durationMs: durationUs > 0 ? durationUs / 1000 : 0,
    error: attributes !== NO_ATTRIBUTES && hasErrorAttributes(attributes),
    attributes,
  });
  state.processIds.push(processId);
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
      traceId = readTraceId(cursor);
    } else if (cursor.keyIs('spanID')) {
      spanId = readHexId(cursor, SPAN_ID_HEX_LENGTH);
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

/** Tags `[{key, type, value}]`; returns the attributes object (a new one once a wanted tag appears). */
function scanTags(cursor: TraceCursor, attributes: Record<string, AttributeValue>): Record<string, AttributeValue> {
  if (cursor.isNull()) {
    return attributes;
  }
  cursor.beginArray();
  for (let first = true; cursor.nextElement(first); first = false) {
    if (cursor.isNull()) {
      continue;
    }
    const canonicalKey = cursor.enterKeyedEntry(DERIVATION_ATTRIBUTE_TABLE, true);
    if (canonicalKey !== undefined) {
      if (canonicalKey === null) {
        cursor.skipValue();
      } else {
        const c = cursor.peek();
        if (c === 123 || c === 91) {
          throw new ScanUnsupported('structured tag value');
        }
        const canonicalValue = cursor.readScalar();
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
        key = cursor.readStringIn(DERIVATION_ATTRIBUTE_TABLE);
        keySeen = true;
      } else if (cursor.keyIs('value') && (!keySeen || key !== undefined)) {
        const c = cursor.peek();
        if (c === 123 || c === 91) {
          throw new ScanUnsupported('structured tag value');
        }
        value = cursor.readScalar();
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

function readHexId(cursor: TraceCursor, length: number): string {
  return cursor.readId(length, normalizeOrKeep);
}

function readTraceId(cursor: TraceCursor): string {
  const id = cursor.readId(TRACE_ID_HEX_LENGTH, normalizeOrKeep, cursor.lastTraceId);
  cursor.lastTraceId = id;
  return id;
}
