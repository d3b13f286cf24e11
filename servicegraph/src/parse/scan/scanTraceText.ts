/**
 * The fast entry point for large dumps (CLI, benchmark): Jaeger and OTLP JSON are read straight from the
 * text without JSON.parse, keeping only the attributes edge derivation needs. Anything the scanners do not
 * handle (YAML, NDJSON, dependencies, odd shapes, malformed input) goes to the full parser, so results and
 * errors are those of parseTraceText.
 */
import type { Span } from '../../types';
import { UNNAMED_INPUT } from '../parseError';
import { parseTraceText, stripByteOrderMark, type ParsedTraces } from '../parseTraces';
import { ScanUnsupported } from './jsonCursor';
import { TraceCursor } from './traceFields';
import { createTraceState, finishTrace, scanJaegerTrace, scanTraceKey } from './scanJaeger';
import { scanResourceSpansArray } from './scanOtlp';

/** Like parseTraceText, but span attributes are limited to DERIVATION_ATTRIBUTES and resources are empty. */
export function scanTraceText(text: string, file: string = UNNAMED_INPUT): ParsedTraces {
  try {
    return scanDocument(stripByteOrderMark(text));
  } catch (error) {
    if (error instanceof ScanUnsupported || error instanceof RangeError) {
      return parseTraceText(text, file);
    }
    throw error;
  }
}

function scanDocument(text: string): ParsedTraces {
  const cursor = new TraceCursor(text);
  if (cursor.peek() !== 123) {
    throw new ScanUnsupported('not a JSON object');
  }
  const spans: Span[] = [];
  const topTrace = createTraceState();
  let jaegerTraces = 0;
  let singleTrace = false;
  let topTraceKeys = 0;
  let otlp = 0;
  cursor.beginObject();
  for (let first = true; cursor.nextKey(first); first = false) {
    if (cursor.keyIs('data')) {
      const data = scanData(cursor, spans);
      jaegerTraces += data.traces;
      singleTrace = data.single;
    } else if (cursor.keyIs('resourceSpans') || cursor.keyIs('batches') || cursor.keyIs('resource_spans')) {
      otlp++;
      scanResourceSpansArray(cursor, spans);
    } else if (scanTraceKey(cursor, topTrace)) {
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
    finishTrace(topTrace, spans);
    return { format: 'jaeger-trace', spans, dependencies: [] };
  }
  return { format: otlp > 0 ? 'otlp-json' : singleTrace ? 'jaeger-trace' : 'jaeger-traces', spans, dependencies: [] };
}

/** `data`: an array of traces (/api/traces) or one trace object. */
function scanData(cursor: TraceCursor, spans: Span[]): { traces: number; single: boolean } {
  const c = cursor.peek();
  if (c === 123) {
    scanJaegerTrace(cursor, spans);
    return { traces: 1, single: true };
  }
  if (c !== 91) {
    throw new ScanUnsupported('data is neither a trace nor a list of traces');
  }
  let traces = 0;
  cursor.beginArray();
  for (let first = true; cursor.nextElement(first); first = false) {
    scanJaegerTrace(cursor, spans);
    traces++;
  }
  if (traces === 0) {
    throw new ScanUnsupported('empty data');
  }
  return { traces, single: false };
}
