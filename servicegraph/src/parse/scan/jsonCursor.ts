/**
 * A forward-only JSON reader over a string, for the fast trace scanners: it reads the few fields edge
 * derivation needs and skips everything else without building it, which is what lets a scan beat
 * JSON.parse on large dumps. Anything it does not expect throws ScanUnsupported, and the caller falls back
 * to the full parser (which then gives the precise error).
 */

/** The scanner met a shape it does not handle; the full parser decides. */
export class ScanUnsupported extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'ScanUnsupported';
  }
}

const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const MINUS = 45;
const ZERO = 48;
const NINE = 57;
/** Strings up to this length are searched by a loop (see plainStringEnd). */
const SHORT_STRING = 40;

/** Known keys by their first character code, each with the code nextKnownKey() gives it (see keyTable). */
export type KeyTable = ReadonlyArray<ReadonlyArray<readonly [string, number]> | undefined>;

/** A KeyTable from [key, code] pairs; several keys may share a code (aliases such as trace_id). */
export function keyTable(entries: ReadonlyArray<readonly [string, number]>): KeyTable {
  const table: Array<Array<readonly [string, number]> | undefined> = [];
  for (const entry of entries) {
    (table[entry[0].charCodeAt(0)] ??= []).push(entry);
  }
  return table;
}

/** nextKnownKey()'s code for a key that is not in the table. */
export const UNKNOWN_KEY = -1;

export class JsonCursor {
  text: string;
  pos = 0;

  constructor(text: string) {
    this.text = text;
  }

  /** Points the cursor at the start of another text (one cursor serves many texts, see scanTraceText). */
  reset(text: string): void {
    this.text = text;
    this.pos = 0;
    this.backslashAt = -1;
    this.backslashFrom = 0;
  }

  /** Skips whitespace and returns the next character code (NaN at the end). */
  peek(): number {
    const text = this.text;
    let pos = this.pos;
    let c = text.charCodeAt(pos);
    while (c === 32 || c === 10 || c === 13 || c === 9) {
      c = text.charCodeAt(++pos);
    }
    this.pos = pos;
    return c;
  }

  expectChar(code: number): void {
    if (this.peek() !== code) {
      throw new ScanUnsupported(`expected ${String.fromCharCode(code)} at ${this.pos}`);
    }
    this.pos++;
  }

  /** Consumes `{` ; then call nextKey() until it returns undefined. */
  beginObject(): void {
    this.expectChar(OPEN_BRACE);
  }

  /**
   * Moves to the next key of the current object (and past its colon); false at `}`. The key is not copied:
   * compare it with keyIs(), or take it with key().
   */
  nextKey(first: boolean): boolean {
    const start = this.nextKeyStart(first);
    if (start < 0) {
      return false;
    }
    const end = this.plainStringEnd(start);
    if (end < 0) {
      throw new ScanUnsupported('escaped or unterminated key');
    }
    return this.enterValue(start, end);
  }

  /** Past the `,` (unless first) and the opening quote of the next key: where its text starts; -1 at `}`. */
  private nextKeyStart(first: boolean): number {
    let c = this.peek();
    if (c === CLOSE_BRACE) {
      this.pos++;
      return -1;
    }
    if (!first) {
      if (c !== COMMA) {
        throw new ScanUnsupported(`expected , or } at ${this.pos}`);
      }
      this.pos++;
      c = this.peek();
    }
    if (c !== QUOTE) {
      throw new ScanUnsupported(`expected a key at ${this.pos}`);
    }
    return this.pos + 1;
  }

  /**
   * nextKey() for objects whose keys are mostly known: the key's code in `table` (or UNKNOWN_KEY) is left in
   * knownKey. A known key is recognised where it stands (name, then closing quote) instead of being searched
   * for its end first and compared after.
   */
  nextKnownKey(first: boolean, table: KeyTable): boolean {
    const start = this.nextKeyStart(first);
    if (start < 0) {
      return false;
    }
    const text = this.text;
    const candidates = table[text.charCodeAt(start)];
    if (candidates !== undefined) {
      for (let i = 0; i < candidates.length; i++) {
        const name = candidates[i][0];
        const end = start + name.length;
        if (text.charCodeAt(end) === QUOTE && this.matchesAt(name, start)) {
          this.knownKey = candidates[i][1];
          return this.enterValue(start, end);
        }
      }
    }
    const end = this.plainStringEnd(start);
    if (end < 0) {
      throw new ScanUnsupported('escaped or unterminated key');
    }
    this.knownKey = UNKNOWN_KEY;
    return this.enterValue(start, end);
  }

