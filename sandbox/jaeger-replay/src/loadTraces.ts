import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { JaegerDependencyLink, JaegerTrace, traceStartUs } from './jaegerModel';

export const TESTDATA_DIR = join(__dirname, '..', 'testdata');

/** Recorded dependency files (bare `[{parent, child, callCount}]` arrays). */
export const DEPENDENCY_FILES = ['jaeger-ui-dependencygraph-small.json', 'jaeger-ui-dependencygraph-large.json'];

/**
 * Reads every trace file of a folder. A file may hold one trace object, `{data: trace}` or
 * `{data: [traces]}` (the shapes Jaeger and Jaeger UI publish). Duplicate trace ids keep the first.
 */
export function loadTraceFiles(dir: string = TESTDATA_DIR): JaegerTrace[] {
  const traces = new Map<string, JaegerTrace>();
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith('.json') || DEPENDENCY_FILES.includes(file)) {
      continue;
    }
    const json: unknown = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    for (const trace of unwrapTraces(json)) {
      if (!traces.has(trace.traceID)) {
        traces.set(trace.traceID, trace);
      }
    }
  }
  return [...traces.values()];
}

export function loadDependencyFile(file: string, dir: string = TESTDATA_DIR): JaegerDependencyLink[] {
  return JSON.parse(readFileSync(join(dir, file), 'utf8')) as JaegerDependencyLink[];
}

function unwrapTraces(json: unknown): JaegerTrace[] {
  const data = isObject(json) && 'data' in json ? json.data : json;
  const list = Array.isArray(data) ? data : [data];
  return list.filter((t): t is JaegerTrace => isObject(t) && typeof t.traceID === 'string' && Array.isArray(t.spans));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * Moves recorded traces (from 1970 to 2026) next to `anchorMs`, keeping their inner timing: the
 * newest-recorded trace ends up starting `spacingMs` before the anchor, the others `spacingMs` apart.
 * This lets a dashboard on "Last 15 minutes" show the recordings.
 */
export function shiftTraces(traces: JaegerTrace[], anchorMs: number, spacingMs: number): JaegerTrace[] {
  const ordered = [...traces].sort((a, b) => traceStartUs(a) - traceStartUs(b));
  return ordered.map((trace, index) => {
    const targetStartUs = (anchorMs - (ordered.length - index) * spacingMs) * 1000;
    const deltaUs = targetStartUs - traceStartUs(trace);
    return {
      ...trace,
      spans: trace.spans.map((span) => ({
        ...span,
        startTime: span.startTime + deltaUs,
        logs: span.logs?.map((log) => ({ ...log, timestamp: log.timestamp + deltaUs })) ?? span.logs,
      })),
    };
  });
}
