/**
 * Request body → spans, with OTLP partial success: each resourceSpans entry is read on its own by
 * servicegraph's OTLP reader, so one malformed entry rejects only its spans. A body that is not OTLP at all
 * throws ParseError (→ 400). The same function decodes spool records on replay, so replay sees exactly the
 * spans that were acknowledged. Protobuf bodies are decoded straight into spans (no protobuf-JSON object
 * tree in between), entry by entry.
 */
import { decodeOtlpProtobufEntries } from '../../../servicegraph/src/parse/otlpProtobuf';
import { findResourceSpans, otlpRequestToSpans } from '../../../servicegraph/src/parse/otlpJson';
import { ParseError } from '../../../servicegraph/src/parse/parseError';
import type { Span } from '../../../servicegraph/src/types';
import { RecordType } from '../spool/recordFormat';

export interface DecodedRequest {
  spans: Span[];
  rejectedSpans: number;
  /** First problem of a rejected entry ('' when nothing was rejected). */
  errorMessage: string;
}

const INPUT = 'request';

function parseJsonBody(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (err) {
    throw new ParseError(INPUT, `not valid JSON: ${(err as Error).message}`);
  }
}

function decodeProtobufBody(body: Buffer): DecodedRequest {
  const result: DecodedRequest = { spans: [], rejectedSpans: 0, errorMessage: '' };
  const entries = decodeOtlpProtobufEntries(body, INPUT);
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    if (entry.spans !== undefined) {
      for (const span of entry.spans) {
        result.spans.push(span);
      }
      continue;
    }
    result.rejectedSpans += Math.max(entry.spanCount, 1);
    if (result.errorMessage === '') {
      result.errorMessage = `resourceSpans[${i}]: ${entry.problem}`;
    }
  }
  return result;
}

function countSpans(entry: unknown): number {
  if (typeof entry !== 'object' || entry === null) {
    return 0;
  }
  const record = entry as Record<string, unknown>;
  const scopes = record.scopeSpans ?? record.instrumentationLibrarySpans ?? record.scope_spans;
  if (!Array.isArray(scopes)) {
    return 0;
  }
  return scopes.reduce<number>((sum, scope) => {
    const spans = (scope as Record<string, unknown> | null)?.spans;
    return sum + (Array.isArray(spans) ? spans.length : 0);
  }, 0);
}

export function decodeOtlpBody(type: RecordType, body: Buffer): DecodedRequest {
  if (type === RecordType.OtlpProtobuf) {
    return decodeProtobufBody(body);
  }
  const doc = parseJsonBody(body);
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new ParseError(INPUT, 'expected an OTLP ExportTraceServiceRequest object');
  }
  const list = findResourceSpans(doc as Record<string, unknown>) ?? [];
  if (!Array.isArray(list)) {
    throw new ParseError(INPUT, 'resourceSpans: expected an array');
  }
  const result: DecodedRequest = { spans: [], rejectedSpans: 0, errorMessage: '' };
  for (let i = 0; i < list.length; i++) {
    try {
      // Each entry into its own array, so a failing entry adds none of its spans.
      const spans = otlpRequestToSpans({ resourceSpans: [list[i]] }, INPUT);
      for (const span of spans) {
        result.spans.push(span);
      }
    } catch (err) {
      if (!(err instanceof ParseError)) {
        throw err;
      }
      result.rejectedSpans += Math.max(countSpans(list[i]), 1);
      if (result.errorMessage === '') {
        result.errorMessage = `resourceSpans[${i}]${err.problem.replace(/^resourceSpans\[0\]/, '')}`;
      }
    }
  }
  return result;
}
