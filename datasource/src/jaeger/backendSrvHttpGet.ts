import type { BackendSrv, FetchError, FetchResponse } from '@grafana/runtime';
import { Observable, catchError, map, of, switchMap, throwError } from 'rxjs';

import { HttpGet, HttpTextResponse, TransportError, createFetchHttpGet, tooLargeMessage } from './httpTransport';

export interface BrowserHttpOptions {
  /** The Grafana org the page belongs to (sent as X-Grafana-Org-Id, as BackendSrv does). */
  orgId?: () => number | undefined;
  /** The browser's fetch; absent under jsdom, where everything goes through BackendSrv. */
  fetch?: typeof fetch;
}

const GRAFANA_UNREACHABLE = 'Grafana server is unreachable (network error)';

/**
 * The datasource's HttpGet in the browser. Jaeger answers can be tens of MB, and BackendSrv only hands
 * over a body once all of it is downloaded, so requests go through `fetch` on the same proxy URL: a
 * Content-Length above `maxBytes` fails before the body is read, and a streamed body is cut off as soon
 * as it passes the cap. A 401 there means Grafana's own session expired (the data proxy turns a Jaeger
 * 401 into 400): BackendSrv repeats the request, as it rotates the session token and retries.
 */
export function createBackendSrvHttpGet(
  backendSrv: () => BackendSrv,
  maxBytes: number,
  options: BrowserHttpOptions = {}
): HttpGet {
  const viaBackendSrv = createBackendSrvOnlyHttpGet(backendSrv, maxBytes);
  const fetchImpl = options.fetch ?? (typeof fetch === 'function' ? fetch : undefined);
  if (fetchImpl === undefined) {
    return viaBackendSrv;
  }
  return (url) => {
    const orgId = options.orgId?.();
    const streamed = createFetchHttpGet({
      maxBytes,
      fetch: fetchImpl,
      headers: orgId !== undefined ? { 'X-Grafana-Org-Id': String(orgId) } : undefined,
      unreachableMessage: GRAFANA_UNREACHABLE,
    });
    return streamed(url).pipe(switchMap((response) => (response.status === 401 ? viaBackendSrv(url) : of(response))));
  };
}

/**
 * An HttpGet through Grafana's BackendSrv only (same session, org header, request cancellation on
 * unsubscribe). Bodies are read as text so the Jaeger client can tell HTML, truncated JSON and
 * oversized answers apart; Grafana's error toasts are turned off because the panel shows the error.
 */
export function createBackendSrvOnlyHttpGet(backendSrv: () => BackendSrv, maxBytes: number): HttpGet {
  return (url) =>
    backendSrv()
      .fetch<string>({ url, method: 'GET', responseType: 'text', showErrorAlert: false, showSuccessAlert: false })
      .pipe(
        map((response: FetchResponse<string>) =>
          toTextResponse(response.status, response.statusText, response.headers, response.data)
        ),
        catchError((error: unknown) => {
          if (isFetchError(error) && error.status > 0) {
            return of(toTextResponse(error.status, error.statusText ?? '', undefined, error.data));
          }
          return throwError(() => new TransportError('unreachable', GRAFANA_UNREACHABLE));
        }),
        map((response) => {
          if (response.body.length > maxBytes) {
            throw new TransportError('too-large', tooLargeMessage(response.body.length, maxBytes));
          }
          return response;
        })
      ) as Observable<HttpTextResponse>;
}

function toTextResponse(
  status: number,
  statusText: string,
  headers: Headers | undefined,
  data: unknown
): HttpTextResponse {
  return {
    status,
    statusText,
    contentType: headers?.get('content-type') ?? '',
    body: typeof data === 'string' ? data : data === undefined || data === null ? '' : JSON.stringify(data),
  };
}

function isFetchError(error: unknown): error is FetchError {
  return typeof error === 'object' && error !== null && typeof (error as FetchError).status === 'number';
}
