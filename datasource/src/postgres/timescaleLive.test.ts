import { DataQueryResponse, LoadingState } from '@grafana/data';
import { Observable, of, throwError } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';

import { createDefaultQuery } from '../defaults';
import { toNodeGraphFrames } from '../graph/servicegraph';
import { TimescaleDataflowQuery } from '../types';
import { DsQueryBody } from './dsQuery';
import { streamTimescale } from './timescaleLive';

const START = Date.UTC(2026, 10, 23, 12, 0, 0);

/**
 * A /api/ds/query answer from a fake edge table: one request on orders -> payments in every 10 s bucket (six
 * in every minute bucket), for the buckets each statement's WHERE asks for.
 */
function answer(body: DsQueryBody): unknown {
  const results: Record<string, unknown> = {};
  for (const q of body.queries) {
    const [, from, to] = /b\.bucket >= '([^']+)'::timestamptz AND b\.bucket < '([^']+)'/.exec(q.rawSql) ?? [];
    const step = q.rawSql.includes('edge_buckets_1m') ? 60_000 : 10_000;
    const buckets: number[] = [];
    for (let t = Date.parse(from); t < Date.parse(to); t += step) {
      buckets.push(t);
    }
    results[q.refId] = {
      frames: [
        {
          schema: { fields: [{ name: 'bucket' }, { name: 'source' }, { name: 'target' }, { name: 'requests' }] },
          data: {
            values: [
              buckets,
              buckets.map(() => 'orders'),
              buckets.map(() => 'payments'),
              buckets.map(() => step / 10_000),
            ],
          },
        },
      ],
    };
  }
  return { results };
}

describe('streamTimescale', () => {
  it('streams the held window, reports a failed tick with the last frames, and recovers', () => {
    const scheduler = new TestScheduler(() => undefined);
    const bodies: DsQueryBody[] = [];
    let failNext = false;
    const postDsQuery = (body: DsQueryBody): Observable<unknown> => {
      bodies.push(body);
      if (failNext) {
        failNext = false;
        return throwError(() => new Error('connection refused'));
      }
      return of(answer(body));
    };
    const query = {
      ...(createDefaultQuery('timescale') as TimescaleDataflowQuery),
      refId: 'A',
      streaming: true,
      windowMs: 60_000,
      cadenceMs: 10_000,
    };
    const responses: DataQueryResponse[] = [];
    const subscription = streamTimescale(query, {
      uid: 'pg',
      refId: 'A',
      postDsQuery,
      toFrames: (graph) => toNodeGraphFrames(graph, { refId: 'A' }),
      now: () => START + scheduler.now(),
      scheduler,
    }).subscribe((r) => responses.push(r));
    scheduler.maxFrames = 10_000;
    scheduler.flush();
    failNext = true;
    scheduler.maxFrames = 20_000;
    scheduler.flush();
    scheduler.maxFrames = 30_000;
    scheduler.flush();
    subscription.unsubscribe();

    expect(responses.map((r) => r.state)).toEqual([
      LoadingState.Streaming,
      LoadingState.Streaming,
      LoadingState.Error,
      LoadingState.Streaming,
    ]);
    expect(responses[2].errors?.[0]?.message).toBe('Timescale mode: connection refused');
    expect(responses[2].data).toBe(responses[1].data);
    // First tick: the baseline's minute history and the window; then one statement per tick.
    expect(bodies.map((b) => b.queries.length)).toEqual([2, 1, 1, 1]);
    const requests = (r: DataQueryResponse) =>
      r.data
        .find((f: { name?: string }) => f.name === 'edges')
        ?.fields.find((f: { name: string }) => f.name === 'requests')?.values[0];
    // Six 10 s buckets of one request in each 60 s window: re-read buckets replace what was held, never add.
    expect(responses.map(requests)).toEqual([6, 6, 6, 6]);
    expect(bodies[1].queries[0].rawSql).toContain(`b.bucket >= '${new Date(START - 50_000).toISOString()}'`);
  });
});
