import { DataFrame, EventBusSrv, getDefaultTimeRange, LoadingState, PanelProps } from '@grafana/data';
import { defaultOptions } from '../defaults';
import type { DataflowOptions } from '../types';

/** Panels remember layout and view by id across remounts: each test panel gets its own id. */
let nextPanelId = 1;

/** Complete PanelProps for rendering the panel in tests. */
export function createPanelProps(
  series: DataFrame[],
  overrides: Partial<PanelProps<DataflowOptions>> = {}
): PanelProps<DataflowOptions> {
  const timeRange = getDefaultTimeRange();
  return {
    id: nextPanelId++,
    data: { series, state: LoadingState.Done, timeRange },
    timeRange,
    timeZone: 'utc',
    options: defaultOptions,
    fieldConfig: { defaults: {}, overrides: [] },
    transparent: false,
    width: 800,
    height: 500,
    renderCounter: 0,
    title: 'Dataflow',
    eventBus: new EventBusSrv(),
    replaceVariables: (value: string) => value,
    onOptionsChange: () => {},
    onFieldConfigChange: () => {},
    onChangeTimeRange: () => {},
    ...overrides,
  };
}
