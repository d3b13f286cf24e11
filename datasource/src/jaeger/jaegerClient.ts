import { Observable, catchError, defer, map, throwError, timeout } from 'rxjs';

import { DataflowError } from '../errors';
import { HttpGet, TransportError } from './httpTransport';
import { JaegerEnvelope, parseJaegerResponse } from './jaegerResponse';
import {
  TraceSearch,
  buildDependenciesUrl,
  buildOperationsUrl,
  buildServicesUrl,
  buildTraceUrl,
  buildTracesUrl,
} from './jaegerUrls';

/** One link of Jaeger's /api/dependencies. */
export interface JaegerDependencyLink {
  parent: string;
  child: string;
  callCount: number;
}

export interface JaegerClientOptions {
  /** Base of the API without `/api`: the Grafana proxy route, or the Jaeger URL itself in tests. */
  baseUrl: string;
  http: HttpGet;
  timeoutMs: number;
}

/** The Jaeger query API v1 subset Kompas uses. Each call is cold: subscribing sends, unsubscribing aborts. */
export interface JaegerClient {
  getServices(): Observable<string[]>;
  getOperations(service: string): Observable<string[]>;
  /** Raw trace objects (Jaeger JSON) plus Jaeger's non-fatal errors. */
  searchTraces(search: TraceSearch): Observable<JaegerEnvelope<unknown[]>>;
  getTrace(traceId: string): Observable<JaegerEnvelope<unknown[]>>;
  getDependencies(endMs: number, lookbackMs: number): Observable<JaegerDependencyLink[]>;
}

export function createJaegerClient(options: JaegerClientOptions): JaegerClient {
  const { baseUrl } = options;
  // defer: a validation error while building the URL (bad duration, bad tag) becomes a stream error.
  const get = <T>(buildUrl: () => string, what: string): Observable<JaegerEnvelope<T>> =>
    defer(() => options.http(buildUrl())).pipe(
      timeout({
        first: options.timeoutMs,
        with: () =>
          throwError(
            () =>
              new DataflowError(`Jaeger ${what}: no answer within ${Math.round(options.timeoutMs / 1000)} s (timeout)`)
          ),
      }),
      map((response) => parseJaegerResponse<T>(response, what)),
      catchError((error: unknown) => throwError(() => asDataflowError(error, what)))
    );
  return {
    getServices: () =>
      get<string[]>(() => buildServicesUrl(baseUrl), 'services').pipe(map((e) => sortedStrings(e.data))),
    getOperations: (service) =>
      get<string[]>(() => buildOperationsUrl(baseUrl, service), `operations of ${service}`).pipe(
        map((e) => sortedStrings(e.data))
      ),
    searchTraces: (search) =>
      get<unknown[]>(() => buildTracesUrl(baseUrl, search), `traces of ${search.service}`).pipe(map(asArrayEnvelope)),
    getTrace: (traceId) =>
      get<unknown[]>(() => buildTraceUrl(baseUrl, traceId), `trace ${traceId.trim().slice(0, 40)}`).pipe(
        map(asArrayEnvelope)
      ),
    getDependencies: (endMs, lookbackMs) =>
      get<JaegerDependencyLink[]>(() => buildDependenciesUrl(baseUrl, endMs, lookbackMs), 'dependencies').pipe(
        map((e) => (Array.isArray(e.data) ? e.data.filter(isDependencyLink) : []))
      ),
  };
}

function asDataflowError(error: unknown, what: string): DataflowError {
  if (error instanceof DataflowError) {
    return error;
  }
  if (error instanceof TransportError) {
    return new DataflowError(`Jaeger ${what}: ${error.message}`);
  }
  return new DataflowError(`Jaeger ${what}: ${error instanceof Error ? error.message : String(error)}`);
}

function asArrayEnvelope(envelope: JaegerEnvelope<unknown[]>): JaegerEnvelope<unknown[]> {
  return { data: Array.isArray(envelope.data) ? envelope.data : [envelope.data], warnings: envelope.warnings };
}

function sortedStrings(data: unknown): string[] {
  return Array.isArray(data) ? data.filter((s): s is string => typeof s === 'string').sort() : [];
}

function isDependencyLink(value: unknown): value is JaegerDependencyLink {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as JaegerDependencyLink).parent === 'string' &&
    typeof (value as JaegerDependencyLink).child === 'string' &&
    typeof (value as JaegerDependencyLink).callCount === 'number'
  );
}
