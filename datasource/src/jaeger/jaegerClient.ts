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
      get<unknown>(() => buildServicesUrl(baseUrl), 'services').pipe(map((e) => namesOf(e.data, 'services'))),
    getOperations: (service) => {
      const what = `operations of ${service}`;
      return get<unknown>(() => buildOperationsUrl(baseUrl, service), what).pipe(map((e) => namesOf(e.data, what)));
    },
    searchTraces: (search) => {
      const what = `traces of ${search.service}`;
      return get<unknown>(() => buildTracesUrl(baseUrl, search), what).pipe(
        map((e) => ({ data: listOf(e.data, what), warnings: e.warnings }))
      );
    },
    getTrace: (traceId) =>
      get<unknown[]>(() => buildTraceUrl(baseUrl, traceId), `trace ${traceId.trim().slice(0, 40)}`).pipe(
        map(asArrayEnvelope)
      ),
    getDependencies: (endMs, lookbackMs) =>
      get<unknown>(() => buildDependenciesUrl(baseUrl, endMs, lookbackMs), 'dependencies').pipe(
        map((e) => linksOf(e.data))
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

/** Jaeger's `data` where a list is due; anything else is a broken or foreign API, said in one line. */
function listOf(data: unknown, what: string): unknown[] {
  if (!Array.isArray(data)) {
    throw new DataflowError(`Jaeger ${what}: data is not a list (got ${kindOf(data)})`);
  }
  return data;
}

function namesOf(data: unknown, what: string): string[] {
  const list = listOf(data, what);
  const bad = list.findIndex((entry) => typeof entry !== 'string');
  if (bad >= 0) {
    throw new DataflowError(`Jaeger ${what}: entry ${bad + 1} of data is not a name (got ${kindOf(list[bad])})`);
  }
  return (list as string[]).sort();
}

function linksOf(data: unknown): JaegerDependencyLink[] {
  const list = listOf(data, 'dependencies');
  const bad = list.findIndex((entry) => !isDependencyLink(entry));
  if (bad >= 0) {
    throw new DataflowError(
      `Jaeger dependencies: entry ${bad + 1} of data is not a link {parent, child, callCount} (got ${JSON.stringify(list[bad])?.slice(0, 80)})`
    );
  }
  return list as JaegerDependencyLink[];
}

function kindOf(value: unknown): string {
  return value === null
    ? 'null'
    : Array.isArray(value)
      ? 'a list'
      : typeof value === 'object'
        ? 'an object'
        : `a ${typeof value}`;
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
