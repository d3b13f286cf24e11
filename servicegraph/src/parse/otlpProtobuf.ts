/**
 * OTLP/protobuf (`application/x-protobuf` ExportTraceServiceRequest) → Span[]. Decoding uses the protobufjs
 * code that OpenTelemetry JS generated from the official opentelemetry-proto definitions (shipped in
 * @opentelemetry/otlp-proto-exporter-base); otlpMessageToSpans maps the decoded messages with the OTLP/JSON
 * reader's rules.
 *
 * Kept out of servicegraph's index so browser bundles (datasource, panel) do not pull protobufjs in;
 * Node callers import this module directly.
 */
import * as generated from '@opentelemetry/otlp-proto-exporter-base/build/src/generated/root';
import { Reader } from 'protobufjs/minimal';
import type { Span } from '../types';
import { ParseError, UNNAMED_INPUT } from './parseError';
import { addResourceSpans, type ResourceSpansMessage } from './otlpMessageToSpans';
import { TraceIdCache } from './idBytesToHex';

/** protobufjs toObject options (e.g. base64 bytes and decimal 64-bit strings for the protobuf-JSON form). */
export interface ConversionOptions {
  longs?: StringConstructor | NumberConstructor;
  bytes?: StringConstructor;
  enums?: StringConstructor | NumberConstructor;
}

/** The parts of a protobufjs static-module message class that Kompas uses. */
export interface GeneratedMessageClass {
  decode(bytes: Uint8Array): object;
  toObject(message: object, options: ConversionOptions): Record<string, unknown>;
  fromObject(object: Record<string, unknown>): object;
  encode(message: object): { finish(): Uint8Array };
}

interface GeneratedRoot {
  opentelemetry: {
    proto: {
      collector: { trace: { v1: { ExportTraceServiceRequest: GeneratedMessageClass } } };
      trace: { v1: { ResourceSpans: GeneratedMessageClass } };
    };
  };
}

/** The generated ExportTraceServiceRequest class (also used by the protobuf encoder for tests and demos). */
export const exportTraceServiceRequest: GeneratedMessageClass = (generated as unknown as GeneratedRoot).opentelemetry
  .proto.collector.trace.v1.ExportTraceServiceRequest;

const resourceSpansMessage: GeneratedMessageClass = (generated as unknown as GeneratedRoot).opentelemetry.proto.trace.v1
  .ResourceSpans;

/** ExportTraceServiceRequest field 1: `repeated ResourceSpans resource_spans`. */
const RESOURCE_SPANS_FIELD = 1;

/**
 * Walks the request's top level with protobufjs' Reader (what the generated ExportTraceServiceRequest.decode
 * does) and decodes and maps one ResourceSpans at a time, so each decoded message tree dies young instead
 * of the whole request staying alive until mapping: garbage collection was over half the decode time.
 */
export function decodeOtlpProtobuf(bytes: Uint8Array, file: string = UNNAMED_INPUT): Span[] {
  const out: Span[] = [];
  const traceIds = new TraceIdCache();
  let reader: Reader;
  try {
    reader = Reader.create(bytes);
  } catch (error) {
    throw notARequest(file, error);
  }
  while (reader.pos < reader.len) {
    let message: ResourceSpansMessage | undefined;
    try {
      const tag = reader.uint32();
      if (tag >>> 3 !== RESOURCE_SPANS_FIELD) {
        reader.skipType(tag & 7);
        continue;
      }
      const length = reader.uint32();
      const start = reader.pos;
      reader.skip(length);
      message = resourceSpansMessage.decode(bytes.subarray(start, start + length)) as ResourceSpansMessage;
    } catch (error) {
      throw notARequest(file, error);
    }
    try {
      addResourceSpans(message, out, traceIds);
    } catch (error) {
      // Safety net: the mapping tolerates every field being unset; anything else is still reported per file.
      throw new ParseError(
        file,
        `unreadable OTLP/protobuf request: ${error instanceof Error ? error.message : String(error)}`
      );
    }
  }
  return out;
}

function notARequest(file: string, error: unknown): ParseError {
  return new ParseError(
    file,
    `not an OTLP/protobuf ExportTraceServiceRequest: ${error instanceof Error ? error.message : String(error)}`
  );
}
