import React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';

import { createDefaultQuery } from '../defaults';
import { TimescaleDataflowQuery } from '../types';
import { TimescaleQueryFields } from './TimescaleQueryFields';
import { TEST_IDS } from './testIds';

describe('TimescaleQueryFields', () => {
  it('sets the route of a request (trace id, request id or $variable) and clears it back to the map', () => {
    const onChange = jest.fn();
    const onRunQuery = jest.fn();
    const query = createDefaultQuery('timescale') as TimescaleDataflowQuery;
    const { rerender } = render(<TimescaleQueryFields query={query} onChange={onChange} onRunQuery={onRunQuery} />);
    const input = screen.getByTestId(TEST_IDS.query.traceId) as HTMLInputElement;
    fireEvent.blur(input, { target: { value: ' ${routeTrace} ' } });
    expect(onChange).toHaveBeenLastCalledWith({ ...query, traceId: '${routeTrace}' });
    expect(onRunQuery).toHaveBeenCalledTimes(1);

    rerender(<TimescaleQueryFields query={{ ...query, traceId: 'req-42' }} onChange={onChange} onRunQuery={onRunQuery} />);
    fireEvent.blur(input, { target: { value: '' } });
    expect(onChange).toHaveBeenLastCalledWith({ ...query, traceId: undefined });
  });

  it('keeps top N a whole number of at least 0', () => {
    const onChange = jest.fn();
    const query = createDefaultQuery('timescale') as TimescaleDataflowQuery;
    render(<TimescaleQueryFields query={query} onChange={onChange} onRunQuery={jest.fn()} />);
    fireEvent.blur(screen.getByTestId(TEST_IDS.query.topN), { target: { value: '-3.7' } });
    expect(onChange).toHaveBeenLastCalledWith({ ...query, topN: 0 });
    fireEvent.blur(screen.getByTestId(TEST_IDS.query.topN), { target: { value: '12.9' } });
    expect(onChange).toHaveBeenLastCalledWith({ ...query, topN: 12 });
  });
});
