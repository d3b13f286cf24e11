/**
 * Runs one SQL statement through a Grafana datasource with `/api/ds/query` (the Grafana server runs it).
 * The answer is Grafana's `{ results: { [refId]: { frames, error } } }`; errors come back as one line.
 */
import { DataFrame, DataFrameJSON, dataFrameFromJSON } from '@grafana/data';
import { BackendSrv, FetchError } from '@grafana/runtime';
import { Observable, catchError, map, throwError } from 'rxjs';

import { DataflowError, isRecord, toUserMessage } from '../errors';

export interface DsQueryBody {
  queries: Array<{ refId: string; datasource: { uid: string; type: string }; rawSql: string; format: 'table' }>;
  from: string;
  to: string;
}

/** POSTs a body to /api/ds/query and gives the JSON answer; injectable for tests. */
export type PostDsQuery = (body: DsQueryBody) => Observable<unknown>;

export const POSTGRES_TYPE = 'grafana-postgresql-datasource';

export function createBackendSrvDsQuery(backendSrv: () => BackendSrv): PostDsQuery {
  return (body) =>
    backendSrv()
      .fetch<unknown>({ url: '/api/ds/query', method: 'POST', data: body, showErrorAlert: false })
      .pipe(
        map((response) => response.data),
        catchError((error: unknown) =>
          throwError(() => new DataflowError(`Timescale mode: ${fetchErrorMessage(error)}`))
        )
      );
}

/** The frames of one refId, or the error Grafana reported for it. */
export function readDsQueryFrames(answer: unknown, refId: string): DataFrameJSON[] {
  const result = isRecord(answer) && isRecord(answer.results) ? answer.results[refId] : undefined;
  if (!isRecord(result)) {
    throw new DataflowError(`Timescale mode: the PostgreSQL datasource returned no result for query ${refId}`);
  }
  if (typeof result.error === 'string' && result.error) {
    throw new DataflowError(`Timescale mode: ${result.error.split('\n')[0]}`);
  }
  return Array.isArray(result.frames) ? (result.frames as DataFrameJSON[]) : [];
}

function fetchErrorMessage(error: unknown): string {
  const fetchError = error as Partial<FetchError>;
  const data = fetchError.data;
  if (isRecord(data) && isRecord(data.results)) {
    const first = Object.values(data.results).find((r) => isRecord(r) && typeof r.error === 'string');
    if (isRecord(first) && typeof first.error === 'string') {
      return first.error.split('\n')[0];
    }
  }
  if (isRecord(data) && typeof data.message === 'string') {
    return `${data.message}${fetchError.status ? ` (${fetchError.status})` : ''}`;
  }
  if (fetchError.status === 404) {
    return 'the PostgreSQL datasource was not found (404): choose it again in the datasource settings';
  }
  return `the query failed${fetchError.status ? ` (${fetchError.status})` : ''}`;
}

/** One statement of a /api/ds/query request, named by its refId. */
export interface SqlStatement {
  refId: string;
  sql: string;
}

/**
 * Runs several statements in one /api/ds/query request (the Grafana server runs them together) and gives
 * the first frame of each, by refId, as a DataFrame (an empty table when a statement returned none).
 */
export function queryTables(
  postDsQuery: PostDsQuery,
  uid: string,
  statements: SqlStatement[],
  fromMs: number,
  toMs: number
): Observable<Map<string, DataFrame>> {
  return postDsQuery({
    queries: statements.map((s) => ({ refId: s.refId, datasource: { uid, type: POSTGRES_TYPE }, rawSql: s.sql, format: 'table' })),
    from: String(Math.floor(fromMs)),
    to: String(Math.ceil(toMs)),
  }).pipe(
    map(
      (answer) =>
        new Map(
          statements.map((s) => [s.refId, readDsQueryFrames(answer, s.refId).map((json) => dataFrameFromJSON(json))[0] ?? EMPTY_TABLE])
        )
    )
  );
}

const EMPTY_TABLE: DataFrame = { fields: [], length: 0 };

/** A user message that says it came from Timescale mode (once). */
export function timescaleErrorMessage(error: unknown): string {
  const message = toUserMessage(error);
  return message.startsWith('Timescale mode:') ? message : `Timescale mode: ${message}`;
}
