/** The services the collector has seen (kompas.nodes), for `services()` variables in Timescale mode. */
import { Observable, catchError, map, throwError } from 'rxjs';

import { DataflowError } from '../errors';
import { PostDsQuery, queryTables, timescaleErrorMessage } from './dsQuery';

const SERVICES_SQL = "SELECT service FROM kompas.nodes WHERE kind = 'service' ORDER BY service";

export function listTimescaleServices(
  postDsQuery: PostDsQuery,
  uid: string | undefined,
  nowMs: number
): Observable<string[]> {
  if (!uid) {
    return throwError(
      () =>
        new DataflowError(
          'Timescale mode: not configured (choose the PostgreSQL datasource in the datasource settings)'
        )
    );
  }
  // The node list has no time column; the range only satisfies /api/ds/query.
  return queryTables(postDsQuery, uid, [{ refId: 'services', sql: SERVICES_SQL }], nowMs - 60_000, nowMs).pipe(
    map((tables) => {
      const column = tables.get('services')?.fields[0];
      return column ? Array.from(column.values as ArrayLike<unknown>, String) : [];
    }),
    catchError((error: unknown) => throwError(() => new DataflowError(timescaleErrorMessage(error))))
  );
}
