/**
 * Timescale mode end to end on real parts: demo-shop spans → the real collector → PostgreSQL, then the
 * datasource's SQL through a Grafana-shaped /api/ds/query (the sandbox's PostgreSQL runner) → frames.
 */
import { DataFrame, LoadingState } from '@grafana/data';
import { lastValueFrom, toArray } from 'rxjs';

import { createShop } from '../../../demo/src/shop';
import { startCollector } from '../../../collector/src/service';
import { sendSpans, testCollectorConfig } from '../../../collector/src/testing/collectorHarness';
import { PostgresQueryRunner } from '../../../sandbox/server/postgresQuery';
import { StoredDataSource } from '../../../sandbox/server/datasourceStore';
import { setupTestPostgres } from '../../../testkit/jest';
import { createDefaultQuery } from '../defaults';
import { toNodeGraphFrames } from '../graph/servicegraph';
import { TimescaleDataflowQuery } from '../types';
import { checkTimescaleHealth } from './checkTimescaleHealth';
import { createBackendSrvDsQuery } from './dsQuery';
import { runTimescaleQuery } from './timescaleSource';
import { postgresDataSource, runnerBackendSrv, withNodeTimers } from './testSupport';

const handle = setupTestPostgres();
jest.setTimeout(120_000);

const START = Date.UTC(2026, 10, 23, 8, 0, 0);
const runner = new PostgresQueryRunner();
let postgres: StoredDataSource;

const backendSrv = () => runnerBackendSrv(runner, () => postgres);

beforeAll(async () => {
  const url = new URL(await handle.pg.createDatabase());
  await withNodeTimers(async () => {
    const collector = await startCollector(testCollectorConfig(url.toString()), {
      processMetrics: false,
      log: () => undefined,
    });
    const spans = createShop({ seed: 7, ratePerSecond: 3, diurnal: false }).spansBetween(START, START + 60_000);
    for (let i = 0; i < spans.length; i += 2000) {
      expect((await sendSpans(collector.url, spans.slice(i, i + 2000), 'protobuf')).status).toBe(200);
    }
    await collector.stop();
  });
  postgres = postgresDataSource(url.toString());
});
afterAll(() => runner.close());

function run(query: TimescaleDataflowQuery, uid = 'pg') {
  return lastValueFrom(
    runTimescaleQuery(query, {
      refId: 'T',
      fromMs: START,
      toMs: START + 5 * 60_000,
      postgresDatasourceUid: uid,
      postDsQuery: createBackendSrvDsQuery(backendSrv),
      toFrames: (graph) => toNodeGraphFrames(graph, { refId: 'T' }),
    }).pipe(toArray())
  );
}

function edgeIds(frames: DataFrame[]): unknown[] {
  return frames.find((f) => f.name === 'edges')?.fields.find((f) => f.name === 'id')?.values ?? [];
}

describe('Timescale mode through /api/ds/query on real PostgreSQL', () => {
  it('shows the edges the collector stored', async () => {
    const [response] = await run(createDefaultQuery('timescale') as TimescaleDataflowQuery);
    expect(response.state).toBe(LoadingState.Done);
    expect(edgeIds(response.data)).toEqual(expect.arrayContaining(['payments->payments-db#database']));
  });

  it('filters by service and keeps the top N', async () => {
    const query = { ...(createDefaultQuery('timescale') as TimescaleDataflowQuery), services: ['payments'], topN: 1 };
    const [response] = await run(query);
    const ids = edgeIds(response.data) as string[];
    expect(ids).toHaveLength(1);
    expect(ids[0]).toContain('payments');
  });

  it('passes a hostile service filter as data', async () => {
    const query = {
      ...(createDefaultQuery('timescale') as TimescaleDataflowQuery),
      services: ["x'); DROP TABLE kompas.edges; --"],
    };
    const [response] = await run(query);
    expect(edgeIds(response.data)).toEqual([]);
    const [again] = await run(createDefaultQuery('timescale') as TimescaleDataflowQuery);
    expect(edgeIds(again.data).length).toBeGreaterThan(5);
  });

  it('returns a timeline of 10 s steps with the stored minute in its first six steps (replay)', async () => {
    const [response] = await run({ ...(createDefaultQuery('timescale') as TimescaleDataflowQuery), timeline: true });
    const timeline = response.data.find((f: DataFrame) => f.name === 'timeline');
    const field = (name: string) => timeline?.fields.find((f: DataFrame['fields'][number]) => f.name === name)?.values;
    const times = [...new Set(field('time') as number[])].sort((a, b) => a - b);
    expect(times.map((t) => (t - START) / 1000)).toEqual([0, 10, 20, 30, 40, 50]);
    const ids = field('edge_id') as string[];
    expect(ids).toEqual(expect.arrayContaining(['payments->payments-db#database']));
    expect(edgeIds(response.data).length).toBeGreaterThan(5);
  });

  it('reports a database error as one line', async () => {
    const broken = { ...postgres, jsonData: { ...postgres.jsonData, database: 'no_such_db' }, uid: 'broken' };
    const saved = postgres;
    postgres = broken;
    try {
      await expect(run(createDefaultQuery('timescale') as TimescaleDataflowQuery, 'broken')).rejects.toThrow(
        /^Timescale mode: database "no_such_db" does not exist$/
      );
    } finally {
      postgres = saved;
    }
  });

  it('says when no PostgreSQL datasource is chosen', async () => {
    await expect(run(createDefaultQuery('timescale') as TimescaleDataflowQuery, '')).rejects.toThrow(
      'Timescale mode: not configured (choose the PostgreSQL datasource in the datasource settings)'
    );
  });
});

describe('Timescale health check', () => {
  it('counts the known edges, and names a missing schema', async () => {
    const ok = await checkTimescaleHealth(createBackendSrvDsQuery(backendSrv), 'pg');
    expect(ok.status).toBe('success');
    expect(ok.message).toMatch(/^Timescale mode: Kompas tables found \(\d+ edges known\)$/);
    const saved = postgres;
    postgres = { ...postgres, uid: 'empty', jsonData: { ...postgres.jsonData, database: 'postgres' } };
    try {
      expect(await checkTimescaleHealth(createBackendSrvDsQuery(backendSrv), 'empty')).toEqual({
        status: 'error',
        message: 'Timescale mode: relation "kompas.edges" does not exist',
      });
    } finally {
      postgres = saved;
    }
  });
});
