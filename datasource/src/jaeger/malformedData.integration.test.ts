/**
 * Malformed `data` from a Jaeger (the replay server's `baddata` / `badlist` faults, real HTTP) fails the
 * query with the client's sentence, instead of a finished, empty map.
 */
import { lastValueFrom, toArray } from 'rxjs';

import { JaegerReplay, startJaegerReplay } from '../../../sandbox/jaeger-replay/src/index';
import { DEFAULT_JAEGER_QUERY } from '../defaults';
import { JaegerDataflowQuery } from '../types';
import { runJaegerQuery } from './jaegerSource';
import { jaegerRunContext, nodeJaegerClient } from './testSupport';

const END_MS = Date.UTC(2026, 10, 23, 12, 0, 0);
let replay: JaegerReplay;

beforeAll(async () => {
  replay = await startJaegerReplay({ shiftToMs: END_MS });
});
afterAll(() => replay.close());

function errorOf(fault: string, query: Partial<JaegerDataflowQuery>): Promise<string> {
  const client = nodeJaegerClient(`${replay.url}/fault/${fault}`, 1 << 20, 5000);
  const responses = runJaegerQuery(
    { ...DEFAULT_JAEGER_QUERY, refId: 'A', streaming: false, ...query },
    jaegerRunContext(client, END_MS - 3_600_000, END_MS)
  );
  return lastValueFrom(responses.pipe(toArray())).then(
    (all) => `no error: ${all.length} responses`,
    (error: Error) => error.message
  );
}

describe('malformed Jaeger data in a query', () => {
  it('a dependencies query names garbage links', async () => {
    expect(await errorOf('badlist', { queryType: 'dependencies' })).toBe(
      'Jaeger dependencies: entry 2 of data is not a link {parent, child, callCount} (got 42)'
    );
  });

  it('a traces query of every service names a services list that is not a list', async () => {
    expect(await errorOf('baddata', { queryType: 'traces', service: '' })).toBe(
      'Jaeger services: data is not a list (got an object)'
    );
  });
});
