import { LoadingState } from '@grafana/data';
import { render, screen } from '@testing-library/react';
import React from 'react';
import { toNodeGraphFrames } from '../../servicegraph/src/frames/toNodeGraphFrames';
import { DataflowPanel } from './DataflowPanel';
import { isAwaitingFirstData } from './data/awaitingData';
import { createPanelProps } from './testdata/panelProps';
import { createShopGraph } from './testdata/shopGraph';

function withState(series: Parameters<typeof createPanelProps>[0], state: LoadingState) {
  const props = createPanelProps(series);
  return { ...props, data: { ...props.data, state } };
}

describe('DataflowPanel before the first response', () => {
  it.each([LoadingState.NotStarted, LoadingState.Loading])('shows nothing but a busy status while %s', (state) => {
    render(<DataflowPanel {...withState([], state)} />);
    expect(screen.getByRole('status', { name: 'Loading dataflow' })).toHaveAttribute('aria-busy', 'true');
    expect(screen.queryByTestId('kompas-dataflow-message')).not.toBeInTheDocument();
  });

  it('shows the empty state once the query is done with nothing', () => {
    render(<DataflowPanel {...withState([], LoadingState.Done)} />);
    expect(screen.getByTestId('kompas-dataflow-message')).toHaveTextContent('No dataflow to show');
    expect(screen.queryByTestId('kompas-dataflow-loading')).not.toBeInTheDocument();
  });

  it('keeps drawing the previous frames while a refresh loads', async () => {
    render(<DataflowPanel {...withState(toNodeGraphFrames(createShopGraph()), LoadingState.Loading)} />);
    expect(await screen.findByTestId('kompas-dataflow-canvas')).toHaveAttribute('data-node-count', '9');
  });

  it('waits only on the first load: a refresh of an empty result keeps its message, an error is not waiting', () => {
    expect(isAwaitingFirstData({ state: LoadingState.Loading, series: [] })).toBe(true);
    expect(isAwaitingFirstData({ state: LoadingState.Streaming, series: [] })).toBe(false);
    expect(isAwaitingFirstData({ state: LoadingState.Error, series: [] })).toBe(false);
    const emptyFrames = toNodeGraphFrames({ nodes: [], edges: [] });
    expect(isAwaitingFirstData({ state: LoadingState.Loading, series: emptyFrames })).toBe(false);
  });
});
