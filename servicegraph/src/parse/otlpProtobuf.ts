/**
 * OTLP/protobuf (`application/x-protobuf` ExportTraceServiceRequest) → SpanType[]. Decoding uses the protobufjs
 * code that OpenTelemetry JS generated from the official opentelemetry-proto definitions (shipped in
 * @opentelemetry/otlp-proto-exporter-base); otlpMessageToSpans maps the decoded messages with the OTLP/JSON
 * reader's rules.
 *
 * Kept out of servicegraph's index so browser bundles (datasource, panel) do not pull protobufjs in;
 * Node callers import this module directly.
 */
import * as generated from '@opentelemetry/otlp-proto-exporter-base/build/src/generated/root';
import { Reader } from 'protobufjs/minimal';
import { ParseError, UNNAMED_INPUT } from './parseError';
import type { AttributeValue, Span as SpanType } from '../types';
import { readResource, toSpan, type ResourceSpansMessage, type SpanMessage } from './otlpMessageToSpans';
import { TraceIdCache } from './idBytesToHex';
import { createDataRecord } from '../dataRecord';

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
      trace: { v1: { Span: GeneratedMessageClass } };
      common: { v1: { InstrumentationScope: GeneratedMessageClass } };
      resource: { v1: { Resource: GeneratedMessageClass } };
    };
  };
}

/** The generated ExportTraceServiceRequest class (also used by the protobuf encoder for tests and demos). */
export const exportTraceServiceRequest: GeneratedMessageClass = (generated as unknown as GeneratedRoot).opentelemetry
  .proto.collector.trace.v1.ExportTraceServiceRequest;

const v1 = (generated as unknown as GeneratedRoot).opentelemetry.proto;
const spanMessage = v1.trace.v1.Span;
const resourceMessage = v1.resource.v1.Resource;
const scopeMessage = v1.common.v1.InstrumentationScope;

/** Field numbers: ExportTraceServiceRequest.resource_spans, ResourceSpans.resource / scope_spans, ScopeSpans.scope / spans. */
const RESOURCE_SPANS_FIELD = 1;
const RESOURCE_FIELD = 1;
const SCOPE_SPANS_FIELD = 2;
const SCOPE_FIELD = 1;
const SPANS_FIELD = 2;

/**
 * Walks the request and its ResourceSpans/ScopeSpans containers with protobufjs' Reader (as their generated
 * decoders do: length-delimited entries, other fields skipped) and decodes each Span, Resource and scope
 * with its generated decoder, mapping every span at once: a decoded span dies young instead of the whole
 * request tree staying alive until mapping (garbage collection was over half the decode time).
 */
export function decodeOtlpProtobuf(bytes: Uint8Array, file: string = UNNAMED_INPUT): SpanType[] {
  const out: SpanType[] = [];
  const traceIds = new TraceIdCache();
  try {
    const reader = Reader.create(bytes);
    while (reader.pos < reader.len) {
      const tag = reader.uint32();
      if (tag >>> 3 === RESOURCE_SPANS_FIELD) {
        readResourceSpans(reader, bytes, reader.uint32() + reader.pos, out, traceIds, file);
      } else {
        reader.skipType(tag & 7);
      }
    }
  } catch (error) {
    if (error instanceof ParseError) {
      throw error;
    }
    throw new ParseError(
      file,
      `not an OTLP/protobuf ExportTraceServiceRequest: ${error instanceof Error ? error.message : String(error)}`
    );
  }
  return out;
}

/** One ResourceSpans entry of a request, decoded on its own: its spans, or why it was rejected. */
export type ResourceSpansEntry =
  { spans: SpanType[]; problem?: undefined } | { spans?: undefined; problem: string; spanCount: number };

/**
 * Like decodeOtlpProtobuf, entry by entry, for OTLP partial success: a malformed ResourceSpans entry is
 * reported (with the spans it declares, as far as they can be counted) without losing the others. Throws
 * ParseError only when the request itself cannot be walked.
 */
