/**
 * The services field suggests what the collector has seen: the datasource's services() on a real PostgreSQL
 * (through the sandbox's Grafana-shaped /api/ds/query), and picking one sets the filter.
 */
import React from 'react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';

import { PostgresQueryRunner } from '../../../sandbox/server/postgresQuery';
import { setupTestPostgres } from '../../../testkit/jest';
import { createDefaultQuery } from '../defaults';
import { createDatabaseWithNodes, kompasOnPostgres } from '../postgres/testSupport';
import { TimescaleDataflowQuery } from '../types';
import { TimescaleQueryFields } from './TimescaleQueryFields';
import { TEST_IDS } from './testIds';

const handle = setupTestPostgres();
jest.setTimeout(60_000);
const runner = new PostgresQueryRunner();
let databaseUrl = '';

beforeAll(async () => {
  // jsdom has no canvas (the combobox measures option text with one) and no IntersectionObserver (its list uses one).
  HTMLCanvasElement.prototype.getContext = (() => ({
    measureText: () => ({ width: 10 }),
  })) as unknown as typeof HTMLCanvasElement.prototype.getContext;
  globalThis.IntersectionObserver ??= class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
    takeRecords(): [] {
      return [];
    }
  } as unknown as typeof IntersectionObserver;
  databaseUrl = await createDatabaseWithNodes(handle.pg, [
    ['payments', 'service'],
    ['checkout', 'service'],
    ['payments-db', 'database'],
  ]);
});
afterAll(() => runner.close());

it('suggests the services of the edge tables and sets the filter to the one picked', async () => {
  const datasource = kompasOnPostgres(runner, databaseUrl, { defaultSource: 'timescale', postgresDatasourceUid: 'pg' });
  const onChange = jest.fn();
  const onRunQuery = jest.fn();
  const query = createDefaultQuery('timescale') as TimescaleDataflowQuery;
  render(<TimescaleQueryFields query={query} lookups={datasource} onChange={onChange} onRunQuery={onRunQuery} />);
  const field = screen.getByTestId(TEST_IDS.query.timescaleServices);
  // Services only: the database is a node, not a service to filter by.
  await waitFor(() => expect(field.dataset.suggestions).toBe('2'), { timeout: 20_000 });

  // The option list is virtualised (jsdom draws no rows), so pick with the keyboard as a person can:
  // the first suggestion is checkout, the second payments.
  const input = within(field).getByRole('combobox');
  fireEvent.click(input);
  expect(await screen.findByRole('listbox')).toBeInTheDocument();
  fireEvent.keyDown(input, { key: 'ArrowDown' });
  fireEvent.keyDown(input, { key: 'ArrowDown' });
  fireEvent.keyDown(input, { key: 'Enter' });
  expect(onChange).toHaveBeenLastCalledWith({ ...query, services: ['payments'] });
  expect(onRunQuery).toHaveBeenCalledTimes(1);
});
