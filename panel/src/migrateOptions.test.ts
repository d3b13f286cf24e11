import { FieldMatcherID } from '@grafana/data';
import { defaultErrorThresholds } from './defaults';
import { hasLegacyLatencyOptions, migrateOptions } from './migrateOptions';
import { plugin } from './module';

/** A panel as a dashboard saved before 0.2 stores it (the provisioned shop dashboard had these). */
function savedPanel(options: Record<string, unknown>, overrides: unknown[] = []) {
  return {
    id: 1,
    type: 'kompas-dataflow-panel',
    pluginVersion: '0.1.0',
    options,
    fieldConfig: { defaults: { thresholds: defaultErrorThresholds }, overrides },
  } as Parameters<typeof migrateOptions>[0];
}

describe('options migration', () => {
  it('moves the old p95 options into a thresholds override on the p95 field', () => {
    const panel = savedPanel({ layoutMode: 'force', latencyWarnMs: 300, latencyCritMs: 750 });
    expect(hasLegacyLatencyOptions(panel)).toBe(true);
    const options = migrateOptions(panel);
    expect(options).toEqual({ layoutMode: 'force' });
    expect(panel.fieldConfig.overrides).toEqual([
      {
        matcher: { id: FieldMatcherID.byName, options: 'p95' },
        properties: [{ id: 'thresholds', value: expect.objectContaining({ steps: expect.any(Array) }) }],
      },
    ]);
    const steps = panel.fieldConfig.overrides[0].properties[0].value.steps;
    expect(steps.map((s: { value: number }) => s.value)).toEqual([-Infinity, 300, 750]);
    expect(hasLegacyLatencyOptions({ options })).toBe(false);
  });

  it('migrates hand-written JSON whose fieldConfig has no overrides (or none at all)', () => {
    const bare = savedPanel({ latencyCritMs: 900 });
    bare.fieldConfig = { defaults: { unit: 'ms' } } as typeof bare.fieldConfig;
    expect(migrateOptions(bare)).toEqual({});
    expect(bare.fieldConfig.defaults).toEqual({ unit: 'ms' });
    expect(bare.fieldConfig.overrides).toHaveLength(1);
    const none = savedPanel({ latencyWarnMs: 200 });
    delete (none as { fieldConfig?: unknown }).fieldConfig;
    expect(migrateOptions(none)).toEqual({});
    expect(none.fieldConfig.overrides).toHaveLength(1);
  });

  it('keeps a p95 thresholds override the user already made', () => {
    const own = {
      matcher: { id: FieldMatcherID.byName, options: 'p95' },
      properties: [{ id: 'thresholds', value: 'mine' }],
    };
    const panel = savedPanel({ latencyWarnMs: 100 }, [own]);
    expect(migrateOptions(panel)).toEqual({});
    expect(panel.fieldConfig.overrides).toEqual([own]);
  });

  it('recognises a p95 thresholds override made with another Grafana matcher, and not one on another field', () => {
    const thresholds = { id: 'thresholds', value: 'mine' };
    for (const matcher of [
      { id: FieldMatcherID.byNames, options: { mode: 'include', names: ['p50', 'p95'] } },
      { id: FieldMatcherID.byRegexp, options: '/p9[59]/' },
    ]) {
      const panel = savedPanel({ latencyWarnMs: 100 }, [{ matcher, properties: [thresholds] }]);
      migrateOptions(panel);
      expect(panel.fieldConfig.overrides).toHaveLength(1);
    }
    const other = savedPanel({ latencyWarnMs: 100 }, [
      { matcher: { id: FieldMatcherID.byName, options: 'p99' }, properties: [thresholds] },
      { matcher: { id: FieldMatcherID.byName, options: 'p95' }, properties: [{ id: 'unit', value: 's' }] },
    ]);
    migrateOptions(other);
    expect(other.fieldConfig.overrides.map((o) => o.matcher.options)).toEqual(['p99', 'p95', 'p95']);
  });

  it('leaves current options alone and is what the plugin runs', () => {
    const panel = savedPanel({ sizeBy: 'p95', colorBy: 'errors' });
    expect(hasLegacyLatencyOptions(panel)).toBe(false);
    expect(migrateOptions(panel)).toBe(panel.options);
    expect(panel.fieldConfig.overrides).toEqual([]);
    expect(plugin.onPanelMigration).toBe(migrateOptions);
  });
});
