import { PanelOptionsEditorBuilder, PanelPlugin } from '@grafana/data';
import { defaultErrorThresholds, defaultLatencyThresholds, defaultOptions } from './defaults';
import { plugin } from './module';
import { buildPanelOptions } from './panelOptions';
import type { DataflowOptions } from './types';

/** Grafana fills the standard editor registry at runtime only; this builder just records what is added. */
function recordOptions(): Array<{ path: string; defaultValue: unknown }> {
  const items: Array<{ path: string; defaultValue: unknown }> = [];
  const add = (item: { path: string; defaultValue: unknown }) => {
    items.push(item);
    return recorder;
  };
  const recorder = {
    addRadio: add,
    addTextInput: add,
    addBooleanSwitch: add,
    addCustomEditor: add,
    addSliderInput: add,
    addNumberInput: add,
  };
  buildPanelOptions(recorder as unknown as PanelOptionsEditorBuilder<DataflowOptions>);
  return items;
}

describe('panel options', () => {
  it('has defaults a new panel works with', () => {
    expect(plugin).toBeInstanceOf(PanelPlugin);
    expect(defaultOptions).toMatchObject({
      layoutMode: 'force',
      animation: true,
      focusVariable: 'focus',
      groupField: 'group',
      hiddenKinds: [],
      pins: {},
    });
    expect(defaultOptions).toMatchObject({ sizeBy: 'rate', colorBy: 'health' });
    expect(defaultOptions).not.toHaveProperty('latencyWarnMs');
  });

  it('ships the standard Thresholds default that keeps the health colours: error 1 % orange, 5 % red', () => {
    expect(defaultErrorThresholds.steps.map((s) => [s.value, s.color])).toEqual([
      [-Infinity, 'green'],
      [1, 'orange'],
      [5, 'red'],
    ]);
    expect(defaultLatencyThresholds.steps.map((s) => s.value)).toEqual([-Infinity, 300, 1000]);
  });

  it('puts every option in the editor with the same default', () => {
    const byPath = Object.fromEntries(recordOptions().map((e) => [e.path, e.defaultValue]));
    expect(Object.keys(byPath).sort()).toEqual(Object.keys(defaultOptions).sort());
    for (const [path, value] of Object.entries(defaultOptions)) {
      expect(byPath[path]).toEqual(value);
    }
  });
});
