/**
 * How requests reach Jaeger without secrets ever touching the browser.
 *
 * The browser calls `/api/datasources/proxy/uid/<uid>/<routePath>/api/...`. Grafana's datasource proxy
 * (pkg/api/pluginproxy/ds_proxy.go, documented in "Add authentication for data source plugins") then:
 *  1. picks the first plugin.json route whose `path` is a prefix of the proxied path (and whose `reqRole`
 *     the user has), strips that prefix and appends the rest to the route `url`, here
 *     `{{ .JsonData.jaegerUrl }}` (Go text/template over jsonData and decrypted secureJsonData);
 *  2. sets `Authorization: Basic …` from the datasource-level basicAuth/basicAuthUser/basicAuthPassword;
 *  3. applies the route `headers` (interpolated, `Header.Set`, so they replace the basic-auth header; an
 *     empty secret still yields the header, which is why each auth mode has its own route);
 *  4. with `jsonData.oauthPassThru`, replaces Authorization with the signed-in user's OAuth token;
 *  5. adds `httpHeaderNameN`/`httpHeaderValueN` custom headers through the datasource's HTTP client.
 * Route paths must not be prefixes of each other, hence `jaeger` and `bearer-jaeger` (not `jaeger-bearer`).
 */
import { JaegerAuthMode } from '../types';

export const JAEGER_ROUTE = 'jaeger';
export const BEARER_JAEGER_ROUTE = 'bearer-jaeger';

/** The plugin.json route path the requests of an auth mode go through. */
export function routeForAuth(auth: JaegerAuthMode | undefined): string {
  return auth === 'bearer' ? BEARER_JAEGER_ROUTE : JAEGER_ROUTE;
}

/** Base URL of the Jaeger API as seen from the browser: Grafana's proxy for this datasource and route. */
export function jaegerProxyBaseUrl(datasourceUid: string, auth: JaegerAuthMode | undefined): string {
  return `/api/datasources/proxy/uid/${encodeURIComponent(datasourceUid)}/${routeForAuth(auth)}`;
}
