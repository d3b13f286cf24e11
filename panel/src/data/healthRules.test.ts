import { createTheme, ThresholdsMode } from '@grafana/data';
import { defaultOptions } from '../defaults';
import { toHealthRules, toSceneTheme } from './healthRules';

describe('health rules from field config', () => {
  it('uses the default error thresholds (1 % warning, 5 % critical) and the latency options', () => {
    expect(toHealthRules(undefined, defaultOptions)).toEqual({
      errorWarnPct: 1,
      errorCritPct: 5,
      latencyWarnMs: defaultOptions.latencyWarnMs,
      latencyCritMs: defaultOptions.latencyCritMs,
    });
  });

  it('follows custom threshold steps and colours, in light and dark themes', () => {
    const thresholds = {
      mode: ThresholdsMode.Absolute,
      steps: [
        { value: -Infinity, color: 'blue' },
        { value: 2, color: 'yellow' },
        { value: 10, color: 'purple' },
      ],
    };
    expect(toHealthRules(thresholds, defaultOptions)).toMatchObject({ errorWarnPct: 2, errorCritPct: 10 });
    const dark = toSceneTheme(createTheme({ colors: { mode: 'dark' } }), thresholds);
    const light = toSceneTheme(createTheme({ colors: { mode: 'light' } }), thresholds);
    expect(dark.health[2]).toBe(createTheme({ colors: { mode: 'dark' } }).visualization.getColorByName('purple'));
    expect(dark.nodeFill).not.toBe(light.nodeFill);
    expect(dark.text).not.toBe(light.text);
  });
});
