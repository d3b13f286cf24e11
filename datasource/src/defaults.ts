import {
  DataflowDataSourceOptions,
  DataflowQuery,
  DataflowSourceKind,
  DemoDataflowQuery,
  JaegerDataflowQuery,
  TimescaleDataflowQuery,
} from './types';

/** Query schema version written into saved queries (`pluginVersion`); bump together with a step in migration.ts. */
export const QUERY_SCHEMA_VERSION = '1.0.0';

export const DEFAULT_WINDOW_MS = 5 * 60_000;
export const DEFAULT_CADENCE_MS = 1000;
export const MIN_WINDOW_MS = 1000;
/** Cadence below this would hammer Jaeger and the browser for no visible gain. */
export const MIN_CADENCE_MS = 250;
export const DEFAULT_TRACE_LIMIT = 1000;
export const DEFAULT_JAEGER_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 50 * 1024 * 1024;
export const DEFAULT_REQUEST_ID_ATTRIBUTE = 'http.request_id';

/** The sources, as the config editor (default source) and the query editor (per query) offer them. */
export const SOURCE_OPTIONS: Array<{ label: string; value: DataflowSourceKind; description: string }> = [
  { label: 'Demo', value: 'demo', description: 'A simulated web shop running in the browser' },
  { label: 'Jaeger', value: 'jaeger', description: 'Edges derived from Jaeger traces' },
  { label: 'Timescale', value: 'timescale', description: 'Edge aggregates in TimescaleDB/PostgreSQL' },
];

/** Instance defaults: a fresh install shows the embedded demo shop with no backend. */
export const DEFAULT_OPTIONS: Required<
  Pick<
    DataflowDataSourceOptions,
    'defaultSource' | 'jaegerAuth' | 'requestIdAttribute' | 'jaegerTimeoutMs' | 'maxResponseBytes'
  >
> = {
  defaultSource: 'demo',
  jaegerAuth: 'none',
  requestIdAttribute: DEFAULT_REQUEST_ID_ATTRIBUTE,
  jaegerTimeoutMs: DEFAULT_JAEGER_TIMEOUT_MS,
  maxResponseBytes: DEFAULT_MAX_RESPONSE_BYTES,
};

const COMMON = {
  streaming: false,
  windowMs: DEFAULT_WINDOW_MS,
  cadenceMs: DEFAULT_CADENCE_MS,
  pluginVersion: QUERY_SCHEMA_VERSION,
};

export const DEFAULT_DEMO_QUERY: Omit<DemoDataflowQuery, 'refId'> = {
  ...COMMON,
  source: 'demo',
  streaming: true,
  incidents: {},
  rate: 1,
  seed: 42,
};

export const DEFAULT_JAEGER_QUERY: Omit<JaegerDataflowQuery, 'refId'> = {
  ...COMMON,
  source: 'jaeger',
  queryType: 'traces',
  limit: DEFAULT_TRACE_LIMIT,
};

export const DEFAULT_TIMESCALE_QUERY: Omit<TimescaleDataflowQuery, 'refId'> = {
  ...COMMON,
  source: 'timescale',
  topN: 0,
};

/** A complete query of the given source, keeping refId and the common options of `base`. */
export function createDefaultQuery(source: DataflowSourceKind, base: Partial<DataflowQuery> = {}): DataflowQuery {
  const common = {
    refId: base.refId ?? 'A',
    ...(base.hide !== undefined ? { hide: base.hide } : {}),
    ...(base.datasource ? { datasource: base.datasource } : {}),
  };
  switch (source) {
    case 'jaeger':
      return { ...DEFAULT_JAEGER_QUERY, ...common };
    case 'timescale':
      return { ...DEFAULT_TIMESCALE_QUERY, ...common };
    case 'demo':
      return { ...DEFAULT_DEMO_QUERY, ...common };
  }
}
