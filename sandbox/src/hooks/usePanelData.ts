import { useEffect, useState } from 'react';
import { DataQuery, DataSourceApi, LoadingState, PanelData, TimeRange } from '@grafana/data';
import { keepLastWhileLoading, runPanelQuery } from '../runPanelQuery';

/** Subscribes to the panel's query; re-runs when the inputs or `rerunKey` change, cancels the previous run. */
export function usePanelData(
  ds: DataSourceApi | undefined,
  targets: DataQuery[] | undefined,
  range: TimeRange,
  width: number,
  panelId: number,
  rerunKey: string
): PanelData {
  const [data, setData] = useState<PanelData>({ state: LoadingState.NotStarted, series: [], timeRange: range });
  const targetsKey = JSON.stringify(targets ?? []);
  useEffect(() => {
    if (!ds) {
      return;
    }
    const subscription = runPanelQuery(ds, JSON.parse(targetsKey), range, Math.round(width), panelId).subscribe((next) =>
      setData((last) => keepLastWhileLoading(next, last))
    );
    return () => subscription.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ds, targetsKey, range, panelId, rerunKey]);
  return data;
}
