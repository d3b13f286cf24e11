import { QueryResultMetaNotice } from '@grafana/data';
import { EMPTY, Observable, concatMap, defer, from, map, of, toArray } from 'rxjs';

import { infoNotice } from '../graph/frameNotices';
import { JaegerClient } from './jaegerClient';
import { TraceSearch } from './jaegerUrls';
import { PagedTraces, fetchTracesPaged } from './pagedTraces';

/** Jaeger searches one service at a time; an empty service field reads at most this many services. */
export const MAX_ALL_SERVICES = 100;

type Search = Omit<TraceSearch, 'startMs' | 'endMs' | 'limit'>;

export interface ServicesToSearch {
  services: string[];
  /** How many services Jaeger knows (more than `services.length` when the cap cut the list). */
  known: number;
}

/** The services a search covers: the chosen one, or every service Jaeger knows (capped). */
export function servicesToSearch(client: JaegerClient, service: string): Observable<ServicesToSearch> {
  return service
    ? of({ services: [service], known: 1 })
    : client
        .getServices()
        .pipe(map((services) => ({ services: services.slice(0, MAX_ALL_SERVICES), known: services.length })));
}

/** Says so when the cap left services out, so a map of "every service" is not taken for complete. */
export function servicesNotices({ services, known }: ServicesToSearch): QueryResultMetaNotice[] {
  return known > services.length
    ? [
        infoNotice(
          `Searched ${services.length} of ${known} services: Jaeger searches one service at a time (choose a service to see the others)`
        ),
      ]
    : [];
}

/**
 * Traces of several services, service after service, each read slice by slice; the limit is shared
 * evenly, a trace seen from two services counts once, and progress spans all services' slices.
 */
export function fetchServicesTracesPaged(
  client: JaegerClient,
  services: string[],
  search: Search,
  fromMs: number,
  toMs: number,
  limit: number
): Observable<PagedTraces> {
  if (services.length === 0) {
    return EMPTY;
  }
  if (services.length === 1) {
    return fetchTracesPaged(client, { ...search, service: services[0] }, fromMs, toMs, limit);
  }
  return defer(() => {
    const perService = Math.max(1, Math.ceil(limit / services.length));
    const traces = new Map<string, unknown>();
    const warnings: string[] = [];
    let truncated = false;
    return from(services).pipe(
      concatMap((service, index) =>
        fetchTracesPaged(client, { ...search, service }, fromMs, toMs, perService).pipe(
          map((page): PagedTraces => {
            page.traces.forEach((trace, i) => traces.set(traceKey(trace, `${service}#${i}`), trace));
            truncated ||= page.truncated;
            if (page.done) {
              warnings.push(...page.warnings);
            }
            return {
              traces: [...traces.values()],
              slicesDone: index * page.slicesTotal + page.slicesDone,
              slicesTotal: services.length * page.slicesTotal,
              truncated,
              warnings: [...warnings],
              done: page.done && index === services.length - 1,
            };
          })
        )
      )
    );
  });
}

function traceKey(trace: unknown, fallback: string): string {
  const id = (trace as { traceID?: unknown } | null)?.traceID;
  return typeof id === 'string' ? id : fallback;
}

/** Traces of one interval for each service (live mode): one search per service, results concatenated. */
export function searchServicesOnce(
  client: JaegerClient,
  services: string[],
  search: Omit<TraceSearch, 'service'>
): Observable<unknown[]> {
  return from(services).pipe(
    concatMap((service) => client.searchTraces({ ...search, service })),
    toArray(),
    map((envelopes) => envelopes.flatMap((envelope) => envelope.data))
  );
}