  /** The code nextKnownKey() found for the current key. */
  knownKey = UNKNOWN_KEY;

  /** Records the key text[start, end) and moves past its closing quote and colon. */
  private enterValue(start: number, end: number): true {
    this.keyStart = start;
    this.keyEnd = end;
    this.pos = end + 1;
    this.expectChar(COLON);
    return true;
  }

  /** Start and end (exclusive) of the current key in the text. */
  keyStart = 0;
  keyEnd = 0;

  keyIs(name: string): boolean {
    return this.keyEnd - this.keyStart === name.length && this.matchesAt(name, this.keyStart);
  }

  /**
   * `text.startsWith(name, pos)` as an inlinable loop: the builtin call was the largest single cost of key
   * dispatch (several calls per field, most failing on the first character).
   */
  matchesAt(name: string, pos: number): boolean {
    const text = this.text;
    for (let i = 0; i < name.length; i++) {
      if (text.charCodeAt(pos + i) !== name.charCodeAt(i)) {
        return false;
      }
    }
    return true;
  }

  key(): string {
    return this.text.slice(this.keyStart, this.keyEnd);
  }

  /** Consumes `[`. */
  beginArray(): void {
    this.expectChar(OPEN_BRACKET);
  }

  /** True when another element follows (consumes the comma), false at `]`. */
  nextElement(first: boolean): boolean {
    const c = this.peek();
    if (c === CLOSE_BRACKET) {
      this.pos++;
      return false;
    }
    if (!first) {
      if (c !== COMMA) {
        throw new ScanUnsupported(`expected , or ] at ${this.pos}`);
      }
      this.pos++;
    }
    return true;
  }

  /** True (and consumed) when the next value is null. */
  isNull(): boolean {
    if (this.peek() === 110 && this.matchesAt('null', this.pos)) {
      this.pos += 4;
      return true;
    }
    return false;
  }

  readString(): string {
    if (this.peek() !== QUOTE) {
      throw new ScanUnsupported(`expected a string at ${this.pos}`);
    }
    const start = this.pos + 1;
    const end = this.plainStringEnd(start);
    // Escapes are rare in trace data; when there is one, the exact decoding is left to JSON.parse.
    if (end < 0) {
      return this.readEscapedString(start);
    }
    this.pos = end + 1;
    return this.text.slice(start, end);
  }

  /**
   * The closing quote of the string whose content starts at `start`, or -1 when the string holds a backslash
   * or is unterminated. Short strings (most keys and values in trace data) are searched by a loop: a call of
   * the indexOf builtin costs more than the few characters it would pass.
   */
  plainStringEnd(start: number): number {
    const text = this.text;
    const limit = start + SHORT_STRING;
    for (let i = start; i < limit; i++) {
      const c = text.charCodeAt(i);
      if (c === QUOTE) {
        return i;
      }
      if (c === BACKSLASH) {
        return -1;
      }
    }
    const end = text.indexOf('"', limit);
    return end < 0 || this.hasBackslashBefore(limit, end) ? -1 : end;
  }

  /** Skips a string value without copying it (escaped strings are still checked by readString). */
  private skipString(): void {
    const end = this.plainStringEnd(this.pos + 1);
    if (end < 0) {
      this.readString();
      return;
    }
    this.pos = end + 1;
  }

  /** The first backslash at or after backslashFrom (text.length when none): found once, reused until passed. */
  private backslashAt = -1;
  private backslashFrom = 0;

  /**
   * Whether text[start, end) holds a backslash, without looking at each character: the cursor only moves
   * forward, so one indexOf answers for every string up to the next backslash in the text.
   */
  private hasBackslashBefore(start: number, end: number): boolean {
    if (start < this.backslashFrom || this.backslashAt < start) {
      const found = this.text.indexOf('\\', start);
      this.backslashAt = found < 0 ? this.text.length : found;
      this.backslashFrom = start;
    }
    return this.backslashAt < end;
  }

