/**
 * One file from disk → spans and dependency links. gzip is unpacked first; `.pb`/`.binpb`/`.protobuf` files
 * are OTLP/protobuf; everything else is text (JSON, NDJSON, YAML), with a protobuf fallback for binary content
 * under another name. Every failure is a ParseError naming the file.
 */
import { readFileSync } from 'fs';
import { gunzipSync } from 'zlib';
import type { Span } from '../types';
import { ParseError } from '../parse/parseError';
import { scanTraceText } from '../parse/scan/scanTraceText';
import { decodeOtlpProtobuf } from '../parse/otlpProtobuf';
import type { DependencyLink } from '../parse/jaegerDependencies';

export interface TraceFileContents {
  spans: Span[];
  dependencies: DependencyLink[];
}

const PROTOBUF_EXTENSION = /\.(pb|binpb|protobuf)$/i;

export function readTraceFile(path: string): TraceFileContents {
  const name = path;
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new ParseError(name, `cannot read file: ${describeFsError(error)}`);
  }
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes);
    } catch (error) {
      throw new ParseError(name, `broken gzip data: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (PROTOBUF_EXTENSION.test(path.replace(/\.gz$/i, ''))) {
    return { spans: decodeOtlpProtobuf(bytes, name), dependencies: [] };
  }
  try {
    // The scanner keeps only what derivation reads, which is all the CLI prints.
    return scanTraceText(bytes.toString('utf8'), name);
  } catch (error) {
    if (error instanceof ParseError && looksBinary(bytes)) {
      try {
        return { spans: decodeOtlpProtobuf(bytes, name), dependencies: [] };
      } catch {
        throw new ParseError(name, 'not Jaeger or OTLP JSON, and not OTLP/protobuf either');
      }
    }
    throw error;
  }
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
