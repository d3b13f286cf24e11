/**
 * The fast entry point for large dumps (CLI, benchmark): Jaeger and OTLP JSON are read straight from the
 * text without JSON.parse, keeping only the attributes edge derivation needs. Anything the scanners do not
 * handle (YAML, NDJSON, dependencies, odd shapes, malformed input) goes to the full parser, so results and
 * errors are those of parseTraceText.
 */
import { UNNAMED_INPUT } from '../parseError';
import type { DependencyLink } from '../jaegerDependencies';
import type { TraceFormat } from '../detectFormat';
import { parseTraceText, stripByteOrderMark, type ParsedTraces } from '../parseTraces';
import { ScanUnsupported } from './jsonCursor';
import { TraceCursor } from './traceFields';
import { createTraceState, finishTrace, scanJaegerTrace, scanTraceKey } from './scanJaeger';
import { scanResourceSpansArray } from './scanOtlp';
import { SpanColumns } from './spanColumns';

/** Like parseTraceText, but span attributes are limited to DERIVATION_ATTRIBUTES and resources are empty. */
export function scanTraceText(text: string, file: string = UNNAMED_INPUT): ParsedTraces {
  const columns = new SpanColumns();
  try {
    const format = scanDocument(stripByteOrderMark(text), columns);
    return { format, spans: columns.toSpans(), dependencies: [] };
  } catch (error) {
    if (isUnsupported(error)) {
      return parseTraceText(text, file);
    }
    throw error;
  }
}

/**
 * Adds the text's spans to `columns` (what derivation needs, as scanTraceText keeps it; the full parser's
 * spans when the scanner falls back). Returns the format and any dependency links.
 */
export function scanTraceColumns(
  text: string,
  file: string,
  columns: SpanColumns
): { format: TraceFormat; dependencies: DependencyLink[] } {
  const before = columns.count;
  try {
    return { format: scanDocument(stripByteOrderMark(text), columns), dependencies: [] };
  } catch (error) {
    if (!isUnsupported(error)) {
      throw error;
    }
    columns.truncate(before);
    const parsed = parseTraceText(text, file);
    for (const span of parsed.spans) {
      columns.pushSpan(span);
    }
    return { format: parsed.format, dependencies: parsed.dependencies };
  }
}

function isUnsupported(error: unknown): boolean {
  return error instanceof ScanUnsupported || error instanceof RangeError;
}

/**
 * One cursor for every scan, pointed at each text in turn. A new cursor per text made V8 throw away the
 * scanners' optimised code after every other dump (it was tied to the dead cursor: "weak objects" deopts),
 * so every second dump ran ~30% slower while the code was optimised again. Scans never nest.
 */
const sharedCursor = new TraceCursor('');

function scanDocument(text: string, columns: SpanColumns): TraceFormat {
  sharedCursor.reset(text);
  try {
    return scanCursor(sharedCursor, columns);
  } finally {
    // Not keeping a large text alive until the next scan.
    sharedCursor.reset('');
  }
}

function scanCursor(cursor: TraceCursor, columns: SpanColumns): TraceFormat {
  if (cursor.peek() !== 123) {
    throw new ScanUnsupported('not a JSON object');
  }
  const topTrace = createTraceState(columns);
  let jaegerTraces = 0;
  let singleTrace = false;
  let topTraceKeys = 0;
  let otlp = 0;
  cursor.beginObject();
  for (let first = true; cursor.nextKey(first); first = false) {
    if (cursor.keyIs('data')) {
      const data = scanData(cursor, columns);
      jaegerTraces += data.traces;
      singleTrace = data.single;
    } else if (cursor.keyIs('resourceSpans') || cursor.keyIs('batches') || cursor.keyIs('resource_spans')) {
      otlp++;
      scanResourceSpansArray(cursor, columns);
    } else if (scanTraceKey(cursor, topTrace, columns)) {
      topTraceKeys++;
    } else {
      cursor.skipValue();
    }
  }
  if (!cursor.atEnd()) {
    throw new ScanUnsupported('trailing content');
  }
  const kinds = (jaegerTraces > 0 ? 1 : 0) + (otlp > 0 ? 1 : 0) + (topTraceKeys > 0 ? 1 : 0);
  if (kinds !== 1) {
    throw new ScanUnsupported('not exactly one known format');
  }
  if (topTraceKeys > 0) {
    finishTrace(topTrace, columns);
    return 'jaeger-trace';
  }
  return otlp > 0 ? 'otlp-json' : singleTrace ? 'jaeger-trace' : 'jaeger-traces';
}

/** `data`: an array of traces (/api/traces) or one trace object. */
function scanData(cursor: TraceCursor, columns: SpanColumns): { traces: number; single: boolean } {
  const c = cursor.peek();
  if (c === 123) {
    scanJaegerTrace(cursor, columns);
    return { traces: 1, single: true };
  }
  if (c !== 91) {
    throw new ScanUnsupported('data is neither a trace nor a list of traces');
  }
  let traces = 0;
  cursor.beginArray();
  for (let first = true; cursor.nextElement(first); first = false) {
    scanJaegerTrace(cursor, columns);
    traces++;
  }
  if (traces === 0) {
    throw new ScanUnsupported('empty data');
  }
  return { traces, single: false };
}
