/** Ids in the text: copied flat, or read as two int32 halves and written back as hex. */

const HEX_CODES = [48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 97, 98, 99, 100, 101, 102];

/**
 * A flat copy of a substring. V8 represents slices of 13+ characters as views into the parent and `a + b`
 * as a rope; ids are hashed and compared over and over during pairing, and going through a 60 MB parent or
 * a rope for that costs cache misses (measured: pairing 2-3x slower). String.fromCharCode builds a flat
 * string at once; span ids (16 digits, the bulk) take the unrolled path, which allocates nothing else.
 */
export function copyOf(text: string, start: number, end: number): string {
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

/** Eight lowercase hex digits from `start` as an int32, or undefined. */
export function hexHalf(text: string, start: number): number | undefined {
  let value = 0;
  for (let i = start; i < start + 8; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      value = (value << 4) | (c - 48);
    } else if (c >= 97 && c <= 102) {
      value = (value << 4) | (c - 87);
    } else {
      return undefined;
    }
  }
  return value;
}

/** Two int32 halves → the 16-digit lowercase hex id (a flat string, built at once). */
export function hexId(hi: number, lo: number): string {
  return String.fromCharCode(
    HEX_CODES[(hi >>> 28) & 15],
    HEX_CODES[(hi >>> 24) & 15],
    HEX_CODES[(hi >>> 20) & 15],
    HEX_CODES[(hi >>> 16) & 15],
    HEX_CODES[(hi >>> 12) & 15],
    HEX_CODES[(hi >>> 8) & 15],
    HEX_CODES[(hi >>> 4) & 15],
    HEX_CODES[hi & 15],
    HEX_CODES[(lo >>> 28) & 15],
    HEX_CODES[(lo >>> 24) & 15],
    HEX_CODES[(lo >>> 20) & 15],
    HEX_CODES[(lo >>> 16) & 15],
    HEX_CODES[(lo >>> 12) & 15],
    HEX_CODES[(lo >>> 8) & 15],
    HEX_CODES[(lo >>> 4) & 15],
    HEX_CODES[lo & 15]
  );
}
