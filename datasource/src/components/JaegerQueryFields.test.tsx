import React from 'react';
import { render, screen, waitFor } from '@testing-library/react';

import { JaegerReplay, startJaegerReplay } from '../../../sandbox/jaeger-replay/src/index';
import { DataflowDataSource } from '../datasource';
import { createDefaultQuery } from '../defaults';
import { createNodeHttpGet } from '../jaeger/nodeHttpGet';
import { JaegerDataflowQuery } from '../types';
import { JaegerQueryFields } from './JaegerQueryFields';
import { TEST_IDS } from './testIds';

jest.setTimeout(30_000);

let replay: JaegerReplay;
beforeAll(async () => {
  // jsdom has no canvas; Combobox measures option text with one.
  HTMLCanvasElement.prototype.getContext = (() => ({
    measureText: () => ({ width: 10 }),
  })) as unknown as typeof HTMLCanvasElement.prototype.getContext;
  replay = await startJaegerReplay();
});
afterAll(() => replay.close());

function datasource(prefix: string): DataflowDataSource {
  return new DataflowDataSource(
    { uid: 'kompas', name: 'Kompas', type: 'kompas-dataflow-datasource', jsonData: { jaegerUrl: replay.url } } as never,
    { http: createNodeHttpGet({ maxBytes: 1 << 20 }), jaegerBaseUrl: `${replay.url}${prefix}`, replace: (t) => t }
  );
}

describe('JaegerQueryFields', () => {
  it('shows why the service list could not be loaded', async () => {
    const query = createDefaultQuery('jaeger') as JaegerDataflowQuery;
    render(
      <JaegerQueryFields query={query} lookups={datasource('/fault/403')} onChange={jest.fn()} onRunQuery={jest.fn()} />
    );
    const alert = await screen.findByTestId(TEST_IDS.query.lookupError, {}, { timeout: 10_000 });
    expect(alert).toHaveTextContent('Jaeger services: access denied (403 Forbidden)');
  });

  it('asks Jaeger for the services and the operations of the chosen service', async () => {
    const query = { ...(createDefaultQuery('jaeger') as JaegerDataflowQuery), service: 'api-edge' };
    const before = replay.requests.length;
    render(<JaegerQueryFields query={query} lookups={datasource('')} onChange={jest.fn()} onRunQuery={jest.fn()} />);
    await waitFor(
      () =>
        expect(replay.requests.slice(before).map((r) => r.path)).toEqual(
          expect.arrayContaining(['/api/services', '/api/services/api-edge/operations'])
        ),
      { timeout: 10_000 }
    );
    expect(screen.queryByTestId(TEST_IDS.query.lookupError)).not.toBeInTheDocument();
  });
});
