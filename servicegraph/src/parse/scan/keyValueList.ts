/**
 * Readers the Jaeger and OTLP scanners share: tag/attribute lists (`[{key, value}]`, Jaeger with a `type`
 * between) keeping only wanted keys, and trace/span ids into a SpanDraft.
 */
import type { AttributeValue } from '../../types';
import { SPAN_ID_HEX_LENGTH, TRACE_ID_HEX_LENGTH } from '../ids';
import type { TraceCursor } from './traceFields';
import { setParentId, setSpanId, type SpanColumns, type SpanDraft } from './spanColumns';

/**
 * `[{key, value}]` lists (`withType`: Jaeger's `{key, type, value}`), null entries allowed, keeping only keys
 * in `wanted` (a length table, see toLengthTable); other values are skipped without being read. Each format
 * subclasses it with its value reader and sink: methods rather than callbacks, so the few call sites stay
 * polymorphic and inlinable (callbacks shared by both scanners made the calls megamorphic and cost OTLP
 * scanning ~25% after a Jaeger scan had run).
 */
export abstract class KeyValueListScanner {
  /** Reads the value of the wanted key `key` ('' when the value comes before its key); undefined for null. */
  protected abstract readValue(cursor: TraceCursor, key: string): AttributeValue | undefined;

  /** Receives each wanted key (its entry in the `wanted` table) with its value, in list order. */
  protected abstract put(key: string, value: AttributeValue): void;

  scan(cursor: TraceCursor, wanted: ReadonlyArray<readonly string[] | undefined>, withType: boolean): void {
    if (cursor.isNull()) {
      return;
    }
    cursor.beginArray();
    for (let first = true; cursor.nextElement(first); first = false) {
      if (cursor.isNull()) {
        continue;
      }
      const canonicalKey = cursor.enterKeyedEntry(wanted, withType);
      if (canonicalKey !== undefined) {
        if (canonicalKey === null) {
          cursor.skipValue();
        } else {
          const value = this.readValue(cursor, canonicalKey);
          if (value !== undefined) {
            this.put(canonicalKey, value);
          }
        }
        cursor.leaveKeyedEntry();
        continue;
      }
      this.scanEntryFields(cursor, wanted);
    }
  }

  /** An entry in another layout (key order, whitespace): field by field. */
  private scanEntryFields(cursor: TraceCursor, wanted: ReadonlyArray<readonly string[] | undefined>): void {
    let key: string | undefined;
    let keySeen = false;
    let value: AttributeValue | undefined;
    cursor.beginObject();
    for (let firstField = true; cursor.nextKey(firstField); firstField = false) {
      if (cursor.keyIs('key')) {
        key = cursor.readStringIn(wanted);
        keySeen = true;
      } else if (cursor.keyIs('value') && keySeen && key !== undefined) {
        value = this.readValue(cursor, key);
      } else if (cursor.keyIs('value') && !keySeen) {
        // The value before its key: read it as it would be for any wanted key.
        value = this.readValue(cursor, '');
      } else {
        cursor.skipValue();
      }
    }
    if (key !== undefined && value !== undefined) {
      this.put(key, value);
    }
  }
}

/**
 * A trace id (the previous one is reused when the text repeats it, so spans of one trace share one string);
 * ids in another form go through `normalize`, which keeps what it cannot read as it is.
 */
export function readTraceId(cursor: TraceCursor, normalize: (value: string, length: number) => string): string {
  const id = cursor.readId(TRACE_ID_HEX_LENGTH, normalize, cursor.lastTraceId);
  cursor.lastTraceId = id;
  return id;
}

/**
 * A trace id as its code in `columns` (-1 for ''): 32 lowercase hex digits are looked up where they stand,
 * without making a string for every span.
 */
export function readTraceCode(
  cursor: TraceCursor,
  columns: SpanColumns,
  normalize: (value: string, length: number) => string
): number {
  // A trace seen before: the text equals a known (normalized) id, so it needs no checking.
  if (cursor.peek() === 34) {
    const idStart = cursor.pos + 1;
    const idEnd = idStart + TRACE_ID_HEX_LENGTH;
    if (cursor.text.charCodeAt(idEnd) === 34) {
      const known = columns.findTraceIn(cursor.text, idStart, idEnd);
      if (known >= 0) {
        cursor.pos = idEnd + 1;
        return known;
      }
    }
  }
  const start = cursor.readPlainHexId(TRACE_ID_HEX_LENGTH);
  if (start >= 0) {
    return columns.internTraceIn(cursor.text, start, start + TRACE_ID_HEX_LENGTH);
  }
  const id = normalize(cursor.readString(), TRACE_ID_HEX_LENGTH);
  return id === '' ? -1 : columns.internTrace(id);
}

/** A span id as read: two int32 halves of 16 lowercase hex digits, or (`text` set) a string. */
export class SpanIdValue {
  hi = 0;
  lo = 0;
  text: string | undefined = undefined;
}

/** A span id into `into` (see readSpanIdInto); false when it is ''. */
export function readSpanId(
  cursor: TraceCursor,
  into: SpanIdValue,
  normalize: (value: string, length: number) => string
): boolean {
  if (cursor.readHexId16()) {
    into.hi = cursor.idHi;
    into.lo = cursor.idLo;
    into.text = undefined;
    return true;
  }
  into.text = normalize(cursor.readString(), SPAN_ID_HEX_LENGTH);
  return into.text !== '';
}

/** Sets the draft's parent to a span id read by readSpanId. */
export function setParentFrom(draft: SpanDraft, id: SpanIdValue): void {
  if (id.text === undefined) {
    draft.parentHi = id.hi;
    draft.parentLo = id.lo;
    draft.parentText = undefined;
  } else {
    setParentId(draft, id.text);
  }
}

/**
 * A span id into the draft (`parent`: as its parent): 16 lowercase hex digits are read into the draft's two
 * halves without making a string; other forms are normalized first. Returns false when the id is ''.
 */
export function readSpanIdInto(
  cursor: TraceCursor,
  draft: SpanDraft,
  parent: boolean,
  normalize: (value: string, length: number) => string
): boolean {
  if (cursor.readHexId16()) {
    if (parent) {
      draft.parentHi = cursor.idHi;
      draft.parentLo = cursor.idLo;
      draft.parentText = undefined;
    } else {
      draft.spanHi = cursor.idHi;
      draft.spanLo = cursor.idLo;
      draft.spanText = undefined;
    }
    return true;
  }
  const id = normalize(cursor.readString(), SPAN_ID_HEX_LENGTH);
  if (parent) {
    setParentId(draft, id);
  } else {
    setSpanId(draft, id);
  }
  return id !== '';
}
