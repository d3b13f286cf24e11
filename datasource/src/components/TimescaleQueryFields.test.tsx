import React from 'react';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';

import { DataflowDataSource } from '../datasource';
import { createDefaultQuery } from '../defaults';
import { DataflowDataSourceOptions, TimescaleDataflowQuery } from '../types';
import { TimescaleQueryFields } from './TimescaleQueryFields';
import { TEST_IDS } from './testIds';

beforeAll(() => {
  // jsdom has no canvas; the services combobox measures option text with one.
  HTMLCanvasElement.prototype.getContext = (() => ({
    measureText: () => ({ width: 10 }),
  })) as unknown as typeof HTMLCanvasElement.prototype.getContext;
});

/** A real datasource; without a PostgreSQL datasource its services() says what is missing. */
function datasource(jsonData: Partial<DataflowDataSourceOptions>): DataflowDataSource {
  return new DataflowDataSource(
    { uid: 'kompas', name: 'Kompas', type: 'kompas-dataflow-datasource', jsonData } as never,
    { replace: (t) => t }
  );
}

const DEMO = datasource({ defaultSource: 'demo' });

/** Waits until the services field has its suggestions (the demo shop's services), so no update lands after the test. */
async function suggestionsLoaded(): Promise<void> {
  await waitFor(() =>
    expect(Number(screen.getByTestId(TEST_IDS.query.timescaleServices).dataset.suggestions)).toBeGreaterThan(10)
  );
}

describe('TimescaleQueryFields', () => {
  it('sets the route of a request (trace id, request id or $variable) and clears it back to the map', async () => {
    const onChange = jest.fn();
    const onRunQuery = jest.fn();
    const query = createDefaultQuery('timescale') as TimescaleDataflowQuery;
    const { rerender } = render(
      <TimescaleQueryFields query={query} lookups={DEMO} onChange={onChange} onRunQuery={onRunQuery} />
    );
    const input = screen.getByTestId(TEST_IDS.query.traceId) as HTMLInputElement;
    fireEvent.blur(input, { target: { value: ' ${routeTrace} ' } });
    expect(onChange).toHaveBeenLastCalledWith({ ...query, traceId: '${routeTrace}' });
    expect(onRunQuery).toHaveBeenCalledTimes(1);

    rerender(
      <TimescaleQueryFields
        query={{ ...query, traceId: 'req-42' }}
        lookups={DEMO}
        onChange={onChange}
        onRunQuery={onRunQuery}
      />
    );
    fireEvent.blur(input, { target: { value: '' } });
    expect(onChange).toHaveBeenLastCalledWith({ ...query, traceId: undefined });
    await suggestionsLoaded();
  });

  it('keeps top N a whole number of at least 0', async () => {
    const onChange = jest.fn();
    const query = createDefaultQuery('timescale') as TimescaleDataflowQuery;
    render(<TimescaleQueryFields query={query} lookups={DEMO} onChange={onChange} onRunQuery={jest.fn()} />);
    fireEvent.blur(screen.getByTestId(TEST_IDS.query.topN), { target: { value: '-3.7' } });
    expect(onChange).toHaveBeenLastCalledWith({ ...query, topN: 0 });
    fireEvent.blur(screen.getByTestId(TEST_IDS.query.topN), { target: { value: '12.9' } });
    expect(onChange).toHaveBeenLastCalledWith({ ...query, topN: 12 });
    await suggestionsLoaded();
  });

  it('filters by connection type, and "All" removes the filter', async () => {
    const onChange = jest.fn();
    const onRunQuery = jest.fn();
    const query = createDefaultQuery('timescale') as TimescaleDataflowQuery;
    const { rerender } = render(
      <TimescaleQueryFields query={query} lookups={DEMO} onChange={onChange} onRunQuery={onRunQuery} />
    );
    const group = screen.getByTestId(TEST_IDS.query.connectionType);
    expect(group.querySelector('input:checked')?.getAttribute('id')).toMatch(/option-all/);
    fireEvent.click(screen.getByLabelText('Messaging'));
    expect(onChange).toHaveBeenLastCalledWith({ ...query, connectionType: 'messaging_system' });
    // '' is a connection type of its own (plain calls), not "no filter".
    fireEvent.click(screen.getByLabelText('Calls'));
    expect(onChange).toHaveBeenLastCalledWith({ ...query, connectionType: '' });
    expect(onRunQuery).toHaveBeenCalledTimes(2);

    rerender(
      <TimescaleQueryFields
        query={{ ...query, connectionType: 'database' }}
        lookups={DEMO}
        onChange={onChange}
        onRunQuery={onRunQuery}
      />
    );
    expect(screen.getByLabelText('Database')).toBeChecked();
    fireEvent.click(screen.getByLabelText('All'));
    expect(onChange).toHaveBeenLastCalledWith({ ...query, connectionType: undefined });
    await suggestionsLoaded();
  });

  it('says why there are no service suggestions, and keeps the chosen services (a $variable too)', async () => {
    const query = { ...(createDefaultQuery('timescale') as TimescaleDataflowQuery), services: ['$service'] };
    render(
      <TimescaleQueryFields
        query={query}
        lookups={datasource({ defaultSource: 'timescale' })}
        onChange={jest.fn()}
        onRunQuery={jest.fn()}
      />
    );
    expect(await screen.findByTestId(TEST_IDS.query.lookupError)).toHaveTextContent(
      'Service suggestions: Timescale mode: not configured (choose the PostgreSQL datasource in the datasource settings)'
    );
    expect(screen.getByTestId(TEST_IDS.query.timescaleServices)).toHaveTextContent('$service');
  });
});
