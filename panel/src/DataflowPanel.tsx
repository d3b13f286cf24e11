import { PanelProps } from '@grafana/data';
import React, { useMemo } from 'react';
import { DataflowMap } from './components/DataflowMap';
import { PanelMessage } from './components/PanelMessage';
import { readGraph } from './data/readGraph';
import { defaultOptions } from './defaults';
import type { DataflowOptions } from './types';

/** PanelProps glue: frames -> graph -> map, or the empty state / a clear message. No drawing here. */
export function DataflowPanel({ id, data, options, fieldConfig, width, height, replaceVariables, onOptionsChange }: PanelProps<DataflowOptions>) {
  const reading = useMemo(() => readGraph(data.series), [data.series]);
  const merged = useMemo(() => ({ ...defaultOptions, ...options }), [options]);
  if (reading.state === 'empty') {
    return (
      <PanelMessage
        kind="empty"
        title="No dataflow to show"
        detail="The query returned no edges for this time range. Widen the time range, check the service filter, or pick a query that returns Node Graph frames (nodes and edges)."
      />
    );
  }
  if (reading.state === 'error') {
    return <PanelMessage kind="error" title="These frames are not a service graph" detail={reading.message} />;
  }
  return (
    <DataflowMap
      panelId={id}
      graph={reading.graph}
      series={data.series}
      options={merged}
      thresholds={fieldConfig.defaults.thresholds}
      width={width}
      height={height}
      replaceVariables={replaceVariables}
      onOptionsChange={onOptionsChange}
    />
  );
}
