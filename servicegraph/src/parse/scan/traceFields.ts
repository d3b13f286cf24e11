/**
 * A JsonCursor that also reads the fields trace dumps are made of: ids (checked and copied in place),
 * nanosecond timestamps (split without building strings), the `{"key": …, "value": …}` entries of tags and
 * attributes, and strings matched against a small table without copying. Methods rather than imported
 * functions and local character codes keep the hot loops free of module-export indirection.
 */
import { JsonCursor, ScanUnsupported } from './jsonCursor';
import { copyOf, hexHalf } from './idText';

const QUOTE = 34;
const CLOSE_BRACE = 125;
const ZERO = 48;
const NINE = 57;
/** Digits of a nanosecond Unix time from 2001 to 2286. */
const NANOS_DIGITS = 19;

export class TraceCursor extends JsonCursor {
  /** The last trace id read, offered to readId for reuse. */
  lastTraceId: string | undefined;

  /** Points the cursor at the start of another text. */
  override reset(text: string): void {
    super.reset(text);
    this.lastTraceId = undefined;
  }
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
   * A quoted id of `length` lowercase hex digits: consumed, and the start of its digits returned; -1 (nothing
   * consumed) for any other value.
   */
  readPlainHexId(length: number): number {
    if (this.peek() !== QUOTE) {
      return -1;
    }
    const text = this.text;
    const start = this.pos + 1;
    const end = start + length;
    if (text.charCodeAt(end) !== QUOTE) {
      return -1;
    }
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (!((c >= ZERO && c <= NINE) || (c >= 97 && c <= 102))) {
        return -1;
      }
    }
    this.pos = end + 1;
    return start;
  }

  /** The halves of the id the last successful readHexId16() read. */
  idHi = 0;
  idLo = 0;

  /**
   * A quoted id of 16 lowercase hex digits (span ids as encoders write them) read in place into idHi/idLo,
   * without making a string; false (nothing consumed) for any other value.
   */
  readHexId16(): boolean {
    if (this.peek() !== QUOTE) {
      return false;
    }
    const text = this.text;
    const start = this.pos + 1;
    if (text.charCodeAt(start + 16) !== QUOTE) {
      return false;
    }
    const hi = hexHalf(text, start);
    if (hi === undefined) {
      return false;
    }
    const lo = hexHalf(text, start + 8);
    if (lo === undefined) {
      return false;
    }
    this.idHi = hi;
    this.idLo = lo;
    this.pos = start + 17;
    return true;
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
    // Timestamps of this era have 19 digits: read in one pass, without counting them first.
    if (text.charCodeAt(start + NANOS_DIGITS) === QUOTE && this.readNanos19(start)) {
      return true;
    }
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

  /** readNanos() for exactly NANOS_DIGITS digits at `start` (the closing quote is checked by the caller). */
  private readNanos19(start: number): boolean {
    const text = this.text;
    const split = start + NANOS_DIGITS - 6;
    let whole = 0;
    for (let i = start; i < split; i++) {
      const d = text.charCodeAt(i) - ZERO;
      if (d < 0 || d > 9) {
        return false;
      }
      whole = whole * 10 + d;
    }
    let rest = 0;
    for (let i = split; i < split + 6; i++) {
      const d = text.charCodeAt(i) - ZERO;
      if (d < 0 || d > 9) {
        return false;
      }
      rest = rest * 10 + d;
    }
    this.nanosMs = whole;
    this.nanosRest = rest;
    this.pos = split + 7;
    return true;
  }

  /**
   * Fast path for the `{"key":"K",<middle>"value":` layout that JSON encoders write for Jaeger tags
   * (middle `"type":"T",`) and OTLP attributes (no middle): on a match the cursor stands at the value and
   * the key is returned as its entry in `table` (null when it is not in the table); undefined, with nothing
   * consumed, when the text has another layout.
   */
  enterKeyedEntry(table: ReadonlyArray<readonly string[] | undefined>, withType: boolean): string | null | undefined {
    const open = this.pos;
    if (!this.matchesAt('{"key":"', open)) {
      return undefined;
    }
    const keyStart = open + 8;
    const keyEnd = this.plainStringEnd(keyStart);
    if (keyEnd < 0) {
      return undefined;
    }
    let pos = keyEnd + 1;
    if (withType) {
      if (!this.matchesAt(',"type":"', pos)) {
        return undefined;
      }
      const typeEnd = this.plainStringEnd(pos + 9);
      if (typeEnd < 0) {
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
    const start = this.pos + 1;
    const end = this.plainStringEnd(start);
    if (end < 0) {
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
