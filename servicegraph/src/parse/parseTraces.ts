/**
 * Entry points: text or an already-parsed document in any supported format → spans (or dependency links).
 * Everything thrown from here is a ParseError naming the input.
 */
import { parse as parseYaml } from 'yaml';
import type { Span } from '../types';
import { ParseError, UNNAMED_INPUT } from './parseError';
import { detectFormat, unwrapOtlp, type TraceFormat } from './detectFormat';
import { jaegerTracesToSpans, jaegerTraceToSpans } from './jaegerJson';
import { otlpRequestToSpans } from './otlpJson';
import { parseJaegerDependencies, type DependencyLink } from './jaegerDependencies';

export interface ParsedTraces {
  format: TraceFormat;
  spans: Span[];
  /** Only for Jaeger /api/dependencies input. */
  dependencies: DependencyLink[];
}

/** Parses JSON, newline-delimited JSON (OTLP file exporter) or YAML (collector golden files) text. */
export function parseTraceText(text: string, file: string = UNNAMED_INPUT): ParsedTraces {
  return guard(file, () => {
    const docs = readText(text, file);
    return docs.length === 1 ? parseDocument(docs[0], file) : mergeParsed(docs.map((doc) => parseDocument(doc, file)));
  });
}

/** Parses an already-decoded JSON document (e.g. a Jaeger HTTP response body). */
export function parseTraceDocument(doc: unknown, file: string = UNNAMED_INPUT): ParsedTraces {
  return guard(file, () => parseDocument(doc, file));
}

function parseDocument(doc: unknown, file: string): ParsedTraces {
  const format = detectFormat(doc, file);
  const spans: Span[] = [];
  let dependencies: DependencyLink[] = [];
  const object = doc as Record<string, unknown>;
  switch (format) {
    case 'jaeger-traces':
      jaegerTracesToSpans((Array.isArray(doc) ? doc : object.data) as unknown[], file, spans);
      break;
    case 'jaeger-trace':
      jaegerTraceToSpans(
        isObjectWithSpans(doc) ? doc : object.data,
        file,
        isObjectWithSpans(doc) ? 'trace' : 'data',
        spans
      );
      break;
    case 'otlp-json':
      if (Array.isArray(doc)) {
        doc.forEach((request, i) => otlpRequestToSpans(request, file, `[${i}].`, spans));
      } else {
        otlpRequestToSpans(unwrapOtlp(object), file, '', spans);
      }
      break;
    case 'jaeger-dependencies':
      dependencies = parseJaegerDependencies(
        (Array.isArray(doc) ? doc : object.data) as unknown[],
        file,
        Array.isArray(doc) ? '' : 'data'
      );
      break;
  }
  return { format, spans, dependencies };
}

/** The documents in the text: one, or one per line for newline-delimited JSON. */
function readText(input: string, file: string): unknown[] {
  const text = stripByteOrderMark(input);
  const trimmed = text.trimStart();
  if (trimmed === '') {
    throw new ParseError(file, 'empty input: expected Jaeger or OTLP JSON');
  }
  const first = trimmed[0];
  if (first !== '{' && first !== '[' && (/\.ya?ml$/i.test(file) || /^[A-Za-z_]/.test(first))) {
    return [readYaml(text, file)];
  }
  try {
    return [JSON.parse(text)];
  } catch (error) {
    const lines = text.split('\n').filter((line) => line.trim() !== '');
    if (lines.length > 1) {
      const docs = tryParseLines(lines);
      if (docs !== undefined) {
        return docs;
      }
    }
    throw new ParseError(file, `invalid JSON: ${(error as Error).message}`);
  }
}

function tryParseLines(lines: string[]): unknown[] | undefined {
  const docs: unknown[] = [];
  for (const line of lines) {
    try {
      docs.push(JSON.parse(line));
    } catch {
      return undefined;
    }
  }
  return docs;
}

function readYaml(text: string, file: string): unknown {
  let doc: unknown;
  try {
    // Big integers (nanosecond timestamps) must not lose precision; they are turned back into strings below.
    doc = parseYaml(text, { intAsBigInt: true, maxAliasCount: 100, logLevel: 'error' });
  } catch (error) {
    throw new ParseError(file, `invalid YAML: ${firstLine((error as Error).message)}`);
  }
  return normalizeBigInts(doc);
}

function normalizeBigInts(value: unknown): unknown {
  if (typeof value === 'bigint') {
    const n = Number(value);
    return Number.isSafeInteger(n) ? n : value.toString();
  }
  if (Array.isArray(value)) {
    return value.map(normalizeBigInts);
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      out[key] = normalizeBigInts(inner);
    }
    return out;
  }
  return value;
}

function mergeParsed(parts: ParsedTraces[]): ParsedTraces {
  const format = parts.find((part) => part.spans.length > 0)?.format ?? parts[0]?.format ?? 'otlp-json';
  return {
    format,
    spans: parts.flatMap((part) => part.spans),
    dependencies: parts.flatMap((part) => part.dependencies),
  };
}

function isObjectWithSpans(doc: unknown): boolean {
  return doc !== null && typeof doc === 'object' && !Array.isArray(doc) && 'spans' in doc;
}

/** Editors on Windows save UTF-8 with a byte order mark, which JSON.parse rejects. */
export function stripByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function firstLine(message: string): string {
  return message.split('\n')[0];
}

/**
 * Safety net: the parsers validate what they read, but arbitrary documents can still hit a corner
 * (e.g. a getter-less exotic value); anything that is not a ParseError is reported as one.
 */
function guard<T>(file: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof ParseError) {
      throw error;
    }
    if (error instanceof RangeError) {
      throw new ParseError(file, `input too deeply nested or too large: ${error.message}`);
    }
    throw new ParseError(file, `unreadable trace data: ${error instanceof Error ? error.message : String(error)}`);
  }
}
