import { BackendSrv, FetchError, FetchResponse } from '@grafana/runtime';
import { Observable, catchError, map, of, throwError } from 'rxjs';

import { HttpGet, HttpTextResponse, TransportError, tooLargeMessage } from './httpTransport';

/**
 * An HttpGet through Grafana's BackendSrv (same session, org header, request cancellation on
 * unsubscribe). Bodies are read as text so the Jaeger client can tell HTML, truncated JSON and
 * oversized answers apart; Grafana's error toasts are turned off because the panel shows the error.
 */
export function createBackendSrvHttpGet(backendSrv: () => BackendSrv, maxBytes: number): HttpGet {
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
          return throwError(() => new TransportError('unreachable', 'Grafana server is unreachable (network error)'));
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
