import { FieldConfigProperty, PanelPlugin } from '@grafana/data';
import { DataflowPanel } from './DataflowPanel';
import { defaultErrorThresholds } from './defaults';
import { hasLegacyLatencyOptions, migrateOptions } from './migrateOptions';
import { buildPanelOptions } from './panelOptions';
import type { DataflowOptions } from './types';

/**
 * Standard field config: Thresholds colour the map (panel-wide for the error rate in %, an override on the
 * `p95` field for latency in ms). Unit, decimals, min/max and the rest stay off: the frames carry their own
 * units (reqps, ms, percentunit), and a panel-wide unit would change what the readers take a stat field for.
 */
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
  .setPanelOptions(buildPanelOptions)
  .setMigrationHandler(migrateOptions, hasLegacyLatencyOptions);
