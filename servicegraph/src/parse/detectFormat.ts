/**
 * Format auto-detection on a parsed document. The decision looks only at the top-level shape (and the
 * first element of arrays), so it is cheap and its error names the key that did not fit.
 */
import { describeValue, ParseError } from './parseError';
import { findResourceSpans } from './otlpJson';
import { isDependencyLink } from './jaegerDependencies';

export type TraceFormat = 'jaeger-traces' | 'jaeger-trace' | 'otlp-json' | 'jaeger-dependencies';

type JsonObject = Record<string, unknown>;

const EXPECTED = 'not Jaeger or OTLP JSON';

export function detectFormat(doc: unknown, file: string): TraceFormat {
  if (Array.isArray(doc)) {
    return detectArray(doc, file, 'top-level array');
  }
  if (!isObject(doc)) {
    throw new ParseError(file, `${EXPECTED}: top level is ${describeValue(doc)}`);
  }
  if (findResourceSpans(doc) !== undefined || isOtlpWrapper(doc)) {
    return 'otlp-json';
  }
  if ('data' in doc) {
    const data = doc.data;
    if (Array.isArray(data)) {
      return detectArray(data, file, '"data" array');
    }
    if (isObject(data) && 'spans' in data) {
      return 'jaeger-trace';
    }
    if (data === null) {
      const errors = Array.isArray(doc.errors) ? doc.errors : [];
      const first = errors[0] as { msg?: unknown } | undefined;
      const reason = first && typeof first.msg === 'string' ? `: ${first.msg}` : '';
      throw new ParseError(file, `Jaeger API response without data${reason}`);
    }
    throw new ParseError(file, `${EXPECTED}: "data" is ${describeValue(data)}`);
  }
  if ('spans' in doc) {
    return 'jaeger-trace';
  }
  const keys = Object.keys(doc);
  if (keys.length === 0) {
    throw new ParseError(file, `${EXPECTED}: empty object`);
  }
  throw new ParseError(file, `${EXPECTED}: top-level key ${JSON.stringify(keys[0])}`);
}

/** Jaeger /api/v3 (`{result: {resourceSpans}}`) and Tempo v2 (`{trace: {resourceSpans}}`) wrap OTLP. */
export function unwrapOtlp(doc: JsonObject): JsonObject {
  for (const key of ['result', 'trace']) {
    const inner = doc[key];
    if (isObject(inner) && findResourceSpans(inner) !== undefined) {
      return inner;
    }
  }
  return doc;
}

function isOtlpWrapper(doc: JsonObject): boolean {
  return unwrapOtlp(doc) !== doc;
}

function detectArray(items: unknown[], file: string, where: string): TraceFormat {
  if (items.length === 0) {
    // An empty answer is valid for every API; dependencies is the format that needs no further fields.
    return 'jaeger-dependencies';
  }
  const first = items[0];
  if (isDependencyLink(first)) {
    return 'jaeger-dependencies';
  }
  if (isObject(first) && ('spans' in first || 'traceID' in first)) {
    return 'jaeger-traces';
  }
  if (isObject(first) && findResourceSpans(first) !== undefined) {
    return 'otlp-json';
  }
  const key = isObject(first) ? Object.keys(first)[0] : undefined;
  const what = key === undefined ? describeValue(first) : `an object with key ${JSON.stringify(key)}`;
  throw new ParseError(file, `${EXPECTED}: ${where} starts with ${what}`);
}

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
