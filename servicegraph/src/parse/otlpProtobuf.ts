/**
 * OTLP/protobuf (`application/x-protobuf` ExportTraceServiceRequest) → Span[]. Decoding uses the protobufjs
 * code that OpenTelemetry JS generated from the official opentelemetry-proto definitions (shipped in
 * @opentelemetry/otlp-proto-exporter-base); the decoded message is mapped to its protobuf-JSON form and
 * goes through the OTLP/JSON reader, so both encodings share one span mapping.
 *
 * Kept out of servicegraph's index so browser bundles (datasource, panel) do not pull protobufjs in;
 * Node callers import this module directly.
 */
import * as generated from '@opentelemetry/otlp-proto-exporter-base/build/src/generated/root';
import type { Span } from '../types';
import { ParseError, UNNAMED_INPUT } from './parseError';
import { otlpRequestToSpans } from './otlpJson';

interface ConversionOptions {
  longs: StringConstructor;
  bytes: StringConstructor;
  enums: NumberConstructor;
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
export const exportTraceServiceRequest: GeneratedMessageClass = (generated as unknown as GeneratedRoot).opentelemetry.proto
  .collector.trace.v1.ExportTraceServiceRequest;

/** ids as base64 and 64-bit times as decimal strings: the protobuf-JSON mapping the OTLP/JSON reader accepts. */
const TO_JSON_FORM: ConversionOptions = { longs: String, bytes: String, enums: Number };

export function decodeOtlpProtobuf(bytes: Uint8Array, file: string = UNNAMED_INPUT): Span[] {
  let request: Record<string, unknown>;
  try {
    request = exportTraceServiceRequest.toObject(exportTraceServiceRequest.decode(bytes), TO_JSON_FORM);
  } catch (error) {
    throw new ParseError(file, `not an OTLP/protobuf ExportTraceServiceRequest: ${error instanceof Error ? error.message : String(error)}`);
  }
  return otlpRequestToSpans(request, file);
}
