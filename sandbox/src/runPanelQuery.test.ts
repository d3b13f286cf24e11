import { dateTime, LoadingState, PanelData, toDataFrame } from '@grafana/data';
import { keepLastWhileLoading } from './runPanelQuery';

const range = { from: dateTime(0), to: dateTime(1000), raw: { from: 'now-1h', to: 'now' } };

describe('keepLastWhileLoading (Grafana preProcessPanelData)', () => {
  const done: PanelData = { state: LoadingState.Done, series: [toDataFrame({ fields: [{ name: 'x', values: [1] }] })], timeRange: range };

  it('keeps the last series while a re-run query is loading', () => {
    const loading: PanelData = { state: LoadingState.Loading, series: [], timeRange: range };
    const shown = keepLastWhileLoading(loading, done);
    expect(shown.state).toBe(LoadingState.Loading);
    expect(shown.series).toBe(done.series);
  });

  it('passes data-bearing and error packets through', () => {
    const streaming: PanelData = { ...done, state: LoadingState.Streaming };
    expect(keepLastWhileLoading(streaming, done)).toBe(streaming);
    const failed: PanelData = { state: LoadingState.Error, series: [], timeRange: range, errors: [{ message: 'x' }] };
    expect(keepLastWhileLoading(failed, done)).toBe(failed);
  });
});
