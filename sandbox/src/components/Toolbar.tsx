import React from 'react';
import { dateTime, DataSourceInstanceSettings, TimeRange } from '@grafana/data';
import { Button, RefreshPicker, Select, Stack, TimeRangePicker } from '@grafana/ui';

interface Props {
  title: string;
  dataSources: DataSourceInstanceSettings[];
  dataSourceUid?: string;
  range: TimeRange;
  refresh: string;
  theme: 'dark' | 'light';
  onDataSourceChange: (settings: DataSourceInstanceSettings) => void;
  onRangeChange: (range: TimeRange) => void;
  onRefreshChange: (interval: string) => void;
  onRefresh: () => void;
  onOpenSettings: () => void;
  onReset: () => void;
}

export function Toolbar(props: Props) {
  const { range } = props;
  const shift = (direction: number) => {
    const span = range.to.valueOf() - range.from.valueOf();
    const from = range.from.valueOf() + (direction * span) / 2;
    const to = range.to.valueOf() + (direction * span) / 2;
    props.onRangeChange({ from: dateTime(from), to: dateTime(to), raw: { from: dateTime(from), to: dateTime(to) } });
  };
  const otherTheme = props.theme === 'dark' ? 'light' : 'dark';
  const themeUrl = () => {
    const url = new URL(window.location.href);
    url.searchParams.set('theme', otherTheme);
    return url.toString();
  };
  return (
    <Stack justifyContent="space-between" alignItems="center" wrap="wrap">
      <h2 style={{ margin: 0 }}>{props.title}</h2>
      <Stack gap={1} alignItems="center" wrap="wrap">
        <Select
          aria-label="Datasource"
          width={28}
          value={props.dataSourceUid}
          options={props.dataSources.map((ds) => ({ label: ds.name, value: ds.uid, imgUrl: ds.meta.info?.logos?.small }))}
          onChange={(option) => {
            const picked = props.dataSources.find((ds) => ds.uid === option.value);
            if (picked) {
              props.onDataSourceChange(picked);
            }
          }}
        />
        <Button variant="secondary" icon="cog" onClick={props.onOpenSettings}>
          Datasource settings
        </Button>
        <TimeRangePicker
          value={range}
          timeZone="browser"
          onChange={props.onRangeChange}
          onMoveBackward={() => shift(-1)}
          onMoveForward={() => shift(1)}
          onZoom={() => undefined}
          onChangeTimeZone={() => undefined}
        />
        <RefreshPicker value={props.refresh} onRefresh={props.onRefresh} onIntervalChanged={props.onRefreshChange} />
        <Button variant="secondary" fill="outline" onClick={props.onReset} tooltip="Forget local edits and reload the dashboard JSON">
          Reset
        </Button>
        <a href={themeUrl()}>
          <Button variant="secondary" fill="text">
            {otherTheme === 'light' ? 'Light theme' : 'Dark theme'}
          </Button>
        </a>
      </Stack>
    </Stack>
  );
}
