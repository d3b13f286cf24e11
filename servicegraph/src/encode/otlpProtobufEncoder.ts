/**
 * Span[] → OTLP/protobuf bytes through the same generated protobufjs classes the decoder uses. Node-only
 * (kept out of the servicegraph index, like the decoder).
 */
import type { Span } from '../types';
import { exportTraceServiceRequest } from '../parse/otlpProtobuf';
import { toOtlpJson } from './otlpJsonEncoder';

export function toOtlpProtobuf(spans: readonly Span[]): Uint8Array {
  // The protobuf-JSON form (base64 bytes, decimal 64-bit strings) is what protobufjs' fromObject reads.
  const request = toOtlpJson(spans, { idEncoding: 'base64' }) as unknown as Record<string, unknown>;
  return exportTraceServiceRequest.encode(exportTraceServiceRequest.fromObject(request)).finish();
}
