import {
  AdHocVariableFilter,
  CoreApp,
  DataQueryRequest,
  DataQueryResponse,
  DataSourceApi,
  DataSourceInstanceSettings,
  LoadingState,
  MetricFindValue,
  ScopedVars,
  TestDataSourceResponse,
} from '@grafana/data';
import { config, getBackendSrv, getTemplateSrv } from '@grafana/runtime';
import { Observable, catchError, defer, firstValueFrom, merge, of } from 'rxjs';

import { SERVICES as DEMO_SERVICES } from '../../demo/src/index';
import { DEFAULT_OPTIONS, createDefaultQuery } from './defaults';
import { runDemoQuery } from './demo/demoSource';
import { DataflowError, toUserMessage } from './errors';
import { Graph, toNodeGraphFrames } from './graph/servicegraph';
import { createBackendSrvHttpGet } from './jaeger/backendSrvHttpGet';
import { HealthResult, checkJaegerHealth } from './jaeger/checkJaegerHealth';
import { HttpGet } from './jaeger/httpTransport';
import { JaegerClient, createJaegerClient } from './jaeger/jaegerClient';
import { runJaegerQuery } from './jaeger/jaegerSource';
import { jaegerProxyBaseUrl } from './jaeger/proxyRoutes';
import { addTraceLinks } from './links/dataLinks';
import { migrateQuery } from './migration';
import { checkTimescaleHealth } from './postgres/checkTimescaleHealth';
import { listTimescaleServices } from './postgres/timescaleServices';
import { PostDsQuery, createBackendSrvDsQuery } from './postgres/dsQuery';
import { runTimescaleQuery } from './postgres/timescaleSource';
import { DataflowDataSourceOptions, DataflowQuery, DataflowSourceKind } from './types';
import { ReplaceFn, interpolateQuery, interpolateSingle } from './variables/interpolateQuery';
import { runMetricFindQuery } from './variables/metricFindQuery';

/** Collaborators the datasource talks to; Grafana's by default, replaceable in tests. */
export interface DataflowDependencies {
  http?: HttpGet;
  /** Jaeger API base; default: Grafana's proxy route for this datasource. */
  jaegerBaseUrl?: string;
  replace?: ReplaceFn;
  now?: () => number;
  /** Runs SQL through Grafana's /api/ds/query (Timescale mode). */
  postDsQuery?: PostDsQuery;
}

export class DataflowDataSource extends DataSourceApi<DataflowQuery, DataflowDataSourceOptions> {
  readonly options: DataflowDataSourceOptions;
  readonly jaeger: JaegerClient;
  private readonly http: HttpGet;
  private readonly jaegerBaseUrl: string;
  private readonly replace: ReplaceFn;
  private readonly now: () => number;
  private readonly postDsQuery: PostDsQuery;

  constructor(
    instanceSettings: DataSourceInstanceSettings<DataflowDataSourceOptions>,
    deps: DataflowDependencies = {}
  ) {
    super(instanceSettings);
    this.options = { ...DEFAULT_OPTIONS, ...instanceSettings.jsonData };
    const maxBytes = this.options.maxResponseBytes ?? DEFAULT_OPTIONS.maxResponseBytes;
    this.http =
      deps.http ?? createBackendSrvHttpGet(getBackendSrv, maxBytes, { orgId: () => config.bootData?.user?.orgId });
    this.replace =
      deps.replace ?? ((target, scopedVars, format) => getTemplateSrv().replace(target, scopedVars, format));
    this.now = deps.now ?? Date.now;
    this.postDsQuery = deps.postDsQuery ?? createBackendSrvDsQuery(getBackendSrv);
    this.jaegerBaseUrl = deps.jaegerBaseUrl ?? jaegerProxyBaseUrl(instanceSettings.uid, this.options.jaegerAuth);
    this.jaeger = createJaegerClient({
      baseUrl: this.jaegerBaseUrl,
      http: this.http,
      timeoutMs: this.options.jaegerTimeoutMs ?? DEFAULT_OPTIONS.jaegerTimeoutMs,
    });
  }

  get defaultSource(): DataflowSourceKind {
    return this.options.defaultSource ?? 'demo';
  }

