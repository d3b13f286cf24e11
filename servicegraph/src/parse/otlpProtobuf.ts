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
import type { Span } from '../types';
import { ParseError, UNNAMED_INPUT } from './parseError';
import { otlpMessageToSpans, type TraceRequestMessage } from './otlpMessageToSpans';

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
  opentelemetry: { proto: { collector: { trace: { v1: { ExportTraceServiceRequest: GeneratedMessageClass } } } } };
}

/** The generated ExportTraceServiceRequest class (also used by the protobuf encoder for tests and demos). */
export const exportTraceServiceRequest: GeneratedMessageClass = (generated as unknown as GeneratedRoot).opentelemetry
  .proto.collector.trace.v1.ExportTraceServiceRequest;

export function decodeOtlpProtobuf(bytes: Uint8Array, file: string = UNNAMED_INPUT): Span[] {
  let request: TraceRequestMessage;
  try {
    request = exportTraceServiceRequest.decode(bytes) as TraceRequestMessage;
  } catch (error) {
    throw new ParseError(
      file,
      `not an OTLP/protobuf ExportTraceServiceRequest: ${error instanceof Error ? error.message : String(error)}`
    );
  }
  try {
    return otlpMessageToSpans(request);
  } catch (error) {
    // Safety net: the mapping tolerates every field being unset; anything else is still reported per file.
    throw new ParseError(
      file,
      `unreadable OTLP/protobuf request: ${error instanceof Error ? error.message : String(error)}`
    );
  }
}