  private readEscapedString(start: number): string {
    const text = this.text;
    let pos = start;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === BACKSLASH) {
        pos += 2;
      } else if (c === QUOTE) {
        break;
      } else if (Number.isNaN(c)) {
        throw new ScanUnsupported('unterminated string');
      } else {
        pos++;
      }
    }
    this.pos = pos + 1;
    return JSON.parse(text.slice(start - 1, pos + 1)) as string;
  }

  /** A number; integers are accumulated digit by digit (exact below 2^53), others go through Number(). */
  readNumber(): number {
    const text = this.text;
    let c = this.peek();
    let pos = this.pos;
    const start = pos;
    let value = 0;
    while (c >= ZERO && c <= NINE) {
      value = value * 10 + (c - ZERO);
      c = text.charCodeAt(++pos);
    }
    if (pos > start && c !== 46 && c !== 101 && c !== 69 && value <= Number.MAX_SAFE_INTEGER) {
      this.pos = pos;
      return value;
    }
    if (c === MINUS || pos > start) {
      while (pos < text.length) {
        c = text.charCodeAt(pos);
        if ((c >= ZERO && c <= NINE) || c === MINUS || c === 43 || c === 46 || c === 101 || c === 69) {
          pos++;
        } else {
          break;
        }
      }
      const n = Number(text.slice(start, pos));
      if (Number.isNaN(n)) {
        throw new ScanUnsupported(`bad number at ${start}`);
      }
      this.pos = pos;
      return n;
    }
    throw new ScanUnsupported(`expected a number at ${start}`);
  }

  /** A string, number, boolean or null scalar (null → undefined); objects/arrays are not scalars. */
  readScalar(): string | number | boolean | undefined {
    const c = this.peek();
    if (c === QUOTE) {
      return this.readString();
    }
    if (c === 116 && this.matchesAt('true', this.pos)) {
      this.pos += 4;
      return true;
    }
    if (c === 102 && this.matchesAt('false', this.pos)) {
      this.pos += 5;
      return false;
    }
    if (this.isNull()) {
      return undefined;
    }
    if (c === MINUS || (c >= ZERO && c <= NINE)) {
      return this.readNumber();
    }
    throw new ScanUnsupported(`expected a scalar at ${this.pos}`);
  }

  /** Skips any value. Strings are skipped with indexOf, containers by counting brackets outside strings. */
  skipValue(): void {
    const c = this.peek();
    if (c === QUOTE) {
      this.skipString();
      return;
    }
    if (c !== OPEN_BRACE && c !== OPEN_BRACKET) {
      this.readScalar();
      return;
    }
    const text = this.text;
    let pos = this.pos + 1;
    let depth = 1;
    while (depth > 0) {
      const d = text.charCodeAt(pos);
      if (d === QUOTE) {
        let end = this.plainStringEnd(pos + 1);
        if (end < 0) {
          end = text.indexOf('"', pos + 1);
          // An escaped quote: count the backslashes before it.
          while (end > 0 && text.charCodeAt(end - 1) === BACKSLASH && isEscaped(text, end)) {
            end = text.indexOf('"', end + 1);
          }
        }
        if (end < 0) {
          throw new ScanUnsupported('unterminated string');
        }
        pos = end + 1;
      } else if (d === OPEN_BRACE || d === OPEN_BRACKET) {
        depth++;
        pos++;
      } else if (d === CLOSE_BRACE || d === CLOSE_BRACKET) {
        depth--;
        pos++;
      } else if (Number.isNaN(d)) {
        throw new ScanUnsupported('unterminated container');
      } else {
        pos++;
      }
    }
    this.pos = pos;
  }

  /** Only whitespace remains. */
  atEnd(): boolean {
    return Number.isNaN(this.peek());
  }
}

function isEscaped(text: string, quote: number): boolean {
  let backslashes = 0;
  for (let i = quote - 1; text.charCodeAt(i) === BACKSLASH; i--) {
    backslashes++;
  }
  return backslashes % 2 === 1;
}
