import { PanelOptionsEditorBuilder, PanelPlugin } from '@grafana/data';
import { defaultOptions } from './defaults';
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
    expect(defaultOptions.latencyWarnMs).toBeLessThan(defaultOptions.latencyCritMs);
  });

  it('puts every option in the editor with the same default', () => {
    const byPath = Object.fromEntries(recordOptions().map((e) => [e.path, e.defaultValue]));
    expect(Object.keys(byPath).sort()).toEqual(Object.keys(defaultOptions).sort());
    for (const [path, value] of Object.entries(defaultOptions)) {
      expect(byPath[path]).toEqual(value);
    }
  });
});
