/** A Grafana dashboard query request for datasource tests (not shipped: only *.test.ts files import this). */
import { DataQueryRequest, dateTime } from '@grafana/data';

import { DataflowQuery } from './types';

export function queryRequest(targets: DataflowQuery[], fromMs: number, toMs: number): DataQueryRequest<DataflowQuery> {
  return {
    targets,
    range: { from: dateTime(fromMs), to: dateTime(toMs), raw: { from: dateTime(fromMs), to: dateTime(toMs) } },
    requestId: 'r1',
    interval: '1s',
    intervalMs: 1000,
    scopedVars: {},
    timezone: 'utc',
    app: 'dashboard',
    startTime: toMs,
  };
}
