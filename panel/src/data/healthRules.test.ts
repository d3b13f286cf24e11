import { createTheme, ThresholdsMode } from '@grafana/data';
import { classifyHealth } from '../render/health';
import { defaultErrorThresholds, defaultLatencyThresholds, healthThresholds } from '../defaults';
import { describeLevel, toHealthLook, toHealthRules, toSceneTheme } from './healthRules';

const defaults = { errors: defaultErrorThresholds, latency: defaultLatencyThresholds };

/** Health level of a stat row (10 req/s) under thresholds and a Colour by mode. */
function levelOf(
  errorRate: number,
  p95Ms: number,
  thresholds = defaults,
  colorBy: 'health' | 'errors' | 'p95' = 'health'
) {
  return classifyHealth(10, errorRate, p95Ms, toHealthRules(thresholds, colorBy));
}

describe('health levels from standard thresholds', () => {
  it('keeps the old look by default: error 1 % / 5 %, p95 300 ms / 1 s, the worse of the two', () => {
    expect(toHealthRules(defaults, 'health')).toEqual({
      errorWarnPct: 1,
      errorCritPct: 5,
      latencyWarnMs: 300,
      latencyCritMs: 1000,
    });
    expect(levelOf(0.005, 299)).toBe(0);
    expect(levelOf(0.01, 0)).toBe(1);
    expect(levelOf(0, 300)).toBe(1);
    expect(levelOf(0.05, 0)).toBe(2);
    expect(levelOf(0.02, 1000)).toBe(2);
  });

  it('colours by one stat alone when asked', () => {
    expect(levelOf(0.2, 50, defaults, 'p95')).toBe(0);
    expect(levelOf(0, 1200, defaults, 'p95')).toBe(2);
    expect(levelOf(0, 1200, defaults, 'errors')).toBe(0);
    expect(levelOf(0.2, 0, defaults, 'errors')).toBe(2);
  });

  it('maps step 1 to warning and step 2 and above to critical; a two-step config never reaches critical', () => {
    const fourSteps = {
      mode: ThresholdsMode.Absolute,
      steps: [
        { value: -Infinity, color: 'green' },
        { value: 100, color: 'yellow' },
        { value: 200, color: 'orange' },
        { value: 400, color: 'red' },
      ],
    };
    expect(levelOf(0, 150, { ...defaults, latency: fourSteps })).toBe(1);
    expect(levelOf(0, 250, { ...defaults, latency: fourSteps })).toBe(2);
    expect(levelOf(0, 900, { ...defaults, latency: fourSteps })).toBe(2);
    const grafanaDefault = {
      mode: ThresholdsMode.Absolute,
      steps: [
        { value: -Infinity, color: 'green' },
        { value: 80, color: 'red' },
      ],
    };
    expect(levelOf(0.9, 0, { ...defaults, errors: grafanaDefault }, 'errors')).toBe(1);
  });

  it('takes the colours from the colour field: error thresholds for health, p95 thresholds for p95', () => {
    const latency = {
      ...healthThresholds(200, 800),
      steps: healthThresholds(200, 800).steps.map((s, i) => ({ ...s, color: ['blue', 'yellow', 'purple'][i] })),
    };
    const thresholds = { nodes: { ...defaults, latency }, edges: defaults };
    expect(toHealthLook(thresholds, 'health').colors).toBe(defaultErrorThresholds);
    expect(toHealthLook(thresholds, 'p95').colors).toBe(latency);
    expect(toHealthLook(thresholds, 'health').nodes.latencyWarnMs).toBe(200);
    expect(toHealthLook(thresholds, 'health').edges.latencyWarnMs).toBe(300);
  });

  it('describes each level in the legend, leaving out what never starts', () => {
    expect(describeLevel(toHealthRules(defaults, 'health'), 1)).toBe('≥ 1% errors or p95 ≥ 300 ms');
    expect(describeLevel(toHealthRules(defaults, 'errors'), 2)).toBe('≥ 5% errors');
    expect(describeLevel(toHealthRules(defaults, 'p95'), 2)).toBe('p95 ≥ 1000 ms');
  });
});

describe('scene colours', () => {
  it('follows custom threshold colours, in light and dark themes', () => {
    const thresholds = {
      mode: ThresholdsMode.Absolute,
      steps: [
        { value: -Infinity, color: 'blue' },
        { value: 2, color: 'yellow' },
        { value: 10, color: 'purple' },
      ],
    };
    const darkTheme = createTheme({ colors: { mode: 'dark' } });
    const dark = toSceneTheme(darkTheme, thresholds);
    const light = toSceneTheme(createTheme({ colors: { mode: 'light' } }), thresholds);
    expect(dark.health[2]).toBe(darkTheme.visualization.getColorByName('purple'));
    expect(dark.nodeFill).not.toBe(light.nodeFill);
    expect(dark.text).not.toBe(light.text);
  });
});
