/**
 * Jaeger query semantics over an in-memory trace list, following Jaeger's memory store: a trace
 * matches when ONE of its spans matches service, operation, start-time range, duration range and
 * every tag (span tags, process tags or log fields, compared as strings). Newest traces first.
 */
import {
  JaegerDependencyLink,
  JaegerSpan,
  JaegerTag,
  JaegerTrace,
  serviceOf,
  spanKindOf,
  traceStartUs,
} from './jaegerModel';

export interface TraceQuery {
  service: string;
  operation?: string;
  tags: Record<string, string>;
  startUs: number;
  endUs: number;
  minDurationUs?: number;
  maxDurationUs?: number;
  limit: number;
}

export function findTraces(traces: JaegerTrace[], query: TraceQuery): JaegerTrace[] {
  return traces
    .filter((trace) => trace.spans.some((span) => spanMatches(trace, span, query)))
    .sort((a, b) => traceStartUs(b) - traceStartUs(a))
    .slice(0, query.limit);
}

function spanMatches(trace: JaegerTrace, span: JaegerSpan, query: TraceQuery): boolean {
  if (serviceOf(trace, span) !== query.service) {
    return false;
  }
  if (query.operation && span.operationName !== query.operation) {
    return false;
  }
  if (span.startTime < query.startUs || span.startTime > query.endUs) {
    return false;
  }
  if (query.minDurationUs !== undefined && span.duration < query.minDurationUs) {
    return false;
  }
  if (query.maxDurationUs !== undefined && span.duration > query.maxDurationUs) {
    return false;
  }
  return Object.entries(query.tags).every(([key, value]) => hasTag(trace, span, key, value));
}

function hasTag(trace: JaegerTrace, span: JaegerSpan, key: string, value: string): boolean {
  const matches = (tags: JaegerTag[] | null | undefined) =>
    (tags ?? []).some((t) => t.key === key && String(t.value) === value);
  return (
    matches(span.tags) ||
    matches(trace.processes[span.processID]?.tags) ||
    (span.logs ?? []).some((log) => matches(log.fields))
  );
}

export function listServices(traces: JaegerTrace[]): string[] {
  const services = new Set<string>();
  for (const trace of traces) {
    for (const span of trace.spans) {
      services.add(serviceOf(trace, span));
    }
  }
  services.delete('');
  return [...services].sort();
}

export function listOperations(
  traces: JaegerTrace[],
  service: string,
  spanKind = ''
): Array<{ name: string; spanKind: string }> {
  const operations = new Map<string, { name: string; spanKind: string }>();
  for (const trace of traces) {
    for (const span of trace.spans) {
      const kind = spanKindOf(span);
      if (serviceOf(trace, span) === service && (!spanKind || kind === spanKind)) {
        operations.set(`${span.operationName}\u0000${kind}`, { name: span.operationName, spanKind: kind });
      }
    }
  }
  return [...operations.values()].sort((a, b) => a.name.localeCompare(b.name) || a.spanKind.localeCompare(b.spanKind));
}

/** Jaeger-style dependency links (parent service → child service, CHILD_OF) for traces in a window. */
export function deriveDependencies(traces: JaegerTrace[], startUs: number, endUs: number): JaegerDependencyLink[] {
  const counts = new Map<string, JaegerDependencyLink>();
  for (const trace of traces) {
    const byId = new Map(trace.spans.map((span) => [span.spanID, span]));
    for (const span of trace.spans) {
      if (span.startTime < startUs || span.startTime > endUs) {
        continue;
      }
      const ref = span.references?.find((r) => r.refType === 'CHILD_OF');
      const parent = ref ? byId.get(ref.spanID) : undefined;
      const parentService = parent ? serviceOf(trace, parent) : '';
      const childService = serviceOf(trace, span);
      if (parentService && childService && parentService !== childService) {
        const key = `${parentService}\u0000${childService}`;
        const link = counts.get(key) ?? { parent: parentService, child: childService, callCount: 0 };
        link.callCount++;
        counts.set(key, link);
      }
    }
  }
  return [...counts.values()];
}

const DURATION_UNITS_US: Record<string, number> = { ns: 0.001, us: 1, µs: 1, ms: 1000, s: 1e6, m: 6e7, h: 3.6e9 };

/** Parses Go-style durations as Jaeger accepts them (`1.5s`, `100ms`, `1m30s`); undefined when invalid. */
export function parseGoDurationUs(text: string): number | undefined {
  const parts = text.match(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g);
  if (!parts || parts.join('') !== text) {
    return undefined;
  }
  return parts.reduce((sum, part) => {
    const [, number, unit] = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/.exec(part) ?? [];
    return sum + Number(number) * DURATION_UNITS_US[unit];
  }, 0);
}
