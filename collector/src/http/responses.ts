/**
 * OTLP/HTTP responses: ExportTraceServiceResponse on success (with partialSuccess when spans were rejected)
 * and google.rpc.Status on errors, encoded like the request (protobuf or JSON).
 */
import type { ServerResponse } from 'node:http';
import { Writer } from 'protobufjs';

export type WireFormat = 'json' | 'protobuf';

const CONTENT_TYPE: Record<WireFormat, string> = { json: 'application/json', protobuf: 'application/x-protobuf' };

/** gRPC status codes used in google.rpc.Status, by HTTP status. */
const GRPC_CODE: Record<number, number> = { 400: 3, 401: 16, 404: 5, 405: 12, 413: 8, 415: 3, 429: 8, 500: 13, 503: 14 };

function encodeStatus(code: number, message: string): Uint8Array {
  // google.rpc.Status { int32 code = 1; string message = 2; }
  return Writer.create().uint32(8).int32(code).uint32(18).string(message).finish();
}

function encodePartialSuccess(rejectedSpans: number, errorMessage: string): Uint8Array {
  // ExportTraceServiceResponse { ExportTracePartialSuccess partial_success = 1 { int64 rejected_spans = 1; string error_message = 2; } }
  const inner = Writer.create().uint32(8).int64(rejectedSpans).uint32(18).string(errorMessage).finish();
  return Writer.create().uint32(10).bytes(inner).finish();
}

function send(res: ServerResponse, status: number, format: WireFormat, body: Uint8Array | string, headers = {}): void {
  const payload = typeof body === 'string' ? Buffer.from(body) : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  res.writeHead(status, { 'Content-Type': CONTENT_TYPE[format], 'Content-Length': payload.length, ...headers });
  res.end(payload);
}

export function sendExportSuccess(res: ServerResponse, format: WireFormat, rejectedSpans: number, errorMessage: string): void {
  if (format === 'protobuf') {
    send(res, 200, format, rejectedSpans > 0 ? encodePartialSuccess(rejectedSpans, errorMessage) : new Uint8Array());
    return;
  }
  const body = rejectedSpans > 0 ? { partialSuccess: { rejectedSpans: String(rejectedSpans), errorMessage } } : {};
  send(res, 200, format, JSON.stringify(body));
}

export function sendExportError(
  res: ServerResponse,
  status: number,
  format: WireFormat,
  message: string,
  headers: Record<string, string | number> = {}
): void {
  const code = GRPC_CODE[status] ?? 2;
  const body = format === 'protobuf' ? encodeStatus(code, message) : JSON.stringify({ code, message });
  send(res, status, format, body, headers);
}
