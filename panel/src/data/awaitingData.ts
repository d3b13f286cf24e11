import { LoadingState, type PanelData } from '@grafana/data';

/**
 * True before the first response: no frames yet and the query still starting or running. Grafana's own
 * panels draw nothing then (the panel header shows the loading bar), so "no dataflow" does not flash up.
 * A refresh keeps the previous frames while loading, so only the first load (or a cleared panel) waits.
 */
export function isAwaitingFirstData(data: Pick<PanelData, 'state' | 'series'>): boolean {
  return (data.state === LoadingState.Loading || data.state === LoadingState.NotStarted) && data.series.length === 0;
}
