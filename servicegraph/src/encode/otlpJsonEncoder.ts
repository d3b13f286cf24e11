/**
 * Span[] → OTLP/JSON ExportTraceServiceRequest (one resourceSpans per service). For tests, demos and the
 * benchmark; times are written with microsecond precision, which is what Jaeger keeps too.
 */
import type { Span, SpanKind } from '../types';
import { toOtlpKeyValues, type OtlpKeyValue } from './attributeEncoding';

export type IdEncoding = 'hex' | 'base64';

export interface OtlpJsonSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  kind: number;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes: OtlpKeyValue[];
  status: { code: number };
}

export interface OtlpJsonRequest {
  resourceSpans: Array<{
    resource: { attributes: OtlpKeyValue[] };
    scopeSpans: Array<{ scope: { name: string }; spans: OtlpJsonSpan[] }>;
  }>;
}

const KIND_NUMBERS: Record<SpanKind, number> = {
  unspecified: 0,
  internal: 1,
  server: 2,
  client: 3,
  producer: 4,
  consumer: 5,
};

export function toOtlpJson(
  spans: readonly Span[],
  options: { idEncoding: IdEncoding } = { idEncoding: 'hex' }
): OtlpJsonRequest {
  const encodeId = options.idEncoding === 'hex' ? (id: string) => id : hexToBase64;
  const byService = new Map<string, Span[]>();
  for (const span of spans) {
    const group = byService.get(span.service);
    if (group === undefined) {
      byService.set(span.service, [span]);
    } else {
      group.push(span);
    }
  }
  return {
    resourceSpans: [...byService].map(([service, group]) => ({
      resource: { attributes: toOtlpKeyValues({ ...group[0].resource, 'service.name': service }) },
      scopeSpans: [{ scope: { name: 'kompas' }, spans: group.map((span) => toOtlpJsonSpan(span, encodeId)) }],
    })),
  };
}

function toOtlpJsonSpan(span: Span, encodeId: (hex: string) => string): OtlpJsonSpan {
  const startUs = Math.round(span.startMs * 1000);
  const endUs = startUs + Math.round(span.durationMs * 1000);
  return {
    traceId: encodeId(span.traceId),
    spanId: encodeId(span.spanId),
    parentSpanId: span.parentSpanId === '' ? '' : encodeId(span.parentSpanId),
    name: span.name,
    kind: KIND_NUMBERS[span.kind],
    startTimeUnixNano: `${startUs}000`,
    endTimeUnixNano: `${endUs}000`,
    attributes: toOtlpKeyValues(span.attributes),
    status: { code: span.error ? 2 : 0 },
  };
}

export function hexToBase64(hex: string): string {
  let binary = '';
  for (let i = 0; i < hex.length; i += 2) {
    binary += String.fromCharCode(parseInt(hex.slice(i, i + 2), 16));
  }
  return btoa(binary);
}
