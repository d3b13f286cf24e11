import React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';

import { createDefaultQuery } from '../defaults';
import { DemoDataflowQuery } from '../types';
import { DemoQueryFields } from './DemoQueryFields';
import { TEST_IDS } from './testIds';

describe('DemoQueryFields', () => {
  it('switches an incident on and re-runs the query at once', () => {
    const onChange = jest.fn();
    const onRunQuery = jest.fn();
    const query = createDefaultQuery('demo') as DemoDataflowQuery;
    render(<DemoQueryFields query={query} onChange={onChange} onRunQuery={onRunQuery} />);
    fireEvent.click(screen.getByTestId(TEST_IDS.query.incident('payments-db-locking')));
    expect(onChange).toHaveBeenCalledWith({ ...query, incidents: { 'payments-db-locking': true } });
    expect(onRunQuery).toHaveBeenCalledTimes(1);
  });

  it('with "From now" on, records when an incident was switched on and forgets it when switched off', () => {
    const onChange = jest.fn();
    const query = { ...(createDefaultQuery('demo') as DemoDataflowQuery), incidentsFromNow: true };
    const { rerender } = render(<DemoQueryFields query={query} onChange={onChange} onRunQuery={jest.fn()} />);
    const before = Date.now();
    fireEvent.click(screen.getByTestId(TEST_IDS.query.incident('payments-db-locking')));
    const switched = onChange.mock.calls[0][0] as DemoDataflowQuery;
    expect(switched.incidents['payments-db-locking']).toBe(true);
    expect(switched.incidentsSince?.['payments-db-locking']).toBeGreaterThanOrEqual(before);
    rerender(<DemoQueryFields query={switched} onChange={onChange} onRunQuery={jest.fn()} />);
    fireEvent.click(screen.getByTestId(TEST_IDS.query.incident('payments-db-locking')));
    expect((onChange.mock.calls[1][0] as DemoDataflowQuery).incidentsSince).toEqual({});
  });

  it('shows one switch per shop incident, reflecting the query', () => {
    const query = { ...(createDefaultQuery('demo') as DemoDataflowQuery), incidents: { 'inventory-errors': true } };
    render(<DemoQueryFields query={query} onChange={jest.fn()} onRunQuery={jest.fn()} />);
    expect((screen.getByTestId(TEST_IDS.query.incident('inventory-errors')) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByTestId(TEST_IDS.query.incident('kafka-consumer-lag')) as HTMLInputElement).checked).toBe(false);
  });
});