  getDefaultQuery(_app: CoreApp): Partial<DataflowQuery> {
    return createDefaultQuery(this.defaultSource);
  }

  filterQuery(query: DataflowQuery): boolean {
    return !query.hide;
  }

  query(request: DataQueryRequest<DataflowQuery>): Observable<DataQueryResponse> {
    const targets = request.targets.filter((target) => !target.hide);
    if (targets.length === 0) {
      return of({ data: [], state: LoadingState.Done });
    }
    return merge(...targets.map((target) => this.runTarget(target, request)));
  }

  private runTarget(target: DataflowQuery, request: DataQueryRequest<DataflowQuery>): Observable<DataQueryResponse> {
    const refId = target.refId;
    return defer(() => {
      const query = interpolateQuery(migrateQuery(target, this.defaultSource), this.replace, request.scopedVars);
      const toFrames = (graph: Graph, extra: { highlightedEdgeIds?: Iterable<string> } = {}) =>
        addTraceLinks(toNodeGraphFrames(graph, { refId, ...extra }), this.traceLinkTarget());
      const fromMs = request.range.from.valueOf();
      const toMs = request.range.to.valueOf();
      if (!query.streaming && !(toMs > fromMs)) {
        throw new DataflowError('Time range is empty: choose a range whose start is before its end');
      }
      if (isUnsetRouteVariable(target, query)) {
        return of<DataQueryResponse>({ data: [], key: refId, state: LoadingState.Done });
      }
      const base = { refId, fromMs, toMs, toFrames, now: this.now };
      switch (query.source) {
        case 'jaeger':
          this.requireJaegerUrl();
          return runJaegerQuery(query, {
            ...base,
            client: this.jaeger,
            requestIdAttribute: this.options.requestIdAttribute ?? DEFAULT_OPTIONS.requestIdAttribute,
            extraTags: adHocFiltersToTags(request.filters),
          });
        case 'timescale':
          return runTimescaleQuery(query, {
            ...base,
            postgresDatasourceUid: this.options.postgresDatasourceUid,
            postDsQuery: this.postDsQuery,
            // The route of a request comes from the Jaeger configured beside the PostgreSQL datasource.
            jaeger: this.options.jaegerUrl ? this.jaeger : undefined,
            requestIdAttribute: this.options.requestIdAttribute ?? DEFAULT_OPTIONS.requestIdAttribute,
          });
        case 'demo':
          return runDemoQuery(query, base);
      }
    }).pipe(
      catchError((error: unknown) =>
        of<DataQueryResponse>({
          data: [],
          key: refId,
          state: LoadingState.Error,
          errors: [{ message: toUserMessage(error), refId }],
        })
      )
    );
  }

  private traceLinkTarget() {
    const uid = this.options.tracesDatasourceUid;
    return uid
      ? { datasourceUid: uid, datasourceName: 'Jaeger', isDataflow: false }
      : { datasourceUid: this.uid, datasourceName: this.name, isDataflow: true };
  }

  /** Ad-hoc filter keys: Jaeger has no tag-key API, so the usual span attributes are offered (free text works too). */
  async getTagKeys(): Promise<MetricFindValue[]> {
    return COMMON_TAG_KEYS.map((key) => ({ text: key }));
  }

  async getTagValues(): Promise<MetricFindValue[]> {
    return [];
  }

  /** Jaeger services, for the query editor and variables. */
  getServices(): Observable<string[]> {
    return defer(() => {
      this.requireJaegerUrl();
      return this.jaeger.getServices();
    });
  }

  /** Without a URL Grafana's proxy would answer a bare 502; say what is missing instead. */
  private requireJaegerUrl(): void {
    if (!this.options.jaegerUrl) {
      throw new DataflowError(JAEGER_URL_MISSING);
    }
  }

  getOperations(service: string): Observable<string[]> {
    return defer(() => {
      const resolved = interpolateSingle('Service', service, this.replace) ?? '';
      return resolved ? this.jaeger.getOperations(resolved) : of([]);
    });
  }

