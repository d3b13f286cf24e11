/**
 * Pure builders for Jaeger query API v1 URLs. Every user-controlled value goes through
 * URLSearchParams or encodeURIComponent, so a hostile `$variable` value cannot add parameters
 * or path segments.
 */
import { DataflowError } from '../errors';
import { parseLogfmtTags } from './logfmtTags';

/** A /api/traces search over one time slice. Times are milliseconds since the epoch. */
export interface TraceSearch {
  service: string;
  operation?: string;
  /** Tag filter in logfmt (as typed in the query editor). */
  tags?: string;
  /** Extra tags (ad-hoc filters), merged over `tags`. */
  extraTags?: Record<string, string>;
  minDuration?: string;
  maxDuration?: string;
  startMs: number;
  endMs: number;
  limit: number;
}

const DURATION = /^\d+(\.\d+)?(ns|us|µs|ms|s|m|h)$/;

/** Jaeger wants durations such as `1.2s` or `300ms`; anything else is a user mistake worth naming. */
export function validateDuration(field: string, value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  if (!trimmed) {
    return undefined;
  }
  if (!DURATION.test(trimmed)) {
    throw new DataflowError(`${field}: "${trimmed}" is not a duration (use e.g. 100ms, 1.5s, 2m)`);
  }
  return trimmed;
}

export function buildServicesUrl(baseUrl: string): string {
  return `${baseUrl}/api/services`;
}

export function buildOperationsUrl(baseUrl: string, service: string): string {
  return `${baseUrl}/api/services/${encodeURIComponent(service)}/operations`;
}

export function buildTraceUrl(baseUrl: string, traceId: string): string {
  const id = traceId.trim();
  if (!/^[0-9a-zA-Z_-]{1,64}$/.test(id)) {
    throw new DataflowError(`Trace id "${id.slice(0, 80)}" is not valid: use the hex id shown in Jaeger`);
  }
  return `${baseUrl}/api/traces/${encodeURIComponent(id)}`;
}

export function buildTracesUrl(baseUrl: string, search: TraceSearch): string {
  if (!search.service.trim()) {
    throw new DataflowError('Service: choose a service (Jaeger searches traces per service)');
  }
  const params = new URLSearchParams();
  params.set('service', search.service);
  if (search.operation) {
    params.set('operation', search.operation);
  }
  const tags = { ...parseLogfmtTags(search.tags ?? ''), ...(search.extraTags ?? {}) };
  if (Object.keys(tags).length > 0) {
    params.set('tags', JSON.stringify(tags));
  }
  const minDuration = validateDuration('Min duration', search.minDuration);
  const maxDuration = validateDuration('Max duration', search.maxDuration);
  if (minDuration) {
    params.set('minDuration', minDuration);
  }
  if (maxDuration) {
    params.set('maxDuration', maxDuration);
  }
  params.set('start', String(Math.floor(search.startMs * 1000)));
  params.set('end', String(Math.ceil(search.endMs * 1000)));
  params.set('limit', String(search.limit));
  return `${baseUrl}/api/traces?${params.toString()}`;
}

/** /api/dependencies takes the end and the lookback in milliseconds. */
export function buildDependenciesUrl(baseUrl: string, endMs: number, lookbackMs: number): string {
  const params = new URLSearchParams({ endTs: String(Math.round(endMs)), lookback: String(Math.round(lookbackMs)) });
  return `${baseUrl}/api/dependencies?${params.toString()}`;
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** Parses a lookback such as `1h`, `2d` or `30m` into milliseconds. */
export function parseLookbackMs(value: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h|d|w)$/.exec(value.trim());
  if (!match) {
    throw new DataflowError(`Lookback: "${value.trim().slice(0, 40)}" is not a duration (use e.g. 1h, 2d)`);
  }
  return Number(match[1]) * UNIT_MS[match[2]];
}
