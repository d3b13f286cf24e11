/**
 * Helpers for the real-PostgreSQL tests of Timescale mode (not shipped: only *.test.ts files import this).
 * They run under jsdom (which @grafana/data needs) and use the sandbox's /api/ds/query runner as Grafana.
 */
import * as nodeTimers from 'timers';
import { BackendSrv, BackendSrvRequest, FetchResponse } from '@grafana/runtime';
import { Observable, from, map } from 'rxjs';

import { PostgresQueryRunner } from '../../../sandbox/server/postgresQuery';
import { StoredDataSource } from '../../../sandbox/server/datasourceStore';

/** A Grafana PostgreSQL datasource (as the sandbox stores it) on the database at `databaseUrl`. */
export function postgresDataSource(databaseUrl: string, uid = 'pg'): StoredDataSource {
  const url = new URL(databaseUrl);
  const database = decodeURIComponent(url.pathname.slice(1));
  return {
    uid,
    name: 'Kompas PostgreSQL',
    type: 'grafana-postgresql-datasource',
    url: url.host,
    access: 'proxy',
    isDefault: false,
    basicAuth: false,
    basicAuthUser: '',
    user: decodeURIComponent(url.username),
    database,
    jsonData: { database },
    secureJsonData: {},
  };
}

/** Grafana's BackendSrv contract for /api/ds/query: 200 → response, otherwise a FetchError with the body. */
export function runnerBackendSrv(runner: PostgresQueryRunner, dataSource: () => StoredDataSource): BackendSrv {
  return {
    fetch: <T>(options: BackendSrvRequest): Observable<FetchResponse<T>> =>
      from(runner.run(dataSource(), options.data)).pipe(
        map((result) => {
          if (result.status !== 200) {
            throw { status: result.status, statusText: 'Bad Request', data: result.body };
          }
          return { data: result.body as T, status: 200 } as FetchResponse<T>;
        })
      ),
  } as unknown as BackendSrv;
}

/**
 * The collector is a Node service; jsdom's timers lack Node's `unref`. The collector gets Node's timers
 * while `work` runs.
 */
export async function withNodeTimers<T>(work: () => Promise<T>): Promise<T> {
  const saved = { setTimeout, clearTimeout, setInterval, clearInterval };
  const { setTimeout: st, clearTimeout: ct, setInterval: si, clearInterval: ci } = nodeTimers;
  Object.assign(globalThis, { setTimeout: st, clearTimeout: ct, setInterval: si, clearInterval: ci });
  try {
    return await work();
  } finally {
    Object.assign(globalThis, saved);
  }
}
