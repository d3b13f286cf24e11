/**
 * A JsonCursor that also reads the fields trace dumps are made of: ids (checked and copied in place),
 * nanosecond timestamps (split without building strings), the `{"key": …, "value": …}` entries of tags and
 * attributes, and strings matched against a small table without copying. Methods rather than imported
 * functions and local character codes keep the hot loops free of module-export indirection.
 */
import { JsonCursor, ScanUnsupported } from './jsonCursor';

const QUOTE = 34;
const BACKSLASH = 92;
const CLOSE_BRACE = 125;
const ZERO = 48;
const NINE = 57;

export class TraceCursor extends JsonCursor {
  /** The last trace id read, offered to readId for reuse. */
  lastTraceId: string | undefined;
  /** Parts of the last readNanos(): whole milliseconds and nanoseconds within them. */
  nanosMs = 0;
  nanosRest = 0;

  /**
   * A hex id of `length` digits read in place: already-lowercase full-width ids (the common case) are
   * checked and copied once without a regex (or `previous` is returned when the text repeats it); anything
   * else goes through `normalize`.
   */
  readId(length: number, normalize: (value: string, length: number) => string | undefined, previous?: string): string {
    if (this.peek() !== QUOTE) {
      throw new ScanUnsupported(`expected an id at ${this.pos}`);
    }
    const text = this.text;
    const start = this.pos + 1;
    const end = start + length;
    if (text.charCodeAt(end) === QUOTE) {
      // Spans of one trace repeat its id: reusing the string saves the copy and its hashing downstream.
      if (previous !== undefined && previous.length === length && this.matchesAt(previous, start)) {
        this.pos = end + 1;
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
        this.pos = end + 1;
        return copyOf(text, start, end);
      }
    }
    const value = this.readString();
    return normalize(value, length) ?? value;
  }

  /**
   * Reads a quoted decimal nanosecond timestamp of 7..22 digits in place into nanosMs/nanosRest; false (and
   * nothing consumed) for any other value.
   */
  readNanos(): boolean {
    if (this.peek() !== QUOTE) {
      return false;
    }
    const text = this.text;
    const start = this.pos + 1;
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
    this.nanosMs = whole;
    this.nanosRest = rest;
    this.pos = pos + 1;
    return true;
  }

  /**
   * Fast path for the `{"key":"K",<middle>"value":` layout that JSON encoders write for Jaeger tags
   * (middle `"type":"T",`) and OTLP attributes (no middle): on a match the cursor stands at the value and
   * the key is returned as its entry in `table` (null when it is not in the table); undefined, with nothing
   * consumed, when the text has another layout.
   */
  enterKeyedEntry(table: ReadonlyArray<readonly string[] | undefined>, withType: boolean): string | null | undefined {
    const text = this.text;
    const open = this.pos;
    if (!this.matchesAt('{"key":"', open)) {
      return undefined;
    }
    const keyStart = open + 8;
    const keyEnd = text.indexOf('"', keyStart);
    if (keyEnd < 0 || text.charCodeAt(keyEnd - 1) === BACKSLASH) {
      return undefined;
    }
    let pos = keyEnd + 1;
    if (withType) {
      if (!this.matchesAt(',"type":"', pos)) {
        return undefined;
      }
      const typeEnd = text.indexOf('"', pos + 9);
      if (typeEnd < 0 || text.charCodeAt(typeEnd - 1) === BACKSLASH) {
        return undefined;
      }
      pos = typeEnd + 1;
    }
    if (!this.matchesAt(',"value":', pos)) {
      return undefined;
    }
    this.pos = pos + 9;
    const candidates = table[keyEnd - keyStart];
    if (candidates !== undefined) {
      for (let i = 0; i < candidates.length; i++) {
        if (this.matchesAt(candidates[i], keyStart)) {
          return candidates[i];
        }
      }
    }
    return null;
  }

  /** Consumes the `}` that closes an entry read with enterKeyedEntry. */
  leaveKeyedEntry(): void {
    this.expectChar(CLOSE_BRACE);
  }

  /**
   * Reads a string value and returns the entry of `table` it equals (no copy), or undefined when it equals
   * none. `table[n]` lists the candidates of length n.
   */
  readStringIn(table: ReadonlyArray<readonly string[] | undefined>): string | undefined {
    if (this.peek() !== QUOTE) {
      throw new ScanUnsupported(`expected a string at ${this.pos}`);
    }
    const text = this.text;
    const start = this.pos + 1;
    const end = text.indexOf('"', start);
    if (end < 0 || text.charCodeAt(end - 1) === BACKSLASH) {
      throw new ScanUnsupported('escaped or unterminated string');
    }
    this.pos = end + 1;
    const candidates = table[end - start];
    if (candidates !== undefined) {
      for (let i = 0; i < candidates.length; i++) {
        if (this.matchesAt(candidates[i], start)) {
          return candidates[i];
        }
      }
    }
    return undefined;
  }
}

/**
 * A flat copy of a substring. V8 represents slices of 13+ characters as views into the parent and `a + b`
 * as a rope; ids are hashed and compared over and over during pairing, and going through a 60 MB parent or
 * a rope for that costs cache misses (measured: pairing 2-3x slower). String.fromCharCode builds a flat
 * string at once; span ids (16 digits, the bulk) take the unrolled path, which allocates nothing else.
 */
function copyOf(text: string, start: number, end: number): string {
  if (end - start === 16) {
    const s = start;
    return String.fromCharCode(
      text.charCodeAt(s),
      text.charCodeAt(s + 1),
      text.charCodeAt(s + 2),
      text.charCodeAt(s + 3),
      text.charCodeAt(s + 4),
      text.charCodeAt(s + 5),
      text.charCodeAt(s + 6),
      text.charCodeAt(s + 7),
      text.charCodeAt(s + 8),
      text.charCodeAt(s + 9),
      text.charCodeAt(s + 10),
      text.charCodeAt(s + 11),
      text.charCodeAt(s + 12),
      text.charCodeAt(s + 13),
      text.charCodeAt(s + 14),
      text.charCodeAt(s + 15)
    );
  }
  const middle = (start + end) >> 1;
  return [text.slice(start, middle), text.slice(middle, end)].join('');
}
