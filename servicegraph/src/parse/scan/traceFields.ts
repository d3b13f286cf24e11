/**
 * Readers for the fields trace dumps are made of, on top of JsonCursor: ids (checked and copied in place),
 * nanosecond timestamps (split without building strings), the `{"key": …, "value": …}` entries of tags and
 * attributes, and strings matched against a small table without copying.
 */
import { BACKSLASH, CLOSE_BRACE, JsonCursor, NINE, QUOTE, ScanUnsupported, ZERO } from './jsonCursor';

/**
 * A hex id of `length` digits read in place: already-lowercase full-width ids (the common case) are
 * sliced once without a regex; anything else goes through `normalize`.
 */
export function readId(
cursor: JsonCursor,
length: number,
normalize: (value: string, length: number) => string | undefined,
previous?: string
): string {
  if (cursor.peek() !== QUOTE) {
    throw new ScanUnsupported(`expected an id at ${cursor.pos}`);
  }
  const text = cursor.text;
  const start = cursor.pos + 1;
  const end = start + length;
  if (text.charCodeAt(end) === QUOTE) {
    // Spans of one trace repeat its id: reusing the string saves the copy and its hashing downstream.
    if (previous !== undefined && previous.length === length && text.startsWith(previous, start)) {
      cursor.pos = end + 1;
      return previous;
    }
    let i = start;
    for (; i < end; i++) {
      const c = text.charCodeAt(i);
      if (!((c >= ZERO && c <= NINE) || (c >= 97 && c <= 102))) {
        break;
      }
    }
    if (i === end) {
      cursor.pos = end + 1;
      return copyOf(text, start, end);
    }
  }
  const value = cursor.readString();
  return normalize(value, length) ?? value;
}


/**
 * Reads a quoted decimal nanosecond timestamp of 7..22 digits in place into nanosMs/nanosRest; false (and
 * nothing consumed) for any other value.
 */
export function readNanos(cursor: JsonCursor): boolean {
  if (cursor.peek() !== QUOTE) {
    return false;
  }
  const text = cursor.text;
  const start = cursor.pos + 1;
  let pos = start;
  let c = text.charCodeAt(pos);
  while (c >= ZERO && c <= NINE) {
    c = text.charCodeAt(++pos);
  }
  const digits = pos - start;
  if (c !== QUOTE || digits < 7 || digits > 22) {
    return false;
  }
  const split = pos - 6;
  let whole = 0;
  for (let i = start; i < split; i++) {
    whole = whole * 10 + (text.charCodeAt(i) - ZERO);
  }
  let rest = 0;
  for (let i = split; i < pos; i++) {
    rest = rest * 10 + (text.charCodeAt(i) - ZERO);
  }
  cursor.nanosMs = whole;
  cursor.nanosRest = rest;
  cursor.pos = pos + 1;
  return true;
}


/**
 * Fast path for the `{"key":"K",<middle>"value":` layout that JSON encoders write for Jaeger tags
 * (middle `"type":"T",`) and OTLP attributes (no middle): on a match the cursor stands at the value and
 * the key is returned as its entry in `table` (null when it is not in the table); undefined, with nothing
 * consumed, when the text has another layout.
 */
export function enterKeyedEntry(
cursor: JsonCursor,
table: ReadonlyArray<readonly string[] | undefined>,
withType: boolean
): string | null | undefined {
  const text = cursor.text;
  const open = cursor.pos;
  if (!text.startsWith('{"key":"', open)) {
    return undefined;
  }
  const keyStart = open + 8;
  const keyEnd = text.indexOf('"', keyStart);
  if (keyEnd < 0 || text.charCodeAt(keyEnd - 1) === BACKSLASH) {
    return undefined;
  }
  let pos = keyEnd + 1;
  if (withType) {
    if (!text.startsWith(',"type":"', pos)) {
      return undefined;
    }
    const typeEnd = text.indexOf('"', pos + 9);
    if (typeEnd < 0 || text.charCodeAt(typeEnd - 1) === BACKSLASH) {
      return undefined;
    }
    pos = typeEnd + 1;
  }
  if (!text.startsWith(',"value":', pos)) {
    return undefined;
  }
  cursor.pos = pos + 9;
  const candidates = table[keyEnd - keyStart];
  if (candidates !== undefined) {
    for (let i = 0; i < candidates.length; i++) {
      if (text.startsWith(candidates[i], keyStart)) {
        return candidates[i];
      }
    }
  }
  return null;
}

/** Consumes the `}` that closes an entry read with enterKeyedEntry. */
export function leaveKeyedEntry(cursor: JsonCursor): void {
  cursor.expectChar(CLOSE_BRACE);
}


/**
 * Reads a string value and returns the entry of `table` it equals (no copy), or undefined when it equals
 * none. `table[n]` lists the candidates of length n.
 */
export function readStringIn(cursor: JsonCursor, table: ReadonlyArray<readonly string[] | undefined>): string | undefined {
  if (cursor.peek() !== QUOTE) {
    throw new ScanUnsupported(`expected a string at ${cursor.pos}`);
  }
  const text = cursor.text;
  const start = cursor.pos + 1;
  const end = text.indexOf('"', start);
  if (end < 0 || text.charCodeAt(end - 1) === BACKSLASH) {
    throw new ScanUnsupported('escaped or unterminated string');
  }
  cursor.pos = end + 1;
  const candidates = table[end - start];
  if (candidates !== undefined) {
    for (let i = 0; i < candidates.length; i++) {
      if (text.startsWith(candidates[i], start)) {
        return candidates[i];
      }
    }
  }
  return undefined;
}

/**
 * A flat copy of a substring. V8 represents slices of 13+ characters as views into the parent and `a + b`
 * as a rope; ids are hashed and compared over and over during pairing, and going through a 60 MB parent or
 * a rope for that costs cache misses (measured: pairing 2-3x slower). Array.join builds a flat string.
 */
function copyOf(text: string, start: number, end: number): string {
  const middle = (start + end) >> 1;
  return [text.slice(start, middle), text.slice(middle, end)].join('');
}
