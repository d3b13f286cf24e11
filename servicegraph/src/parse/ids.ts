/**
 * Trace and span ids → lowercase hex. OTLP/JSON is meant to carry hex, but protobuf-JSON mappers (Tempo,
 * Kiali) emit base64; Jaeger drops leading zeros of 64-bit ids. Ids are padded to their full width so the
 * same span gets the same id from every format.
 */

const HEX = /^[0-9a-fA-F]*$/;
const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;
const BYTE_HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export const TRACE_ID_HEX_LENGTH = 32;
export const SPAN_ID_HEX_LENGTH = 16;

/**
 * Normalises an id of `hexLength` hex digits. Returns undefined when the value is neither hex nor base64
 * (the caller names the field in its error). '' stays '' (no parent).
 */
export function normalizeId(value: string, hexLength: number): string | undefined {
  const length = value.length;
  if (length === 0) {
    return '';
  }
  // A full-width id of hex digits is hex; base64 of 8/16 bytes is 12/24 characters, so widths never collide.
  if (length === hexLength && HEX.test(value)) {
    return value.toLowerCase();
  }
  if (length < hexLength && HEX.test(value) && length !== base64Length(hexLength)) {
    return value.toLowerCase().padStart(hexLength, '0');
  }
  if (BASE64.test(value)) {
    const hex = base64ToHex(value);
    if (hex !== undefined && hex.length > 0 && hex.length <= hexLength) {
      return hex.padStart(hexLength, '0');
    }
  }
  return undefined;
}

/** Jaeger ids are always hex (possibly without leading zeros). */
export function normalizeHexId(value: string, hexLength: number): string | undefined {
  if (value.length === hexLength && HEX.test(value)) {
    return value.toLowerCase();
  }
  if (value.length < hexLength && HEX.test(value)) {
    return value.toLowerCase().padStart(hexLength, '0');
  }
  return undefined;
}

/** Raw id bytes (OTLP/protobuf) → lowercase hex. */
export function bytesToHex(bytes: Uint8Array): string {
  let hex = '';
  for (let i = 0; i < bytes.length; i++) {
    hex += BYTE_HEX[bytes[i]];
  }
  return hex;
}

function base64Length(hexLength: number): number {
  return Math.ceil(hexLength / 2 / 3) * 4;
}

function base64ToHex(value: string): string | undefined {
  const standard = value.replace(/-/g, '+').replace(/_/g, '/');
  let binary: string;
  try {
    binary = atob(standard);
  } catch {
    return undefined;
  }
  let hex = '';
  for (let i = 0; i < binary.length; i++) {
    hex += BYTE_HEX[binary.charCodeAt(i)];
  }
  return hex;
}
