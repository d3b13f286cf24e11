import { act, fireEvent, render, screen } from '@testing-library/react';
import React, { createRef } from 'react';
import type { GraphNode } from '../../../servicegraph/src/types';
import { readGenaiGraph } from '../data/testdata/genaiGraph';
import { SearchBox, SearchHandle } from './SearchBox';

const nodes: readonly GraphNode[] = readGenaiGraph().nodes;

describe('SearchBox', () => {
  it('says so when no service matches, and lists matches otherwise', () => {
    render(<SearchBox nodes={nodes} onFind={() => undefined} />);
    const input = screen.getByTestId('kompas-dataflow-search');
    fireEvent.change(input, { target: { value: 'zzznothing' } });
    expect(screen.getByRole('status')).toHaveTextContent('No service matches “zzznothing”');
    expect(screen.queryByRole('listbox')).toBeNull();
    fireEvent.change(input, { target: { value: nodes[0].title } });
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.getByRole('option', { name: nodes[0].title })).toBeInTheDocument();
  });

  it('compact: an icon until opened by click or the "/" handle, closes again when left empty', () => {
    const ref = createRef<SearchHandle>();
    render(<SearchBox ref={ref} nodes={nodes} onFind={() => undefined} compact />);
    expect(screen.queryByTestId('kompas-dataflow-search')).toBeNull();
    act(() => ref.current?.focus());
    const input = screen.getByTestId('kompas-dataflow-search');
    expect(input).toHaveFocus();
    fireEvent.blur(input);
    expect(screen.queryByTestId('kompas-dataflow-search')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Find service (/)' }));
    expect(screen.getByTestId('kompas-dataflow-search')).toHaveFocus();
  });

  it('Enter finds the best match and collapses the compact search', () => {
    const found: string[] = [];
    render(<SearchBox nodes={nodes} onFind={(id) => found.push(id)} compact />);
    fireEvent.click(screen.getByRole('button', { name: 'Find service (/)' }));
    const input = screen.getByTestId('kompas-dataflow-search');
    fireEvent.change(input, { target: { value: nodes[0].title } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(found).toEqual([nodes[0].id]);
    expect(screen.queryByTestId('kompas-dataflow-search')).toBeNull();
  });
});
