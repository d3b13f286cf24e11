import { createDataFrame, FieldType } from '@grafana/data';
import { act, fireEvent, render, screen } from '@testing-library/react';
import React from 'react';
import { toNodeGraphFrames } from '../../servicegraph/src/frames/toNodeGraphFrames';
import { DataflowPanel } from './DataflowPanel';
import { defaultOptions } from './defaults';
import { createPanelProps } from './testdata/panelProps';
import { createShopGraph } from './testdata/shopGraph';

describe('DataflowPanel', () => {
  it('shows the empty state when the query returned nothing', () => {
    render(<DataflowPanel {...createPanelProps([])} />);
    expect(screen.getByTestId('kompas-dataflow-message')).toHaveTextContent('No dataflow to show');
  });

  it('names the problem when frames are not a graph', () => {
    const table = createDataFrame({ name: 'edges', fields: [{ name: 'source', type: FieldType.string, values: ['a'] }] });
    render(<DataflowPanel {...createPanelProps([table])} />);
    expect(screen.getByRole('alert')).toHaveTextContent('missing field "target"');
  });

  it('draws Kompas frames as a map with controls, legend and the focused service', async () => {
    const frames = toNodeGraphFrames(createShopGraph());
    const props = createPanelProps(frames, {
      replaceVariables: (value: string) => (value === '$focus' ? 'payments' : value),
    });
    render(<DataflowPanel {...props} />);
    const canvas = await screen.findByTestId('kompas-dataflow-canvas');
    expect(canvas).toHaveAttribute('data-node-count', '9');
    expect(canvas).toHaveAttribute('data-edge-count', '9');
    expect(canvas).toHaveAttribute('data-focus', 'payments');
    expect(screen.getByLabelText('Zoom to fit')).toBeInTheDocument();
    expect(screen.getByTestId('kompas-dataflow-legend')).toBeInTheDocument();
  });

  it('finds a service from the search box and hides kinds', async () => {
    const frames = toNodeGraphFrames(createShopGraph());
    const props = createPanelProps(frames, { options: { ...defaultOptions, hiddenKinds: ['virtual'] } });
    render(<DataflowPanel {...props} />);
    const canvas = await screen.findByTestId('kompas-dataflow-canvas');
    expect(canvas).toHaveAttribute('data-node-count', '7');
    const search = screen.getByLabelText('Search services');
    fireEvent.change(search, { target: { value: 'kaf' } });
    expect(screen.getByRole('option', { name: 'kafka' })).toBeInTheDocument();
    act(() => {
      fireEvent.keyDown(search, { key: 'Enter' });
    });
    expect(canvas).toHaveAttribute('data-selected', 'kafka');
  });

  it('offers to reset pins and clears them through onOptionsChange', async () => {
    const onOptionsChange = jest.fn();
    const frames = toNodeGraphFrames(createShopGraph());
    const props = createPanelProps(frames, {
      options: { ...defaultOptions, pins: { cart: { x: 1, y: 2 } } },
      onOptionsChange,
    });
    render(<DataflowPanel {...props} />);
    fireEvent.click(await screen.findByLabelText('Reset pins'));
    expect(onOptionsChange).toHaveBeenCalledWith(expect.objectContaining({ pins: {} }));
  });

  it('zooms with the wheel and fits again with the f key', async () => {
    render(<DataflowPanel {...createPanelProps(toNodeGraphFrames(createShopGraph()))} />);
    const canvas = await screen.findByTestId('kompas-dataflow-canvas');
    const fitted = canvas.getAttribute('data-zoom');
    act(() => {
      fireEvent.wheel(canvas, { deltaY: -300, clientX: 100, clientY: 100 });
    });
    expect(Number(canvas.getAttribute('data-zoom'))).toBeGreaterThan(Number(fitted));
    act(() => {
      fireEvent.keyDown(screen.getByLabelText('Dataflow map'), { key: 'f' });
    });
    expect(canvas.getAttribute('data-zoom')).toBe(fitted);
  });
});
