/**
 * One file from disk → its spans (added to the caller's SpanColumns, so several files pair together) and
 * dependency links. gzip is unpacked first; `.pb`/`.binpb`/`.protobuf` files
 * are OTLP/protobuf; everything else is text (JSON, NDJSON, YAML), with a protobuf fallback for binary content
 * under another name. Every failure is a ParseError naming the file.
 */
import { closeSync, openSync, readFileSync, readSync } from 'fs';
import { gunzipSync } from 'zlib';
import { ParseError } from '../parse/parseError';
import { scanTraceColumns } from '../parse/scan/scanTraceText';
import type { SpanColumns } from '../parse/scan/spanColumns';
import { decodeOtlpProtobuf } from '../parse/otlpProtobuf';
import type { DependencyLink } from '../parse/jaegerDependencies';

const PROTOBUF_EXTENSION = /\.(pb|binpb|protobuf)$/i;

/** Adds the file's spans to `columns` (nothing when it fails) and returns its dependency links. */
export function readTraceFile(path: string, columns: SpanColumns): DependencyLink[] {
  const name = path;
  let bytes: Buffer;
  try {
    const head = readHead(path);
    if (!isGzip(head) && !looksBinary(head) && !PROTOBUF_EXTENSION.test(path.replace(/\.gz$/i, ''))) {
      // Plain text: decoded straight into a string, so a large dump is not held twice (bytes and text).
      return scanTraceColumns(readFileSync(path, 'utf8'), name, columns).dependencies;
    }
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof ParseError) {
      throw error;
    }
    throw new ParseError(name, `cannot read file: ${describeFsError(error)}`);
  }
  if (isGzip(bytes)) {
    try {
      bytes = gunzipSync(bytes);
    } catch (error) {
      throw new ParseError(name, `broken gzip data: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (PROTOBUF_EXTENSION.test(path.replace(/\.gz$/i, ''))) {
    return addProtobufSpans(bytes, name, columns);
  }
  try {
    // The scanner keeps only what derivation reads, which is all the CLI prints.
    return scanTraceColumns(bytes.toString('utf8'), name, columns).dependencies;
  } catch (error) {
    if (error instanceof ParseError && looksBinary(bytes)) {
      try {
        return addProtobufSpans(bytes, name, columns);
      } catch {
        throw new ParseError(name, 'not Jaeger or OTLP JSON, and not OTLP/protobuf either');
      }
    }
    throw error;
  }
}

function addProtobufSpans(bytes: Buffer, name: string, columns: SpanColumns): DependencyLink[] {
  for (const span of decodeOtlpProtobuf(bytes, name)) {
    columns.pushSpan(span);
  }
  return [];
}

/** The first bytes of the file (enough for looksBinary). */
function readHead(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(512);
    return head.subarray(0, readSync(fd, head, 0, head.length, 0));
  } finally {
    closeSync(fd);
  }
}

function isGzip(bytes: Buffer): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Control bytes other than whitespace do not occur in JSON or YAML text. */
function looksBinary(bytes: Buffer): boolean {
  const end = Math.min(bytes.length, 512);
  for (let i = 0; i < end; i++) {
    const b = bytes[i];
    if (b < 0x09 || (b > 0x0d && b < 0x20)) {
      return true;
    }
  }
  return false;
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'is a directory';
    case 'EACCES':
      return 'permission denied';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
