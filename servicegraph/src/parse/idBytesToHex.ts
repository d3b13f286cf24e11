/**
 * OTLP/protobuf id bytes → lowercase hex, for the decoder's hot loop. Built with String.fromCharCode from a
 * byte → two-char-code table: one flat string per id, no Buffer view, no `+=` rope (ids are hashed and
 * compared over and over during pairing, and ropes are flattened — copied again — on first use). Spans of a
 * trace arrive together, so the last trace id's string is reused when the bytes repeat.
 */
import { bytesToHex } from './ids';

const HIGH: number[] = [];
const LOW: number[] = [];
for (let byte = 0; byte < 256; byte++) {
  const hex = byte.toString(16).padStart(2, '0');
  HIGH.push(hex.charCodeAt(0));
  LOW.push(hex.charCodeAt(1));
}

/** 8 bytes (a span id) → 16 hex digits. */
function hex8(b: Uint8Array): string {
  return String.fromCharCode(
    HIGH[b[0]],
    LOW[b[0]],
    HIGH[b[1]],
    LOW[b[1]],
    HIGH[b[2]],
    LOW[b[2]],
    HIGH[b[3]],
    LOW[b[3]],
    HIGH[b[4]],
    LOW[b[4]],
    HIGH[b[5]],
    LOW[b[5]],
    HIGH[b[6]],
    LOW[b[6]],
    HIGH[b[7]],
    LOW[b[7]]
  );
}

const codes: number[] = [];

/** Id bytes → hex: span ids take the unrolled path, other widths (trace ids) go through one reused array. */
export function idBytesToHex(bytes: Uint8Array): string {
  if (bytes.length === 8) {
    return hex8(bytes);
  }
  if (bytes.length > 64) {
    return bytesToHex(bytes);
  }
  codes.length = bytes.length * 2;
  for (let i = 0; i < bytes.length; i++) {
    codes[2 * i] = HIGH[bytes[i]];
    codes[2 * i + 1] = LOW[bytes[i]];
  }
  return String.fromCharCode.apply(null, codes);
}

/** Converts trace ids, returning the previous string while the bytes repeat it (consecutive spans of a trace). */
export class TraceIdCache {
  private bytes: Uint8Array = new Uint8Array(0);
  private hex = '';

  toHex(bytes: Uint8Array): string {
    const last = this.bytes;
    if (bytes.length === last.length && bytes.length > 0) {
      let i = 0;
      while (i < bytes.length && bytes[i] === last[i]) {
        i++;
      }
      if (i === bytes.length) {
        return this.hex;
      }
    }
    this.bytes = bytes;
    this.hex = idBytesToHex(bytes);
    return this.hex;
  }
}
