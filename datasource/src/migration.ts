import { createDefaultQuery, DEFAULT_CADENCE_MS, DEFAULT_WINDOW_MS, PLUGIN_VERSION } from './defaults';
import { DataflowQuery, DataflowSourceKind } from './types';

const SOURCES: DataflowSourceKind[] = ['demo', 'jaeger', 'timescale'];

/**
 * Brings a saved query (any earlier shape, or a bare `{ refId }` from a new panel) to the current shape.
 * Pure and idempotent: migrating twice gives the same query.
 * Before 1.0.0 queries had `mode` ('jaeger'|'demo') instead of `source`, and `live` instead of `streaming`.
 */
export function migrateQuery(input: Partial<DataflowQuery>, fallbackSource: DataflowSourceKind): DataflowQuery {
  const saved = input as Partial<DataflowQuery> & Record<string, unknown>;
  if (saved.pluginVersion === PLUGIN_VERSION && isSource(saved.source)) {
    return saved as DataflowQuery;
  }
  const legacySource = saved.source ?? saved.mode;
  const source = isSource(legacySource) ? legacySource : fallbackSource;
  const defaults = createDefaultQuery(source, saved);
  const { mode: _mode, live, ...rest } = saved;
  const merged = { ...defaults, ...rest, source, pluginVersion: PLUGIN_VERSION } as DataflowQuery;
  if (typeof live === 'boolean' && typeof saved.streaming !== 'boolean') {
    merged.streaming = live;
  }
  merged.windowMs = positiveOr(merged.windowMs, DEFAULT_WINDOW_MS);
  merged.cadenceMs = positiveOr(merged.cadenceMs, DEFAULT_CADENCE_MS);
  return merged;
}

function isSource(value: unknown): value is DataflowSourceKind {
  return typeof value === 'string' && (SOURCES as string[]).includes(value);
}

function positiveOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
}
