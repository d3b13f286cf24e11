import {
  applyFieldOverrides,
  createDataFrame,
  createTheme,
  FieldConfigOptionsRegistry,
  FieldConfigSource,
  FieldMatcherID,
  FieldType,
  NodeGraphDataFrameFieldNames as F,
  thresholdsOverrideProcessor,
  type DataFrame,
  type FieldConfigPropertyItem,
  type ThresholdsConfig,
} from '@grafana/data';
import { toNodeGraphFrames } from '../../../servicegraph/src/frames/toNodeGraphFrames';
import { defaultErrorThresholds, defaultLatencyThresholds, healthThresholds } from '../defaults';
import { migrateOptions } from '../migrateOptions';
import { classifyHealth } from '../render/health';
import { createShopGraph } from '../testdata/shopGraph';
import { readFrameThresholds } from './fieldThresholds';
import { toHealthLook } from './healthRules';
import { readGraph } from './readGraph';

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
function processed(fieldConfig: FieldConfigSource, data = toNodeGraphFrames(createShopGraph())): DataFrame[] {
  return applyFieldOverrides({
    data,
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

const nodeGraphMeta = { preferredVisualisationType: 'nodeGraph' as const };

/**
 * Another datasource's Node Graph frames, as Grafana's Node Graph contract has them: no Kompas fields, rate in
 * `mainstat`, p95 in `secondarystat` labelled "p95 latency" (in `unit`), the error share in `detail__errors`.
 */
function foreignFrames(p95Unit: 'ms' | 's', p95: [number, number, number], label = 'p95 latency'): DataFrame[] {
  const p95Config = { unit: p95Unit, displayName: label };
  const nodes = createDataFrame({
    name: 'nodes',
    refId: 'A',
    meta: nodeGraphMeta,
    fields: [
      { name: F.id, type: FieldType.string, values: ['frontend', 'checkout', 'payments'] },
      { name: F.title, type: FieldType.string, values: ['frontend', 'checkout', 'payments'] },
      {
        name: F.mainStat,
        type: FieldType.number,
        config: { unit: 'reqps', displayName: 'Requests per second' },
        values: [20, 8, 4],
      },
      { name: F.secondaryStat, type: FieldType.number, config: p95Config, values: p95 },
      {
        name: `${F.detail}errors`,
        type: FieldType.number,
        config: { unit: 'percent', displayName: 'Errors' },
        values: [0, 0, 0],
      },
    ],
  });
  const edges = createDataFrame({
    name: 'edges',
    refId: 'A',
    meta: nodeGraphMeta,
    fields: [
      { name: F.id, type: FieldType.string, values: ['frontend-checkout', 'checkout-payments'] },
      { name: F.source, type: FieldType.string, values: ['frontend', 'checkout'] },
      { name: F.target, type: FieldType.string, values: ['checkout', 'payments'] },
      {
        name: F.mainStat,
        type: FieldType.number,
        config: { unit: 'reqps', displayName: 'Requests per second' },
        values: [8, 4],
      },
      { name: F.secondaryStat, type: FieldType.number, config: p95Config, values: [p95[1], p95[2]] },
    ],
  });
  return [nodes, edges];
}

/** The p95 the panel reads for each node of the frames, in ms. */
function readNodeP95(series: DataFrame[]): Record<string, number> {
  const reading = readGraph(series);
  if (reading.state !== 'graph') {
    throw new Error(`expected a graph, got ${reading.state}`);
  }
  return Object.fromEntries(reading.graph.nodes.map((n) => [n.id, n.p95Ms]));
}

const stepValues = (thresholds: ThresholdsConfig) => thresholds.steps.map((s) => s.value);

describe('p95 thresholds on other datasources Node Graph frames', () => {
  it('applies the override on p95 that the migration writes to the secondarystat "p95 latency" the panel reads', () => {
    const panel = {
      id: 3,
      type: 'kompas-dataflow-panel',
      options: { latencyWarnMs: 200, latencyCritMs: 800 },
      fieldConfig: { defaults: { thresholds: defaultErrorThresholds }, overrides: [] },
    } as Parameters<typeof migrateOptions>[0];
    const options = migrateOptions(panel);
    const series = processed(panel.fieldConfig, foreignFrames('ms', [120, 450, 900]));
    expect(readNodeP95(series)).toEqual({ frontend: 120, checkout: 450, payments: 900 });
    // Grafana itself does not apply it: the field is not named p95 and does not display as p95.
    expect(series[0].fields[3].config.thresholds).toEqual(defaultErrorThresholds);

    const read = readFrameThresholds(series, defaultErrorThresholds, options, panel.fieldConfig.overrides);
    expect(stepValues(read.nodes.latency)).toEqual([-Infinity, 200, 800]);
    expect(stepValues(read.edges.latency)).toEqual([-Infinity, 200, 800]);
    const rules = toHealthLook(read, 'p95').nodes;
    // 450 ms: orange with the user's 200 ms, green with the 300 ms default it fell back to before.
    expect([120, 450, 900].map((p95Ms) => classifyHealth(8, 0, p95Ms, rules))).toEqual([0, 1, 2]);
  });

  it('matches the provisioned byName override, or any Grafana matcher that would pick a field named p95', () => {
    const frames = () => foreignFrames('ms', [120, 450, 900]);
    const regexp = {
      matcher: { id: FieldMatcherID.byRegexp, options: '/\\bp95$/' },
      properties: [{ id: 'thresholds', value: healthThresholds(250, 700) }],
    };
    const names = {
      matcher: { id: FieldMatcherID.byNames, options: { mode: 'include', names: ['p95', 'p99'] } },
      properties: [{ id: 'thresholds', value: healthThresholds(260, 710) }],
    };
    for (const [override, expected] of [
      [p95Override(healthThresholds(150, 600)), [150, 600]],
      [regexp, [250, 700]],
      [names, [260, 710]],
    ] as const) {
      const fieldConfig = { defaults: { thresholds: defaultErrorThresholds }, overrides: [override] };
      const read = readFrameThresholds(processed(fieldConfig, frames()), defaultErrorThresholds, {}, [override]);
      expect(stepValues(read.nodes.latency)).toEqual([-Infinity, ...expected]);
    }
  });

  it('converts thresholds set on the stock field in its unit (s) to ms, and the later override wins', () => {
    const inSeconds = p95Override(healthThresholds(0.25, 2), 'p95 latency');
    const onP95 = p95Override(healthThresholds(400, 1500));
    const series = () =>
      processed({ defaults: { thresholds: defaultErrorThresholds }, overrides: [] }, foreignFrames('s', [0.1, 0.5, 3]));
    expect(readNodeP95(series())).toEqual({ frontend: 100, checkout: 500, payments: 3000 });
    const first = readFrameThresholds(series(), defaultErrorThresholds, {}, [onP95, inSeconds]);
    expect(stepValues(first.nodes.latency)).toEqual([-Infinity, 250, 2000]);
    const last = readFrameThresholds(series(), defaultErrorThresholds, {}, [inSeconds, onP95]);
    expect(stepValues(last.nodes.latency)).toEqual([-Infinity, 400, 1500]);
  });

  it('leaves other fields alone: no override on p95 means 300 ms / 1 s, and p95 thresholds never reach p99', () => {
    const none = readFrameThresholds(
      processed({ defaults: {}, overrides: [] }, foreignFrames('ms', [1, 2, 3])),
      undefined,
      {},
      []
    );
    expect(none.nodes.latency).toBe(defaultLatencyThresholds);
    const p99Only = foreignFrames('ms', [120, 450, 900], 'p99 latency');
    const override = p95Override(healthThresholds(150, 600));
    const read = readFrameThresholds(processed({ defaults: {}, overrides: [override] }, p99Only), undefined, {}, [
      override,
    ]);
    expect(read.nodes.latency).toBe(defaultLatencyThresholds);
    expect(read.edges.latency).toBe(defaultLatencyThresholds);
  });
});
