/**
 * Span kind and error status normalisation shared by every parser (design.md "failed": OTLP status
 * code 2, Jaeger tag error=true, or an HTTP status code ≥ 500).
 */
import type { AttributeValue, SpanKind } from '../types';

const OTLP_KINDS: SpanKind[] = ['unspecified', 'internal', 'server', 'client', 'producer', 'consumer'];

const KIND_NAMES: Record<string, SpanKind> = {
  unspecified: 'unspecified',
  internal: 'internal',
  server: 'server',
  client: 'client',
  producer: 'producer',
  consumer: 'consumer',
};

/** OTLP kind number 0..5. Unknown numbers are unspecified: proto3 enums are open, so they are valid but mean nothing known. */
export function otlpKindNumberToSpanKind(kind: number): SpanKind {
  return OTLP_KINDS[kind] ?? 'unspecified';
}

/**
 * OTLP/JSON kind: an integer, `SPAN_KIND_CLIENT`, `CLIENT`, `client` or a decimal string; absent or null is
 * unspecified. A string that names no kind (or a fraction, boolean, object) is malformed: undefined.
 */
export function otlpKindToSpanKind(kind: unknown): SpanKind | undefined {
  if (typeof kind === 'number') {
    return Number.isInteger(kind) ? otlpKindNumberToSpanKind(kind) : undefined;
  }
  if (typeof kind === 'string') {
    const name = kind.startsWith('SPAN_KIND_') ? kind.slice(10) : kind;
    return KIND_NAMES[name.toLowerCase()] ?? (/^-?\d{1,10}$/.test(kind) ? otlpKindNumberToSpanKind(Number(kind)) : undefined);
  }
  return kind === undefined || kind === null ? 'unspecified' : undefined;
}

/** Jaeger `span.kind` tag value (`client`, `server`, …); absent or unknown is unspecified. */
export function jaegerKindToSpanKind(kind: AttributeValue | undefined): SpanKind {
  return typeof kind === 'string' ? (KIND_NAMES[kind.toLowerCase()] ?? 'unspecified') : 'unspecified';
}

/** OTLP status code 2 / `STATUS_CODE_ERROR` / `ERROR`. */
export function isOtlpErrorStatus(code: unknown): boolean {
  return code === 2 || code === 'STATUS_CODE_ERROR' || code === 'ERROR' || code === '2';
}

/** Error signals carried in attributes: `error=true` (Jaeger), `otel.status_code=ERROR`, HTTP 5xx. */
export function hasErrorAttributes(attributes: Record<string, AttributeValue>): boolean {
  const error = attributes.error;
  if (error === true || error === 'true') {
    return true;
  }
  if (attributes['otel.status_code'] === 'ERROR') {
    return true;
  }
  return (
    isServerErrorStatus(attributes['http.status_code']) || isServerErrorStatus(attributes['http.response.status_code'])
  );
}

function isServerErrorStatus(value: AttributeValue | undefined): boolean {
  if (value === undefined || typeof value === 'boolean') {
    return false;
  }
  const code = typeof value === 'number' ? value : Number(value);
  return code >= 500;
}
