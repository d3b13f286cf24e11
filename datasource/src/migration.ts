import {
  createDefaultQuery,
  DEFAULT_CADENCE_MS,
  DEFAULT_WINDOW_MS,
  MIN_CADENCE_MS,
  MIN_WINDOW_MS,
  QUERY_SCHEMA_VERSION,
} from './defaults';
import { DataflowQuery, DataflowSourceKind } from './types';

const SOURCES: DataflowSourceKind[] = ['demo', 'jaeger', 'timescale'];

/**
 * Brings a saved query (any earlier shape, or a bare `{ refId }` from a new panel) to the current shape.
 * Pure and idempotent: migrating twice gives the same query. Window and cadence are always brought into bounds,
 * also for current queries, since dashboard JSON can be edited by hand (a 1 ms cadence would poll back to back).
 * Before query schema 1.0.0 queries had `mode` ('jaeger'|'demo') instead of `source`, and `live` instead of `streaming`.
 */
export function migrateQuery(input: Partial<DataflowQuery>, fallbackSource: DataflowSourceKind): DataflowQuery {
  const saved = input as Partial<DataflowQuery> & Record<string, unknown>;
  if (saved.pluginVersion === QUERY_SCHEMA_VERSION && isSource(saved.source)) {
    return withTimingBounds(saved as DataflowQuery);
  }
  const legacySource = saved.source ?? saved.mode;
  const source = isSource(legacySource) ? legacySource : fallbackSource;
  const defaults = createDefaultQuery(source, saved);
  const { mode: _mode, live, ...rest } = saved;
  const merged = { ...defaults, ...rest, source, pluginVersion: QUERY_SCHEMA_VERSION } as DataflowQuery;
  if (typeof live === 'boolean' && typeof saved.streaming !== 'boolean') {
    merged.streaming = live;
  }
  return withTimingBounds(merged);
}

function isSource(value: unknown): value is DataflowSourceKind {
  return typeof value === 'string' && (SOURCES as string[]).includes(value);
}

/** The same object when already in bounds, so a migrated query stays identical (React memo, idempotence). */
function withTimingBounds(query: DataflowQuery): DataflowQuery {
  const windowMs = bounded(query.windowMs, DEFAULT_WINDOW_MS, MIN_WINDOW_MS);
  const cadenceMs = bounded(query.cadenceMs, DEFAULT_CADENCE_MS, MIN_CADENCE_MS);
  return windowMs === query.windowMs && cadenceMs === query.cadenceMs ? query : { ...query, windowMs, cadenceMs };
}

/** Missing or non-positive → the default; too small → the minimum. */
function bounded(value: unknown, fallback: number, min: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.max(min, value) : fallback;
}
