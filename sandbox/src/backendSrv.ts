import { BackendSrv, BackendSrvRequest, FetchError, FetchResponse } from '@grafana/runtime';
import { lastValueFrom, Observable } from 'rxjs';

function buildUrl(options: BackendSrvRequest): string {
  const url = new URL(options.url, window.location.href);
  for (const [key, value] of Object.entries(options.params ?? {})) {
    if (value === undefined || value === null) {
      continue;
    }
    for (const v of Array.isArray(value) ? value : [value]) {
      url.searchParams.append(key, String(v));
    }
  }
  return url.origin === window.location.origin ? url.pathname + url.search : url.href;
}

function encodeBody(data: unknown): BodyInit | undefined {
  if (data === undefined || data === null) {
    return undefined;
  }
  if (typeof data === 'string' || data instanceof Blob || data instanceof FormData || data instanceof ArrayBuffer) {
    return data;
  }
  return JSON.stringify(data);
}

async function parseBody(response: Response, responseType: BackendSrvRequest['responseType']): Promise<unknown> {
  switch (responseType) {
    case 'blob':
      return response.blob();
    case 'arraybuffer':
      return response.arrayBuffer();
    case 'text':
      return response.text();
    default: {
      // Like Grafana: bodies that are not JSON (an HTML error page, a truncated body) come back as text.
      const text = await response.text();
      try {
        return text === '' ? text : JSON.parse(text);
      } catch {
        return text;
      }
    }
  }
}

/** Grafana's BackendSrv over window.fetch: same request options, same FetchResponse and FetchError shapes. */
export class SandboxBackendSrv {
  fetch<T>(options: BackendSrvRequest): Observable<FetchResponse<T>> {
    return new Observable<FetchResponse<T>>((subscriber) => {
      const controller = new AbortController();
      const headers: Record<string, string> = { ...(options.headers ?? {}) };
      const body = encodeBody(options.data);
      if (typeof body === 'string' && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
        headers['Content-Type'] = 'application/json';
      }
      fetch(buildUrl(options), {
        method: options.method ?? 'GET',
        headers,
        body,
        credentials: 'same-origin',
        signal: controller.signal,
      })
        .then(async (response) => {
          const data = (await parseBody(response, options.responseType)) as T;
          const fetchResponse: FetchResponse<T> = {
            data,
            status: response.status,
            statusText: response.statusText,
            ok: response.ok,
            headers: response.headers,
            url: response.url,
            type: response.type,
            redirected: response.redirected,
            config: options,
          };
          if (!response.ok) {
            const error: FetchError = {
              status: response.status,
              statusText: response.statusText,
              data,
              config: options,
            };
            subscriber.error(error);
            return;
          }
          subscriber.next(fetchResponse);
          subscriber.complete();
        })
        .catch((err: unknown) => {
          if (controller.signal.aborted) {
            return;
          }
          const error: FetchError = {
            status: 0,
            statusText: err instanceof Error ? err.message : 'Network error',
            data: { message: 'Network error: the sandbox server could not be reached' },
            config: options,
          };
          subscriber.error(error);
        });
      return () => controller.abort();
    });
  }

  async request<T = unknown>(options: BackendSrvRequest): Promise<T> {
    return (await lastValueFrom(this.fetch<T>(options))).data;
  }

  async datasourceRequest<T = unknown>(options: BackendSrvRequest): Promise<FetchResponse<T>> {
    return lastValueFrom(this.fetch<T>(options));
  }

  get<T = unknown>(url: string, params?: BackendSrvRequest['params'], requestId?: string, options?: Partial<BackendSrvRequest>): Promise<T> {
    return this.request<T>({ ...options, url, params, requestId, method: 'GET' });
  }

  delete<T = unknown>(url: string, data?: unknown, options?: Partial<BackendSrvRequest>): Promise<T> {
    return this.request<T>({ ...options, url, data, method: 'DELETE' });
  }

  post<T = unknown>(url: string, data?: unknown, options?: Partial<BackendSrvRequest>): Promise<T> {
    return this.request<T>({ ...options, url, data, method: 'POST' });
  }

  patch<T = unknown>(url: string, data?: unknown, options?: Partial<BackendSrvRequest>): Promise<T> {
    return this.request<T>({ ...options, url, data, method: 'PATCH' });
  }

  put<T = unknown>(url: string, data?: unknown, options?: Partial<BackendSrvRequest>): Promise<T> {
    return this.request<T>({ ...options, url, data, method: 'PUT' });
  }
}

export function createBackendSrv(): BackendSrv {
  // The interface also lists Grafana-internal helpers (chunked streaming, cancellers) that plugins do not need.
  return new SandboxBackendSrv() as unknown as BackendSrv;
}
