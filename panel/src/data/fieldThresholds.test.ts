import {
  applyFieldOverrides,
  createTheme,
  FieldConfigOptionsRegistry,
  FieldConfigSource,
  FieldMatcherID,
  thresholdsOverrideProcessor,
  type DataFrame,
  type FieldConfigPropertyItem,
  type ThresholdsConfig,
} from '@grafana/data';
import { toNodeGraphFrames } from '../../../servicegraph/src/frames/toNodeGraphFrames';
import { defaultErrorThresholds, defaultLatencyThresholds, healthThresholds } from '../defaults';
import { createShopGraph } from '../testdata/shopGraph';
import { readFrameThresholds } from './fieldThresholds';

/** The Thresholds standard option as Grafana registers it (the app fills the registry at runtime only). */
const thresholdsItem = {
  id: 'thresholds',
  path: 'thresholds',
  name: 'Thresholds',
  editor: () => null,
  override: () => null,
  process: thresholdsOverrideProcessor,
  settings: {},
  shouldApply: () => true,
} as unknown as FieldConfigPropertyItem;

/** The frames as Grafana hands them to the panel: field config defaults and overrides applied to every field. */
function processed(fieldConfig: FieldConfigSource): DataFrame[] {
  return applyFieldOverrides({
    data: toNodeGraphFrames(createShopGraph()),
    fieldConfig,
    replaceVariables: (v) => v,
    theme: createTheme(),
    fieldConfigRegistry: new FieldConfigOptionsRegistry(() => [thresholdsItem]),
  });
}

function p95Override(thresholds: ThresholdsConfig, name = 'p95') {
  return {
    matcher: { id: FieldMatcherID.byName, options: name },
    properties: [{ id: 'thresholds', value: thresholds }],
  };
}

describe('thresholds read from the frames fields', () => {
  it('uses the panel Thresholds for the error rate and 300 ms / 1 s for p95 by default', () => {
    const series = processed({ defaults: { thresholds: defaultErrorThresholds }, overrides: [] });
    const read = readFrameThresholds(series, defaultErrorThresholds, {});
    expect(read.nodes.errors.steps.map((s) => s.value)).toEqual([-Infinity, 1, 5]);
    expect(read.nodes.latency).toBe(defaultLatencyThresholds);
    expect(read.edges.latency).toBe(defaultLatencyThresholds);
  });

  it('follows a thresholds override on the p95 field, in both frames', () => {
    const fieldConfig = {
      defaults: { thresholds: defaultErrorThresholds },
      overrides: [p95Override(healthThresholds(200, 800))],
    };
    const read = readFrameThresholds(processed(fieldConfig), defaultErrorThresholds, {});
    expect(read.nodes.latency.steps.map((s) => s.value)).toEqual([-Infinity, 200, 800]);
    expect(read.edges.latency.steps.map((s) => s.value)).toEqual([-Infinity, 200, 800]);
    expect(read.nodes.errors.steps.map((s) => s.value)).toEqual([-Infinity, 1, 5]);
  });

  it('follows an override on the stock p95 column (secondarystat "p95 latency") and on the error rate field', () => {
    const errors = healthThresholds(2, 10);
    const fieldConfig = {
      defaults: { thresholds: defaultErrorThresholds },
      overrides: [p95Override(healthThresholds(150, 600), 'p95 latency'), p95Override(errors, 'error_rate')],
    };
    const read = readFrameThresholds(processed(fieldConfig), defaultErrorThresholds, {});
    expect(read.nodes.latency.steps.map((s) => s.value)).toEqual([-Infinity, 150, 600]);
    expect(read.nodes.errors.steps.map((s) => s.value)).toEqual([-Infinity, 2, 10]);
  });

  it('applies panel Thresholds saved as JSON (base step null) to the error rate, not to p95', () => {
    const saved = JSON.parse(JSON.stringify(healthThresholds(3, 7))) as ThresholdsConfig;
    const read = readFrameThresholds(processed({ defaults: { thresholds: saved }, overrides: [] }), saved, {});
    expect(read.nodes.errors.steps.slice(1).map((s) => s.value)).toEqual([3, 7]);
    expect(read.nodes.latency).toBe(defaultLatencyThresholds);
  });

  it('still honours the p95 options of dashboards saved before the migration', () => {
    const series = processed({ defaults: { thresholds: defaultErrorThresholds }, overrides: [] });
    const read = readFrameThresholds(series, defaultErrorThresholds, { latencyWarnMs: 300, latencyCritMs: 750 });
    expect(read.edges.latency.steps.map((s) => s.value)).toEqual([-Infinity, 300, 750]);
  });

  it('falls back to the defaults for frames without field config (foreign or unprocessed)', () => {
    const read = readFrameThresholds(toNodeGraphFrames(createShopGraph()), undefined, {});
    expect(read.nodes).toEqual({ errors: defaultErrorThresholds, latency: defaultLatencyThresholds });
  });
});
