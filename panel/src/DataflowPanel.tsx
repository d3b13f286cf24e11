import { LoadingState, PanelProps } from '@grafana/data';
import React, { useMemo } from 'react';
import { DataflowMap } from './components/DataflowMap';
import { PanelMessage } from './components/PanelMessage';
import { ReplayBar } from './components/ReplayBar';
import { isAwaitingFirstData } from './data/awaitingData';
import { readGraph } from './data/readGraph';
import { readQueryError } from './data/readQueryError';
import { defaultOptions } from './defaults';
import { useReplay } from './hooks/useReplay';
import { splitInsightFrames } from './insight/insightFrames';
import { readEdgeInsights } from './insight/readEdgeInsights';
import { readRoute } from './insight/readRoute';
import { timelineToReplay } from './insight/readTimeline';
import type { DataflowOptions } from './types';

/** PanelProps glue: frames -> graph (or a replay step) -> map, or the empty state / a clear message. No drawing here. */
export function DataflowPanel({ id, data, options, fieldConfig, width, height, timeZone, replaceVariables, onOptionsChange }: PanelProps<DataflowOptions>) {
  const split = useMemo(() => splitInsightFrames(data.series), [data.series]);
  const reading = useMemo(() => readGraph(split.graph), [split.graph]);
  const merged = useMemo(() => ({ ...defaultOptions, ...options }), [options]);
  const route = useMemo(() => readRoute(split.route), [split.route]);
  const insights = useMemo(() => readEdgeInsights(split.graph), [split.graph]);
  const liveGraph = reading.state === 'graph' ? reading.graph : undefined;
  const replayFrames = useMemo(() => (liveGraph ? timelineToReplay(split.timeline, liveGraph) : []), [split.timeline, liveGraph]);
  const replay = useReplay(replayFrames);
  const queryError = readQueryError(data);
  if (queryError && reading.state !== 'graph') {
    return <PanelMessage kind="error" title="The query failed" detail={queryError} />;
  }
  if (isAwaitingFirstData(data)) {
    // As Grafana's own panels: nothing before the first response (the panel header shows the loading bar).
    return <div role="status" aria-busy="true" aria-label="Loading dataflow" data-testid="kompas-dataflow-loading" />;
  }
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
  const step = replay.index !== undefined ? replayFrames[replay.index] : undefined;
  return (
    <DataflowMap
      panelId={id}
      dashboardUid={data.request?.dashboardUID}
      graph={step?.graph ?? reading.graph}
      series={split.graph}
      options={merged}
      thresholds={fieldConfig.defaults.thresholds}
      overrides={fieldConfig.overrides}
      width={width}
      height={height}
      replaceVariables={replaceVariables}
      onOptionsChange={onOptionsChange}
      route={route}
      insights={insights}
      refreshKey={data.request?.requestId}
      streaming={data.state === LoadingState.Streaming}
      queryError={queryError}
    >
      {replayFrames.length > 1 && <ReplayBar frames={replayFrames} replay={replay} timeZone={timeZone} />}
    </DataflowMap>
  );
}
