import {
  FieldMatcherID,
  FieldType,
  fieldMatchers,
  type ConfigOverrideRule,
  type DataFrame,
  type FieldConfigSource,
  type PanelMigrationHandler,
} from '@grafana/data';
import { KOMPAS_FIELD } from '../../servicegraph/src/frames/fieldNames';
import { defaultLatencyThresholds, healthThresholds } from './defaults';
import type { DataflowOptions } from './types';

type SavedOptions = Partial<DataflowOptions>;
/** What Grafana hands a migration handler (PanelMigrationModel, not exported by @grafana/data). */
type SavedPanel = Parameters<PanelMigrationHandler<SavedOptions>>[0];

/** Dashboards saved before 0.2 keep p95 thresholds as panel options (latencyWarnMs / latencyCritMs). */
export function hasLegacyLatencyOptions(panel: { options?: unknown }): boolean {
  const options = (panel.options ?? {}) as SavedOptions;
  return options.latencyWarnMs !== undefined || options.latencyCritMs !== undefined;
}

/**
 * Moves the old p95 options into a standard thresholds override on the `p95` field, where Grafana users
 * look for them, unless the dashboard already has one. The panel applies that override to whichever field it
 * reads p95 from (another datasource's `secondarystat` "p95 latency" too: data/p95Thresholds.ts). Mutates
 * `panel.fieldConfig` as Grafana's own migration handlers do, and returns the options without the old keys.
 */
export function migrateOptions(panel: SavedPanel): SavedOptions {
  const { latencyWarnMs, latencyCritMs, ...options } = panel.options ?? {};
  if (latencyWarnMs === undefined && latencyCritMs === undefined) {
    return panel.options;
  }
  // Hand-written or provisioned JSON may leave out either part.
  const fieldConfig: FieldConfigSource = {
    defaults: panel.fieldConfig?.defaults ?? {},
    overrides: panel.fieldConfig?.overrides ?? [],
  };
  if (!fieldConfig.overrides.some(setsP95Thresholds)) {
    const [warn, crit] = defaultLatencyThresholds.steps.slice(1).map((s) => s.value);
    fieldConfig.overrides = [
      ...fieldConfig.overrides,
      {
        matcher: { id: FieldMatcherID.byName, options: KOMPAS_FIELD.p95 },
        properties: [{ id: 'thresholds', value: healthThresholds(latencyWarnMs ?? warn, latencyCritMs ?? crit) }],
      },
    ];
  }
  panel.fieldConfig = fieldConfig;
  return options;
}

/** A field named `p95` in a Kompas nodes frame, to ask Grafana's matchers whether an override picks it. */
const p95Frame: DataFrame = {
  name: 'nodes',
  length: 0,
  fields: [{ name: KOMPAS_FIELD.p95, type: FieldType.number, config: {}, values: [] }],
};

/** Thresholds on the p95 field by any of Grafana's matchers ("Fields with name", names, regex), not only byName. */
function setsP95Thresholds(override: ConfigOverrideRule): boolean {
  const matcher = fieldMatchers.getIfExists(override.matcher.id)?.get(override.matcher.options);
  return Boolean(
    matcher &&
    override.properties.some((p) => p.id === 'thresholds') &&
    matcher(p95Frame.fields[0], p95Frame, [p95Frame])
  );
}
