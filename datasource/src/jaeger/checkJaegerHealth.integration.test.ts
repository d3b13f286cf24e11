/**
 * @jest-environment node
 */
import { JaegerReplay, startJaegerReplay } from '../../../sandbox/jaeger-replay/src/index';
import { checkJaegerHealth } from './checkJaegerHealth';
import { createFetchHttpGet } from './httpTransport';
import { createJaegerClient } from './jaegerClient';

let replay: JaegerReplay;

beforeAll(async () => {
  replay = await startJaegerReplay();
});
afterAll(() => replay.close());

const check = (prefix = '') =>
  checkJaegerHealth(
    createJaegerClient({
      baseUrl: `${replay.url}${prefix}`,
      http: createFetchHttpGet({ maxBytes: 1 << 20 }),
      timeoutMs: 5000,
    })
  );

describe('checkJaegerHealth on a v1-only Jaeger', () => {
  it('reports the v1 API with its services, asking nothing that answers 404', async () => {
    const before = replay.requests.length;
    expect(await check()).toEqual({
      status: 'success',
      message: expect.stringMatching(/^Jaeger query API v1 reachable: \d+ services$/),
    });
    expect(replay.requests.slice(before).map((r) => r.path)).toEqual(['/api/services']);
  });

  it('keeps the specific message of a wrong path', async () => {
    expect(await check('/fault/404')).toEqual({
      status: 'error',
      message:
        'Jaeger services: not found (404): the URL path is wrong or it is not a Jaeger query service (use the base URL, e.g. http://jaeger:16686)',
    });
  });
});