  /** `services()` lists the services of the default source; `operations(x)` always asks Jaeger (only it has them). */
  async metricFindQuery(query: string, options?: { scopedVars?: ScopedVars }): Promise<MetricFindValue[]> {
    const text = this.replace(query, options?.scopedVars);
    return firstValueFrom(
      runMetricFindQuery(text, {
        services: () => this.listServices(),
        operations: (s) =>
          defer(() => {
            this.requireJaegerUrl();
            return this.jaeger.getOperations(s);
          }),
      })
    );
  }

  private listServices(): Observable<string[]> {
    switch (this.defaultSource) {
      case 'jaeger':
        return this.getServices();
      case 'timescale':
        return listTimescaleServices(this.postDsQuery, this.options.postgresDatasourceUid, this.now());
      case 'demo':
        return of(DEMO_SERVICES.map((service) => service.name));
    }
  }

  interpolateVariablesInQueries(queries: DataflowQuery[], scopedVars: ScopedVars): DataflowQuery[] {
    return queries.map((query) => {
      try {
        return interpolateQuery(migrateQuery(query, this.defaultSource), this.replace, scopedVars);
      } catch {
        return query;
      }
    });
  }

  /**
   * Checks the default source, plus every other source that is configured (a Jaeger URL, a PostgreSQL
   * datasource), so "Save & test" reports on everything the queries may use.
   */
  async testDatasource(): Promise<TestDataSourceResponse> {
    const sources = new Set<DataflowSourceKind>([this.defaultSource]);
    if (this.options.jaegerUrl) {
      sources.add('jaeger');
    }
    if (this.options.postgresDatasourceUid) {
      sources.add('timescale');
    }
    const results = await Promise.all([...sources].map((source) => this.checkSource(source)));
    const failed = results.filter((r) => r.status === 'error');
    return {
      status: failed.length > 0 ? 'error' : 'success',
      message: (failed.length > 0 ? failed : results).map((r) => r.message).join('; '),
    };
  }

  private checkSource(source: DataflowSourceKind): Promise<HealthResult> {
    switch (source) {
      case 'jaeger':
        return this.options.jaegerUrl
          ? checkJaegerHealth(this.jaeger)
          : Promise.resolve({ status: 'error', message: JAEGER_URL_MISSING });
      case 'timescale':
        return checkTimescaleHealth(this.postDsQuery, this.options.postgresDatasourceUid);
      case 'demo':
        return Promise.resolve({
          status: 'success',
          message: 'Demo source ready: the web-shop simulation runs in the browser',
        });
    }
  }
}

const JAEGER_URL_MISSING =
  'Jaeger URL is empty: enter the Jaeger query service URL in the datasource settings, e.g. http://jaeger:16686';

const COMMON_TAG_KEYS = [
  'error',
  'http.status_code',
  'http.response.status_code',
  'http.method',
  'http.route',
  'peer.service',
  'span.kind',
  'http.request_id',
];

/**
 * A route query whose trace id is a dashboard variable (`${routeTrace}`, set by the panel's "Show an example
 * request") that is empty: no route yet, which is not an error and must not fall back to the whole map.
 */
function isUnsetRouteVariable(raw: DataflowQuery, query: DataflowQuery): boolean {
  const rawId = 'traceId' in raw ? raw.traceId : undefined;
  const id = 'traceId' in query ? query.traceId : undefined;
  // Grafana leaves an unknown variable as its literal `${name}` text.
  return Boolean(rawId?.includes('$')) && (!id?.trim() || id.includes('$'));
}

/** Ad-hoc filters become Jaeger tags; only equality can be expressed in a Jaeger search. */
export function adHocFiltersToTags(filters: AdHocVariableFilter[] | undefined): Record<string, string> {
  // No prototype: a tag key such as `__proto__` is kept as a tag.
  const tags: Record<string, string> = Object.create(null);
  for (const filter of filters ?? []) {
    if (filter.operator !== '=') {
      throw new DataflowError(
        `Ad-hoc filter ${filter.key} ${filter.operator} ${filter.value}: Jaeger tag search supports "=" only`
      );
    }
    tags[filter.key] = filter.value;
  }
  return tags;
}
