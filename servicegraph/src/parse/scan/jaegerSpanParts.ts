/**
 * Parts of a Jaeger span the scanner reads with care: tags (wanted ones only, kind names without copies),
 * processIDs (as indexes into the trace's few process ids) and references (span ids as int halves).
 */
import type { AttributeValue } from '../../types';
import { normalizeHexId, SPAN_ID_HEX_LENGTH } from '../ids';
import { keyTable, ScanUnsupported } from './jsonCursor';
import type { TraceCursor } from './traceFields';
import { toLengthTable } from './derivationAttributes';
import { KIND_CODES, NO_ATTRIBUTES, type SpanDraft } from './spanColumns';
import { KeyValueListScanner, readSpanId, readTraceId, SpanIdValue } from './keyValueList';

const REF_TYPE = 0;
const REF_TRACE_ID = 1;
const REF_SPAN_ID = 2;
const REFERENCE_KEYS = keyTable([
  ['refType', REF_TYPE],
  ['traceID', REF_TRACE_ID],
  ['spanID', REF_SPAN_ID],
]);

export interface Reference {
  traceId: string;
  spanId: SpanIdValue;
  followsFrom: boolean;
}

/** Tags into the draft: wanted tags are scalars; see put() for `span.kind`. */
export class TagScanner extends KeyValueListScanner {
  private readonly draft: SpanDraft;

  constructor(draft: SpanDraft) {
    super();
    this.draft = draft;
  }

  protected readValue(cursor: TraceCursor, key: string): AttributeValue | undefined {
    const c = cursor.peek();
    if (c === 123 || c === 91) {
      throw new ScanUnsupported('structured tag value');
    }
    // A kind's name is taken from the table, not copied out of the text.
    if (key === 'span.kind' && c === 34) {
      const start = cursor.pos;
      const name = cursor.readStringIn(KIND_NAMES);
      if (name !== undefined) {
        return name;
      }
      cursor.pos = start;
    }
    return cursor.readScalar();
  }

  /**
   * A `span.kind` tag that is exactly a kind's name only sets the kind: the Span gets the tag back when it is
   * built (SpanColumns.span), so most spans need no attributes object.
   */
  protected put(key: string, value: AttributeValue): void {
    const draft = this.draft;
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
}

const KIND_NAMES = toLengthTable(KIND_CODES);

/** The reference scanReference read last (one object reused: most references are judged at once). */
export const reference: Reference = { traceId: '', spanId: new SpanIdValue(), followsFrom: false };
const REF_TYPES = toLengthTable(['FOLLOWS_FROM', 'follows_from', 'CHILD_OF', 'child_of']);

export function scanReference(cursor: TraceCursor): void {
  let traceId = '';
  let hasSpanId = false;
  let followsFrom = false;
  cursor.beginObject();
  for (let first = true; cursor.nextKnownKey(first, REFERENCE_KEYS); first = false) {
    switch (cursor.knownKey) {
      case REF_TYPE: {
        const type = cursor.readStringIn(REF_TYPES);
        followsFrom = type === 'FOLLOWS_FROM' || type === 'follows_from';
        break;
      }
      case REF_TRACE_ID:
        traceId = readTraceId(cursor, normalizeOrKeep);
        break;
      case REF_SPAN_ID:
        hasSpanId = readSpanId(cursor, reference.spanId, normalizeOrKeep);
        break;
      default:
        cursor.skipValue();
    }
  }
  if (!hasSpanId) {
    throw new ScanUnsupported('reference without spanID');
  }
  reference.traceId = traceId;
  reference.followsFrom = followsFrom;
}

/**
 * The span's processID as an index into the trace's distinct ids, compared where it stands: a trace has a
 * few processes and hundreds of spans naming them.
 */
export function readProcessCode(cursor: TraceCursor, processIds: string[]): number {
  if (cursor.peek() === 34) {
    const start = cursor.pos + 1;
    const end = cursor.plainStringEnd(start);
    if (end >= 0) {
      for (let code = 0; code < processIds.length; code++) {
        const id = processIds[code];
        if (id.length === end - start && cursor.matchesAt(id, start)) {
          cursor.pos = end + 1;
          return code;
        }
      }
    }
  }
  return internProcessId(processIds, cursor.readString());
}

export function internProcessId(processIds: string[], id: string): number {
  const known = processIds.indexOf(id);
  if (known >= 0) {
    return known;
  }
  processIds.push(id);
  return processIds.length - 1;
}

/** Same tolerance as the full parser: non-hex ids are kept as they are. */
export function normalizeOrKeep(value: string, length: number): string {
  return normalizeHexId(value, length) ?? value;
}

export function readHexId(cursor: TraceCursor): string {
  return cursor.readId(SPAN_ID_HEX_LENGTH, normalizeOrKeep);
}
