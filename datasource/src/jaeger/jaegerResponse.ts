/**
 * Turns an HTTP response from (or on the way to) Jaeger into parsed JSON, or into one specific
 * sentence saying what is wrong: credentials, path, not a Jaeger, truncated JSON, errors in the body.
 */
import { DataflowError, isRecord } from '../errors';
import { HttpTextResponse } from './httpTransport';

/** A Jaeger query API v1 envelope: `{ data, total, limit, offset, errors }`. */
export interface JaegerEnvelope<T> {
  data: T;
  /** Non-fatal errors Jaeger reported next to the data (e.g. one trace of many not found). */
  warnings: string[];
}

/** Checks status, content type and JSON; `what` names the request in messages ("services", "trace abc"). */
export function parseJaegerResponse<T>(response: HttpTextResponse, what: string): JaegerEnvelope<T> {
  const { status, body } = response;
  const looksHtml = /text\/html/i.test(response.contentType) || /^\s*<(!doctype|html|head|body)/i.test(body);
  if (status < 200 || status >= 300) {
    throw new DataflowError(describeHttpFailure(response, what, looksHtml));
  }
  if (looksHtml) {
    throw new DataflowError(
      `Jaeger ${what}: the URL answered with an HTML page instead of JSON, so it is not the Jaeger query API (check the URL; the API is usually on port 16686)`
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    const detail = error instanceof Error ? error.message : 'parse error';
    throw new DataflowError(
      `Jaeger ${what}: the response is not valid JSON (truncated or corrupt, ${body.length} bytes): ${detail.split('\n')[0]}`
    );
  }
  if (!isRecord(json) || !('data' in json || 'errors' in json)) {
    throw new DataflowError(`Jaeger ${what}: the JSON has no "data" field, so this is not the Jaeger query API v1`);
  }
  const errors = readErrors(json.errors);
  if (json.data === null || json.data === undefined) {
    if (errors.length > 0) {
      throw new DataflowError(`Jaeger ${what}: ${errors.join('; ')}`);
    }
    return { data: [] as unknown as T, warnings: [] };
  }
  return { data: json.data as T, warnings: errors };
}

function readErrors(value: unknown): string[] {
  if (!Array.isArray(value)) {
    return [];
  }
  return value.map((entry) => {
    if (isRecord(entry)) {
      const code = typeof entry.code === 'number' ? `error ${entry.code}: ` : '';
      const msg = typeof entry.msg === 'string' ? entry.msg : JSON.stringify(entry);
      const trace = typeof entry.traceID === 'string' ? ` (trace ${entry.traceID})` : '';
      return `${code}${msg}${trace}`;
    }
    return String(entry);
  });
}

function describeHttpFailure(response: HttpTextResponse, what: string, looksHtml: boolean): string {
  const { status, statusText, body } = response;
  const code = `${status}${statusText ? ` ${statusText}` : ''}`;
  if (status === 401 || status === 403) {
    return `Jaeger ${what}: access denied (${code}): check the credentials (auth mode, token, user/password) in the datasource settings`;
  }
  // Grafana's datasource proxy turns an upstream 401 into this 400, so the user is not logged out of Grafana.
  if (status === 400 && body.includes('Authentication to data source failed')) {
    return `Jaeger ${what}: access denied (Grafana: Authentication to data source failed): check the credentials (auth mode, token, user/password) in the datasource settings`;
  }
  const jaegerErrors = looksHtml ? [] : bodyErrors(response.body);
  if (jaegerErrors.length > 0) {
    return `Jaeger ${what}: ${jaegerErrors.join('; ')} (${code})`;
  }
  if (status === 404) {
    return `Jaeger ${what}: not found (404): the URL path is wrong or it is not a Jaeger query service (use the base URL, e.g. http://jaeger:16686)`;
  }
  if (status === 502) {
    return `Jaeger ${what}: Grafana could not reach Jaeger (502 Bad Gateway): check the URL, DNS and network from the Grafana server`;
  }
  if (status === 504 || status === 408) {
    return `Jaeger ${what}: timed out (${code}): narrow the time range or lower the limit`;
  }
  const detail = looksHtml ? '' : firstLine(jaegerErrorText(response.body));
  return `Jaeger ${what}: request failed (${code})${detail ? `: ${detail}` : ''}`;
}

/** Jaeger puts failures in `errors` even on non-2xx answers (400 bad parameter, 404 trace not found). */
function bodyErrors(body: string): string[] {
  try {
    const json: unknown = JSON.parse(body);
    return isRecord(json) ? readErrors(json.errors) : [];
  } catch {
    return [];
  }
}

function jaegerErrorText(body: string): string {
  try {
    const json: unknown = JSON.parse(body);
    if (isRecord(json) && typeof json.message === 'string') {
      return json.message;
    }
  } catch {
    // Not JSON: fall back to the text itself.
  }
  return body;
}

function firstLine(text: string): string {
  const line = text.trim().split('\n')[0] ?? '';
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}
