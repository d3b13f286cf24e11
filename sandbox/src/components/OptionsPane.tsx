import React, { useMemo } from 'react';
import { set } from 'lodash';
import {
  FieldConfigSource,
  PanelData,
  PanelOptionsEditorBuilder,
  PanelOptionsEditorItem,
  PanelPlugin,
} from '@grafana/data';
import { Field, useStyles2 } from '@grafana/ui';
import { css } from '@emotion/css';

interface Props {
  plugin: PanelPlugin;
  data: PanelData;
  options: Record<string, unknown>;
  fieldConfig: FieldConfigSource;
  onOptionsChange: (options: Record<string, unknown>) => void;
  onFieldConfigChange: (config: FieldConfigSource) => void;
}

function getPath(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, key) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[key] : undefined), obj);
}

/** The panel editor's options pane: the plugin's own options (builder items) and the standard field options. */
export function OptionsPane({ plugin, data, options, fieldConfig, onOptionsChange, onFieldConfigChange }: Props) {
  const styles = useStyles2(getStyles);
  const items = useMemo(() => {
    const builder = new PanelOptionsEditorBuilder<Record<string, unknown>>();
    plugin.getPanelOptionsSupplier()(builder, { data: data.series, options });
    return builder.getItems() as PanelOptionsEditorItem[];
  }, [plugin, data.series, options]);
  const fieldItems = plugin.fieldConfigRegistry.list().filter((item) => !item.hideFromDefaults);
  const context = { data: data.series, options };
  const categories = new Map<string, PanelOptionsEditorItem[]>();
  for (const item of items) {
    if (item.showIf && !item.showIf(options, data.series)) {
      continue;
    }
    const category = item.category?.[0] ?? plugin.meta?.name ?? 'Options';
    categories.set(category, [...(categories.get(category) ?? []), item]);
  }
  return (
    <div className={styles.pane} aria-label="Panel options">
      {[...categories.entries()].map(([category, list]) => (
        <section key={category} className={styles.section}>
          <h6>{category}</h6>
          {list.map((item) => {
            const Editor = item.editor;
            return (
              <Field key={item.id} label={item.name} description={item.description}>
                <Editor
                  value={getPath(options, item.path)}
                  item={item}
                  context={context}
                  onChange={(value: unknown) => onOptionsChange(set({ ...structuredClone(options) }, item.path, value))}
                />
              </Field>
            );
          })}
        </section>
      ))}
      <section className={styles.section}>
        <h6>Standard options</h6>
        {fieldItems.map((item) => {
          const Editor = item.editor;
          const base = item.isCustom ? fieldConfig.defaults.custom : fieldConfig.defaults;
          return (
            <Field key={item.id} label={item.name} description={item.description}>
              <Editor
                value={getPath(base, item.path)}
                item={item}
                context={context}
                onChange={(value: unknown) => {
                  const defaults = structuredClone(fieldConfig.defaults);
                  set(defaults, item.isCustom ? `custom.${item.path}` : item.path, value);
                  onFieldConfigChange({ ...fieldConfig, defaults });
                }}
              />
            </Field>
          );
        })}
      </section>
    </div>
  );
}

const getStyles = () => ({
  pane: css({ overflowY: 'auto', height: '100%', padding: '8px 12px' }),
  section: css({ marginBottom: 16 }),
});
