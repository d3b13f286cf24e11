import { planEdgeSeriesSql } from './edgeSeriesSql';
import { SqlValueError } from './sqlLiteral';

const T = Date.UTC(2026, 10, 23, 10, 0, 0);

describe('planEdgeSeriesSql', () => {
  it('reads whole buckets of one table, unmerged, in bucket order', () => {
    const plan = planEdgeSeriesSql({}, { fromMs: T + 4_000, toMs: T + 61_000 }, '10s');
    expect(plan).toMatchObject({ resolution: '10s', bucketMs: 10_000, fromMs: T, toMs: T + 70_000 });
    expect(plan.sql).toContain('FROM kompas.edge_buckets_10s b');
    expect(plan.sql).toContain("b.bucket >= '2026-11-23T10:00:00.000Z'::timestamptz AND b.bucket < '2026-11-23T10:01:10.000Z'::timestamptz");
    expect(plan.sql).toContain('b.latency_idx AS latency_idx');
    expect(plan.sql).toContain('b.lag_idx AS lag_idx, b.lag_cnt');
    expect(plan.sql).toMatch(/ORDER BY b\.bucket, ed\.edge_id$/);
  });

  it('maps coarsened 1 h sketch indexes back to the 1 % scale', () => {
    const plan = planEdgeSeriesSql({}, { fromMs: T, toMs: T + 7_200_000 }, '1h');
    expect(plan.sql).toContain('ARRAY(SELECT kompas.sketch_unscale(k, 4) FROM unnest(b.latency_idx) AS k) AS latency_idx');
    expect(plan.sql).toContain('ARRAY(SELECT kompas.sketch_unscale(k, 4) FROM unnest(b.lag_idx) AS k) AS lag_idx');
  });

  it('quotes service filters and checks the connection type', () => {
    const plan = planEdgeSeriesSql({ services: ["o'brien"], connectionType: 'database' }, { fromMs: T, toMs: T + 1 }, '1m');
    expect(plan.sql).toContain("(ed.client_service = ANY(ARRAY[E'o''brien']::text[]) OR ed.server_service = ANY(ARRAY[E'o''brien']::text[]))");
    expect(plan.sql).toContain("ed.connection_type = E'database'");
    expect(() => planEdgeSeriesSql({ connectionType: 'grpc' }, { fromMs: T, toMs: T + 1 }, '1m')).toThrow(SqlValueError);
    expect(() => planEdgeSeriesSql({}, { fromMs: T, toMs: T }, '1m')).toThrow('time range is empty or inverted');
  });
});
