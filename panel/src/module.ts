import { FieldConfigProperty, PanelPlugin } from '@grafana/data';
import { DataflowPanel } from './DataflowPanel';
import { defaultErrorThresholds } from './defaults';
import { buildPanelOptions } from './panelOptions';
import type { DataflowOptions } from './types';

export const plugin = new PanelPlugin<DataflowOptions>(DataflowPanel)
  .useFieldConfig({
    disableStandardOptions: [
      FieldConfigProperty.Min,
      FieldConfigProperty.Max,
      FieldConfigProperty.Decimals,
      FieldConfigProperty.DisplayName,
      FieldConfigProperty.NoValue,
      FieldConfigProperty.Mappings,
      FieldConfigProperty.Unit,
      FieldConfigProperty.Color,
    ],
    standardOptions: {
      [FieldConfigProperty.Thresholds]: { defaultValue: defaultErrorThresholds },
    },
  })
  .setPanelOptions(buildPanelOptions);
