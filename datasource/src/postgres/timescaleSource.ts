/**
 * The Timescale source: edge aggregates read through the Grafana PostgreSQL datasource chosen by UID,
 * so the Grafana server runs the SQL (and alert rules can use the same tables).
 */
import { DataFrame, DataQueryResponse } from '@grafana/data';
import { Observable, throwError } from 'rxjs';

import { DataflowError } from '../errors';
import { Graph } from '../graph/servicegraph';
import { TimescaleDataflowQuery } from '../types';

export interface TimescaleRunContext {
  refId: string;
  fromMs: number;
  toMs: number;
  postgresDatasourceUid?: string;
  toFrames: (graph: Graph) => DataFrame[];
}

export function runTimescaleQuery(_query: TimescaleDataflowQuery, ctx: TimescaleRunContext): Observable<DataQueryResponse> {
  if (!ctx.postgresDatasourceUid) {
    return throwError(() => new DataflowError('Timescale mode: not configured (choose the PostgreSQL datasource in the datasource settings)'));
  }
  return throwError(() => new DataflowError('Timescale mode: not configured (the SQL builder is not available in this build)'));
}
