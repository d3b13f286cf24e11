import React, { useMemo } from 'react';
import {
  applyFieldOverrides,
  EventBusSrv,
  FieldConfigSource,
  PanelData,
  PanelPlugin,
  TimeRange,
} from '@grafana/data';
import { getTemplateSrv } from '@grafana/runtime';
import { PanelChrome, useTheme2 } from '@grafana/ui';

interface Props {
  plugin: PanelPlugin;
  panelId: number;
  title: string;
  data: PanelData;
  options: Record<string, unknown>;
  fieldConfig: FieldConfigSource;
  timeRange: TimeRange;
  width: number;
  height: number;
  onOptionsChange: (options: Record<string, unknown>) => void;
  onFieldConfigChange: (config: FieldConfigSource) => void;
  onChangeTimeRange: (range: { from: number; to: number }) => void;
}

const eventBus = new EventBusSrv();

/** Renders a panel plugin's component inside Grafana's PanelChrome, with field overrides applied as Grafana does. */
export function PanelView(props: Props) {
  const { plugin, data, fieldConfig, timeRange } = props;
  const theme = useTheme2();
  const replaceVariables = (value: string, scopedVars?: Parameters<ReturnType<typeof getTemplateSrv>['replace']>[1], format?: string | Function) =>
    getTemplateSrv().replace(value, scopedVars, format);
  const processed = useMemo<PanelData>(
    () => ({
      ...data,
      series: applyFieldOverrides({
        data: data.series,
        fieldConfig,
        replaceVariables,
        theme,
        timeZone: 'browser',
        fieldConfigRegistry: plugin.fieldConfigRegistry,
      }),
    }),
    [data, fieldConfig, theme, plugin]
  );
  const Panel = plugin.panel;
  if (!Panel) {
    return <div>Panel plugin has no panel component</div>;
  }
  const errorMessage = data.errors?.map((e) => e.message).join('; ');
  return (
    <PanelChrome
      width={props.width}
      height={props.height}
      title={props.title}
      loadingState={data.state}
      statusMessage={errorMessage}
    >
      {(innerWidth, innerHeight) => (
        <Panel
          id={props.panelId}
          data={processed}
          timeRange={timeRange}
          timeZone="browser"
          options={props.options}
          fieldConfig={fieldConfig}
          transparent={false}
          width={innerWidth}
          height={innerHeight}
          renderCounter={0}
          title={props.title}
          eventBus={eventBus}
          onOptionsChange={props.onOptionsChange}
          onFieldConfigChange={props.onFieldConfigChange}
          replaceVariables={replaceVariables}
          onChangeTimeRange={props.onChangeTimeRange}
        />
      )}
    </PanelChrome>
  );
}
