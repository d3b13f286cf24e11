import {
  FieldColorModeId,
  FieldConfigPropertyItem,
  FieldType,
  ThresholdsMode,
  dataLinksOverrideProcessor,
  displayNameOverrideProcessor,
  identityOverrideProcessor,
  numberOverrideProcessor,
  standardEditorsRegistry,
  stringOverrideProcessor,
  thresholdsOverrideProcessor,
  unitOverrideProcessor,
  valueMappingsOverrideProcessor,
} from '@grafana/data';
import { ThresholdsEditor } from './ThresholdsEditor';

const isNumeric = (field: { type: FieldType }) => field.type === FieldType.number;
const always = () => true;

/** The standard field options (unit, min/max, thresholds, ...) that Grafana's app registers for every panel. */
export function getStandardFieldConfigs(): FieldConfigPropertyItem[] {
  const text = standardEditorsRegistry.get('text').editor;
  const number = standardEditorsRegistry.get('number').editor;
  const unit = standardEditorsRegistry.get('unit').editor;
  const item = (config: Omit<FieldConfigPropertyItem, 'override'> & { override?: FieldConfigPropertyItem['override'] }) =>
    ({ override: config.editor, category: ['Standard options'], ...config }) as FieldConfigPropertyItem;
  return [
    item({ id: 'unit', path: 'unit', name: 'Unit', editor: unit, process: unitOverrideProcessor, settings: {}, shouldApply: always }),
    item({ id: 'min', path: 'min', name: 'Min', editor: number, process: numberOverrideProcessor, settings: {}, shouldApply: isNumeric }),
    item({ id: 'max', path: 'max', name: 'Max', editor: number, process: numberOverrideProcessor, settings: {}, shouldApply: isNumeric }),
    item({ id: 'decimals', path: 'decimals', name: 'Decimals', editor: number, process: numberOverrideProcessor, settings: {}, shouldApply: isNumeric }),
    item({ id: 'displayName', path: 'displayName', name: 'Display name', editor: text, process: displayNameOverrideProcessor, settings: {}, shouldApply: always }),
    item({ id: 'noValue', path: 'noValue', name: 'No value', editor: text, process: stringOverrideProcessor, settings: {}, shouldApply: always }),
    item({
      id: 'color',
      path: 'color',
      name: 'Color scheme',
      editor: text,
      process: identityOverrideProcessor,
      settings: {},
      defaultValue: { mode: FieldColorModeId.Thresholds },
      shouldApply: always,
    }),
    item({
      id: 'thresholds',
      path: 'thresholds',
      name: 'Thresholds',
      editor: ThresholdsEditor,
      process: thresholdsOverrideProcessor,
      settings: {},
      defaultValue: {
        mode: ThresholdsMode.Absolute,
        steps: [
          { value: -Infinity, color: 'green' },
          { value: 80, color: 'red' },
        ],
      },
      shouldApply: always,
      category: ['Thresholds'],
    }),
    item({ id: 'links', path: 'links', name: 'Data links', editor: text, process: dataLinksOverrideProcessor, settings: {}, shouldApply: always, hideFromDefaults: true }),
    item({ id: 'mappings', path: 'mappings', name: 'Value mappings', editor: text, process: valueMappingsOverrideProcessor, settings: {}, shouldApply: always, hideFromDefaults: true }),
  ];
}