export function decodeOtlpProtobufEntries(bytes: Uint8Array, file: string = UNNAMED_INPUT): ResourceSpansEntry[] {
  const entries: ResourceSpansEntry[] = [];
  const traceIds = new TraceIdCache();
  const raw: Uint8Array[] = [];
  try {
    const reader = Reader.create(bytes);
    while (reader.pos < reader.len) {
      const tag = reader.uint32();
      if (tag >>> 3 === RESOURCE_SPANS_FIELD) {
        raw.push(embedded(reader, bytes));
      } else {
        reader.skipType(tag & 7);
      }
    }
  } catch (error) {
    throw new ParseError(file, `not an OTLP/protobuf ExportTraceServiceRequest: ${messageOf(error)}`);
  }
  for (const entry of raw) {
    const spans: SpanType[] = [];
    try {
      readResourceSpans(Reader.create(entry), entry, entry.length, spans, traceIds, file);
      entries.push({ spans });
    } catch (error) {
      const problem = error instanceof ParseError ? error.problem : `unreadable ResourceSpans: ${messageOf(error)}`;
      entries.push({ problem, spanCount: countSpans(entry) });
    }
  }
  return entries;
}

/** Spans a (possibly malformed) ResourceSpans entry declares, counted until its framing breaks. */
function countSpans(entry: Uint8Array): number {
  let count = 0;
  try {
    const reader = Reader.create(entry);
    while (reader.pos < reader.len) {
      const tag = reader.uint32();
      if (tag >>> 3 !== SCOPE_SPANS_FIELD) {
        reader.skipType(tag & 7);
        continue;
      }
      const scopeEnd = reader.uint32() + reader.pos;
      while (reader.pos < scopeEnd) {
        const scopeTag = reader.uint32();
        if (scopeTag >>> 3 === SPANS_FIELD) {
          count++;
        }
        reader.skipType(scopeTag & 7);
      }
    }
  } catch {
    // Counted as far as the framing holds.
  }
  return count;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The bytes of the length-delimited field at the reader, which moves past it. */
function embedded(reader: Reader, bytes: Uint8Array): Uint8Array {
  const length = reader.uint32();
  const start = reader.pos;
  reader.skip(length);
  return bytes.subarray(start, start + length);
}

function checkEnd(reader: Reader, end: number): void {
  if (end > reader.len) {
    throw new RangeError(`index out of range: ${end} > ${reader.len}`);
  }
}

function readResourceSpans(
  reader: Reader,
  bytes: Uint8Array,
  end: number,
  out: SpanType[],
  traceIds: TraceIdCache,
  file: string
): void {
  checkEnd(reader, end);
  const first = out.length;
  // Spans share their resource object; the resource may follow them on the wire, so it is read last.
  const resource = createDataRecord<AttributeValue>();
  let resourceFields: ResourceSpansMessage['resource'];
  while (reader.pos < end) {
    const tag = reader.uint32();
    const field = tag >>> 3;
    if (field === RESOURCE_FIELD) {
      resourceFields = resourceMessage.decode(embedded(reader, bytes)) as ResourceSpansMessage['resource'];
    } else if (field === SCOPE_SPANS_FIELD) {
      const scopeEnd = reader.uint32() + reader.pos;
      checkEnd(reader, scopeEnd);
      while (reader.pos < scopeEnd) {
        const scopeTag = reader.uint32();
        if (scopeTag >>> 3 === SPANS_FIELD) {
          const span = spanMessage.decode(embedded(reader, bytes)) as SpanMessage;
          out.push(mapSpan(span, resource, traceIds, file));
        } else if (scopeTag >>> 3 === SCOPE_FIELD) {
          // Decoded only so a malformed scope is rejected as before.
          scopeMessage.decode(embedded(reader, bytes));
        } else {
          reader.skipType(scopeTag & 7);
        }
      }
    } else {
      reader.skipType(tag & 7);
    }
  }
  const service = readResource(resourceFields, resource);
  for (let i = first; i < out.length; i++) {
    out[i].service = service;
  }
}

function mapSpan(
  span: SpanMessage,
  resource: Record<string, AttributeValue>,
  traceIds: TraceIdCache,
  file: string
): SpanType {
  try {
    return toSpan(span, '', resource, traceIds);
  } catch (error) {
    // Safety net: the mapping tolerates every field being unset; anything else is still reported per file.
    throw new ParseError(
      file,
      `unreadable OTLP/protobuf request: ${error instanceof Error ? error.message : String(error)}`
    );
  }
}
