/**
 * The contract of the Kompas dataflow datasource: the query model (a discriminated union on `source`),
 * the instance options stored in `jsonData`, and the secrets stored in `secureJsonData`.
 */
import { DataQuery } from '@grafana/schema';
import { DataSourceJsonData } from '@grafana/data';

/** Where a query reads its edges from. */
export type DataflowSourceKind = 'demo' | 'jaeger' | 'timescale';

/** Options every query has, whatever its source. */
export interface DataflowQueryCommon extends DataQuery {
  /** Version of the plugin that last saved this query; `migrateQuery` upgrades older shapes. */
  pluginVersion?: string;
  /** When true the query becomes a live stream over a sliding window instead of a one-shot result. */
  streaming: boolean;
  /** Length of the sliding window of a stream, in milliseconds (default 5 min). */
  windowMs: number;
  /** How often a stream emits a frame (and polls the backend), in milliseconds (default 1 s). */
  cadenceMs: number;
  /** Also return a `timeline` frame (per-step edges over the range or window) for the panel's replay slider. */
  timeline?: boolean;
  /** Anomaly flags of live queries: robust standard deviations a value must deviate by (default 6; lower flags more). */
  anomalySensitivity?: number;
}

/** Jaeger query modes: derive edges from traces, read Jaeger's own dependency links, or one request's trace. */
export type JaegerQueryType = 'traces' | 'dependencies' | 'trace';

/** Edges derived from Jaeger (query API v1) through Grafana's datasource proxy. */
export interface JaegerDataflowQuery extends DataflowQueryCommon {
  source: 'jaeger';
  queryType: JaegerQueryType;
  /** Service to search traces of; empty = every service (one Jaeger search each). Supports `$variables`. */
  service?: string;
  /** Operation (span name) filter; empty means all. */
  operation?: string;
  /** Tag filter in logfmt like the Jaeger UI: `http.status_code=500 error=true`. */
  tags?: string;
  /** Minimum trace duration, Jaeger duration syntax (`1.2s`, `100ms`, `500us`). */
  minDuration?: string;
  /** Maximum trace duration, Jaeger duration syntax. */
  maxDuration?: string;
  /** Maximum number of traces fetched over the whole range (a note says when it truncated the data). */
  limit?: number;
  /** Dependencies mode: how far back from the range end Jaeger aggregates (`1h`, `2d`); empty = the range. */
  lookback?: string;
  /** Trace mode: a trace id, or a request id looked up through the configured request-id attribute. */
  traceId?: string;
}

/** Which demo-shop incidents are switched on, by incident id. */
export type DemoIncidents = Record<string, boolean>;

/** The embedded demo web shop, simulated in the browser. */
export interface DemoDataflowQuery extends DataflowQueryCommon {
  source: 'demo';
  /** Incident switches (e.g. `payments-db-locking: true`); can be flipped while a stream runs. */
  incidents: DemoIncidents;
  /** Traffic multiplier (1 = the shop's normal daily curve). */
  rate: number;
  /** Seed of the simulation, so two panels show the same shop. */
  seed?: number;
  /**
   * When an incident was switched on (ms since the epoch), by incident id: requests before that moment are
   * normal, so the incident shows up as a change (anomaly flags, replay). Absent = on for all time.
   */
  incidentsSince?: Record<string, number>;
  /** The editor records the switch time in `incidentsSince` when this is on (default off: incidents hold for all time). */
  incidentsFromNow?: boolean;
  /** The route of one simulated request by its trace id (e.g. an edge's exemplar); empty = the map. */
  traceId?: string;
}

/** Edge aggregates kept in TimescaleDB/PostgreSQL, queried through Grafana's PostgreSQL datasource. */
export interface TimescaleDataflowQuery extends DataflowQueryCommon {
  source: 'timescale';
  /** Only edges touching one of these services (empty = all). Supports `$variables`. */
  services?: string[];
  /** Only edges of this connection type ('' = plain, or messaging_system/database/virtual_node); undefined = all. */
  connectionType?: string;
  /** Keep the N busiest edges (0 = all). */
  topN: number;
  /**
   * The route of one request: a trace id or a request id, fetched through the Jaeger URL configured in the
   * same datasource (the aggregates keep no spans); empty = the map.
   */
  traceId?: string;
}

/** One query of a panel; `source` may override the instance's `defaultSource`. */
export type DataflowQuery = JaegerDataflowQuery | DemoDataflowQuery | TimescaleDataflowQuery;

/** How the Jaeger API is authenticated; decides which plugin.json proxy route the requests take. */
export type JaegerAuthMode = 'none' | 'basic' | 'bearer' | 'oauth';

/** Instance settings stored in `jsonData` (visible to every viewer of the datasource: never secrets). */
export interface DataflowDataSourceOptions extends DataSourceJsonData {
  /** Source used by queries that do not choose one. */
  defaultSource?: DataflowSourceKind;
  /** Base URL of the Jaeger query service as the Grafana server reaches it, e.g. `http://jaeger:16686`. */
  jaegerUrl?: string;
  /**
   * Authentication towards Jaeger. Basic auth uses Grafana's datasource-level settings (`basicAuth`,
   * `basicAuthUser` beside jsonData, password in `secureJsonData.basicAuthPassword`).
   */
  jaegerAuth?: JaegerAuthMode;
  /** Forward the signed-in user's OAuth token to Jaeger (applied by Grafana's proxy). */
  oauthPassThru?: boolean;
  /** Custom header names; values live in `secureJsonData.httpHeaderValueN` (Grafana applies them). */
  httpHeaderName1?: string;
  httpHeaderName2?: string;
  httpHeaderName3?: string;
  /** Per-request timeout towards Jaeger, in milliseconds. */
  jaegerTimeoutMs?: number;
  /** Largest Jaeger response accepted, in bytes; bigger ones are refused with a message instead of freezing the tab. */
  maxResponseBytes?: number;
  /** UID of the Grafana PostgreSQL datasource that holds the Kompas edge tables (Timescale mode). */
  postgresDatasourceUid?: string;
  /** Span attribute that carries a request id (issue 8), e.g. `http.request_id`. */
  requestIdAttribute?: string;
  /** UID of a Jaeger datasource that node/edge links open in Explore; empty = link to this datasource. */
  tracesDatasourceUid?: string;
}

/** Secrets, write-only from the browser: Grafana encrypts them and only its proxy reads them back. */
export interface DataflowSecureJsonData {
  /** Bearer token sent as `Authorization: Bearer …` by the `bearer-jaeger` proxy route. */
  bearerToken?: string;
  /** Password for Grafana's datasource-level basic auth. */
  basicAuthPassword?: string;
  /** Values of the custom headers named in `jsonData.httpHeaderNameN`. */
  httpHeaderValue1?: string;
  httpHeaderValue2?: string;
  httpHeaderValue3?: string;
}
