import type { DataQueryError, PanelData } from '@grafana/data';

/** One readable line per failed query: Grafana puts the text in message, data.message or only a status. */
function describeQueryError(error: DataQueryError): string {
  const text = error.message || error.data?.message || error.data?.error || error.statusText;
  const status = error.status ? `HTTP ${error.status}` : undefined;
  const line = text ?? status ?? 'the query failed';
  return error.refId ? `${error.refId}: ${line}` : line;
}

/** The errors of the last query run as one message, or undefined when it did not fail. */
export function readQueryError(data: Pick<PanelData, 'errors'>): string | undefined {
  const errors = data.errors ?? [];
  if (errors.length === 0) {
    return undefined;
  }
  return [...new Set(errors.map(describeQueryError))].join('; ');
}
