/**
 * Timescale mode's route of a request, through the whole datasource against the Jaeger replay server
 * (real HTTP on 127.0.0.1, recorded Jaeger traces).
 */
import { DataFrame, DataQueryRequest, DataQueryResponse, LoadingState } from '@grafana/data';
import { lastValueFrom, toArray } from 'rxjs';

import { JaegerReplay, startJaegerReplay } from '../../../sandbox/jaeger-replay/src/index';
import { DataflowDataSource } from '../datasource';
import { createDefaultQuery } from '../defaults';
import { createNodeHttpGet } from '../jaeger/nodeHttpGet';
import { DataflowDataSourceOptions, DataflowQuery, JaegerDataflowQuery, TimescaleDataflowQuery } from '../types';
import { JAEGER_LINK_MISSING } from './timescaleRoute';
import { queryRequest } from '../testSupport';

const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);
// genaiTestTrace (Jaeger's recorded test data): 57 spans over 10 services.
const TRACE_ID = '4a1b2c3d4e5f60718293a4b5c6d7e8f9';
let replay: JaegerReplay;

beforeAll(async () => {
  replay = await startJaegerReplay({ shiftToMs: NOW });
});
afterAll(() => replay.close());

function datasource(jsonData: Partial<DataflowDataSourceOptions>): DataflowDataSource {
  return new DataflowDataSource(
    { uid: 'kompas', name: 'Kompas', type: 'kompas-dataflow-datasource', jsonData } as never,
    {
      http: createNodeHttpGet({ maxBytes: 1 << 24 }),
      jaegerBaseUrl: replay.url,
      replace: (target) => target.replace(/\$\{routeTrace\}/g, TRACE_ID),
      now: () => NOW,
      postDsQuery: () => {
        throw new Error('a route query must not read the edge tables');
      },
    }
  );
}

function request(target: DataflowQuery): DataQueryRequest<DataflowQuery> {
  return queryRequest([target], NOW - 3_600_000, NOW);
}

async function run(ds: DataflowDataSource, target: DataflowQuery): Promise<DataQueryResponse[]> {
  return lastValueFrom(ds.query(request(target)).pipe(toArray()));
}

function timescaleQuery(patch: Partial<TimescaleDataflowQuery>): TimescaleDataflowQuery {
  return { ...(createDefaultQuery('timescale') as TimescaleDataflowQuery), refId: 'A', streaming: false, ...patch };
}

/** Frames without the values that depend on which source produced them (none should). */
function shapeOf(frames: DataFrame[]) {
  return frames.map((frame) => ({ name: frame.name, fields: frame.fields.map((f) => [f.name, [...f.values]]) }));
}

describe('Timescale mode: route of one request through the Jaeger beside it', () => {
  const configured = {
    defaultSource: 'timescale' as const,
    jaegerUrl: 'http://jaeger:16686',
    postgresDatasourceUid: 'pg',
  };

  it('returns the same route frames as a Jaeger-mode trace query', async () => {
    const ds = datasource(configured);
    const viaTimescale = await run(ds, timescaleQuery({ traceId: '${routeTrace}' }));
    const viaJaeger = await run(ds, {
      ...(createDefaultQuery('jaeger') as JaegerDataflowQuery),
      refId: 'A',
      queryType: 'trace',
      traceId: TRACE_ID,
    });
    expect(viaTimescale).toHaveLength(1);
    expect(viaTimescale[0].state).toBe(LoadingState.Done);
    const frames = viaTimescale[0].data as DataFrame[];
    expect(frames.map((f) => f.name)).toEqual(['nodes', 'edges', 'route']);
    const route = frames[2];
    expect(route.length).toBeGreaterThan(5);
    expect(route.fields.find((f) => f.name === 'trace_id')?.values[0]).toBe(TRACE_ID);
    expect(shapeOf(frames)).toEqual(shapeOf(viaJaeger[0].data as DataFrame[]));
    expect(replay.requests.some((r) => r.path === `/api/traces/${TRACE_ID}`)).toBe(true);
  });

  it('says what to configure when no Jaeger URL is set beside the PostgreSQL datasource', async () => {
    const responses = await run(
      datasource({ defaultSource: 'timescale', postgresDatasourceUid: 'pg' }),
      timescaleQuery({ traceId: TRACE_ID })
    );
    expect(responses[0].state).toBe(LoadingState.Error);
    expect(responses[0].errors?.[0]?.message).toBe(JAEGER_LINK_MISSING);
  });

  it('names the request id it could not find', async () => {
    const responses = await run(datasource(configured), timescaleQuery({ traceId: 'req-404', services: ['api-edge'] }));
    expect(responses[0].errors?.[0]?.message).toBe('No trace with id or http.request_id="req-404" in this time range');
  });

  it('an unset route variable gives no data rather than the whole map', async () => {
    const ds = new DataflowDataSource({ uid: 'k', name: 'K', type: 't', jsonData: configured } as never, {
      http: createNodeHttpGet({ maxBytes: 1 << 20 }),
      jaegerBaseUrl: replay.url,
      replace: (target) => target,
      postDsQuery: () => {
        throw new Error('must not run');
      },
    });
    const responses = await run(ds, timescaleQuery({ traceId: '${routeTrace}' }));
    expect(responses).toEqual([{ data: [], key: 'A', state: LoadingState.Done }]);
  });
});
