/**
 * @jest-environment node
 *
 * The browser's HttpGet against the replay server (real HTTP on 127.0.0.1, Node's fetch standing in for
 * the browser's): the size cap before and while reading, the org header, and BackendSrv for an expired session.
 */
import type { BackendSrv, BackendSrvRequest, FetchResponse } from '@grafana/runtime';
import { Observable, firstValueFrom, of } from 'rxjs';

import { JaegerReplay, startJaegerReplay } from '../../../sandbox/jaeger-replay/src/index';
import { createBackendSrvHttpGet } from './backendSrvHttpGet';
import { TransportError } from './httpTransport';

const MB = 1024 * 1024;
let replay: JaegerReplay;

beforeAll(async () => {
  replay = await startJaegerReplay({ hugeBytes: 64 * MB, requiredHeader: { name: 'X-Grafana-Org-Id', value: '3' } });
});
afterAll(() => replay.close());

/** Grafana's BackendSrv as far as the HttpGet uses it: records the URLs it is asked for, answers 200. */
function recordingBackendSrv(asked: string[]): () => BackendSrv {
  const fetch = <T>(request: BackendSrvRequest): Observable<FetchResponse<T>> => {
    asked.push(request.url);
    const response = {
      status: 200,
      statusText: 'OK',
      ok: true,
      headers: new Headers({ 'content-type': 'application/json' }),
      data: '{"data":["via-backend-srv"]}',
    };
    return of(response as unknown as FetchResponse<T>);
  };
  return () => ({ fetch }) as unknown as BackendSrv;
}

function httpGet(asked: string[] = []) {
  return createBackendSrvHttpGet(recordingBackendSrv(asked), 1 * MB, { orgId: () => 3, fetch });
}

function errorOf(promise: Promise<unknown>): Promise<TransportError | undefined> {
  return promise.then(
    () => undefined,
    (error: TransportError) => error
  );
}

describe('browser HttpGet', () => {
  it('reads through fetch with the org header, without BackendSrv', async () => {
    const asked: string[] = [];
    const response = await firstValueFrom(httpGet(asked)(`${replay.url}/api/services`));
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body).data).toContain('api-gateway');
    expect(asked).toEqual([]);
    expect(replay.requests[replay.requests.length - 1].headers['x-grafana-org-id']).toBe('3');
  });

  it('refuses a body whose Content-Length is above the cap before reading it', async () => {
    // The server announces 64 MB and then stalls: only a check of the header can answer.
    const error = await errorOf(firstValueFrom(httpGet()(`${replay.url}/fault/huge-declared/api/services`)));
    expect(error?.kind).toBe('too-large');
    expect(error?.message).toBe(
      'Jaeger response is larger than 1.0 MB (at least 64.0 MB): narrow the time range, add filters or lower the limit'
    );
  });

  it('stops reading a streamed body as soon as it passes the cap', async () => {
    const error = await errorOf(firstValueFrom(httpGet()(`${replay.url}/fault/huge/api/services`)));
    expect(error?.kind).toBe('too-large');
    expect(error?.message).toMatch(/^Jaeger response is larger than 1\.0 MB \(at least 1\.\d MB\)/);
  });

  it('repeats a request through BackendSrv when Grafana answers 401 (an expired session it can renew)', async () => {
    const asked: string[] = [];
    const url = `${replay.url}/fault/401/api/services`;
    const response = await firstValueFrom(httpGet(asked)(url));
    expect(asked).toEqual([url]);
    expect(JSON.parse(response.body).data).toEqual(['via-backend-srv']);
  });

  it('names Grafana, not Jaeger, when the server cannot be reached', async () => {
    const closed = await startJaegerReplay({ traces: [] });
    const url = `${closed.url}/api/services`;
    await closed.close();
    const error = await errorOf(firstValueFrom(httpGet()(url)));
    expect(error?.message).toBe('Grafana server is unreachable (network error)');
  });
});
