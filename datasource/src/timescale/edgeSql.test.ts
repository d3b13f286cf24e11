import { buildEdgeSql, chooseResolution, coverRange, planEdgeSql } from './edgeSql';
import { quoteText, SqlValueError } from './sqlLiteral';

const HOUR = 3_600_000;
const range = { fromMs: Date.UTC(2026, 10, 22, 12, 0, 5), toMs: Date.UTC(2026, 10, 23, 12, 0, 5) };

describe('chooseResolution', () => {
  it('reads the coarsest table that still resolves the range', () => {
    expect(chooseResolution({ fromMs: 0, toMs: 15 * 60_000 })).toBe('10s');
    expect(chooseResolution({ fromMs: 0, toMs: 15 * 60_000 + 1 })).toBe('1m');
    expect(chooseResolution({ fromMs: 0, toMs: 3 * HOUR })).toBe('1m');
    expect(chooseResolution({ fromMs: 0, toMs: 24 * HOUR })).toBe('1h');
  });
});

describe('coverRange', () => {
  it('reads whole 6 h buckets inside a long range and 1 h buckets at its ends', () => {
    const h = (hours: number) => Date.UTC(2026, 10, 22) + hours * HOUR;
    expect(coverRange({ fromMs: h(3.5), toMs: h(27.2) }, '1h')).toEqual([
      { table: '1h', fromMs: h(3), toMs: h(6) },
      { table: '6h', fromMs: h(6), toMs: h(24) },
      { table: '1h', fromMs: h(24), toMs: h(28) },
    ]);
    expect(coverRange({ fromMs: h(6), toMs: h(12) }, '1h')).toEqual([{ table: '6h', fromMs: h(6), toMs: h(12) }]);
    expect(coverRange({ fromMs: h(7), toMs: h(11.5) }, '1h')).toEqual([{ table: '1h', fromMs: h(7), toMs: h(12) }]);
    expect(coverRange({ fromMs: 12_345, toMs: 60_001 }, '10s')).toEqual([{ table: '10s', fromMs: 10_000, toMs: 70_000 }]);
  });
});

describe('planEdgeSql', () => {
  it('aligns the range start to the bucket and reports the covered range', () => {
    const plan = planEdgeSql({}, range);
    expect(plan.resolution).toBe('1h');
    expect(plan.coveredFromMs).toBe(Date.UTC(2026, 10, 22, 12, 0, 0));
    expect(plan.coveredToMs).toBe(range.toMs);
    expect(plan.sql).toContain(
      "FROM kompas.edge_buckets_6h b\n  WHERE b.bucket >= '2026-11-22T12:00:00.000Z'::timestamptz AND b.bucket < '2026-11-23T12:00:00.000Z'::timestamptz"
    );
    expect(plan.sql).toContain(
      "FROM kompas.edge_buckets_1h b\n  WHERE b.bucket >= '2026-11-23T12:00:00.000Z'::timestamptz AND b.bucket < '2026-11-23T13:00:00.000Z'::timestamptz"
    );
    expect(plan.sql).toContain('kompas.sketch_unscale(k, 4)');
    expect(plan.sql).not.toContain('LIMIT');
    expect(plan.sql).not.toContain('sketch_quantile');
    expect(buildEdgeSql({}, range, { percentiles: true })).toContain('kompas.sketch_quantile(sk.latency_idx, sk.latency_cnt, 0.95) AS p95_ms');
  });

  it('applies service, connection type and top-N filters', () => {
    const sql = buildEdgeSql({ services: ['checkout', 'cart'], connectionType: 'database', topN: 25 }, range, { resolution: '10s' });
    expect(sql).toContain("b.edge_id IN (SELECT ed.edge_id FROM kompas.edges ed WHERE (ed.client_service = ANY(ARRAY[E'checkout', E'cart']::text[]) OR ed.server_service = ANY(ARRAY[E'checkout', E'cart']::text[])");
    expect(sql).toContain("ed.connection_type = E'database'");
    expect(sql).toContain('LIMIT 25');
    expect(sql).toContain('FROM kompas.edge_buckets_10s b');
    expect(sql).toContain('ORDER BY sum(s.requests) DESC, s.edge_id');
    expect(sql).not.toContain('sketch_unscale');
  });

  it('treats connection type "" as plain edges and undefined as all', () => {
    expect(buildEdgeSql({ connectionType: '' }, range)).toContain("ed.connection_type = E''");
    expect(buildEdgeSql({}, range)).not.toContain('ed.connection_type =');
  });

  it('quotes hostile values so they stay data, and never emits a $ that Grafana could expand', () => {
    const hostile = ["'; DROP TABLE kompas.edges; --", 'back\\slash\\', "\\'; SELECT 1; --", '$__timeFilter(bucket)', '${__from}', '日本語 🚀'];
    const sql = buildEdgeSql({ services: hostile }, range);
    expect(sql).not.toContain('$');
    expect(sql).toContain("E'''; DROP TABLE kompas.edges; --'");
    expect(sql).toContain("E'back\\\\slash\\\\'");
    expect(sql).toContain("E'\\\\''; SELECT 1; --'");
    expect(sql).toContain("E'\\x24__timeFilter(bucket)'");
    expect(sql).toContain("E'日本語 🚀'");
  });

  it('refuses values it cannot express, with a message naming the problem', () => {
    expect(() => buildEdgeSql({ services: ['a\u0000b'] }, range)).toThrow('service filter contains a NUL character');
    expect(() => buildEdgeSql({ connectionType: "x' OR 1=1" }, range)).toThrow(/connection type "x' OR 1=1" is not one of/);
    expect(() => buildEdgeSql({ topN: -1 }, range)).toThrow(/top N must be a whole number/);
    expect(() => buildEdgeSql({ topN: 1.5 }, range)).toThrow(SqlValueError);
    expect(() => buildEdgeSql({}, { fromMs: 10, toMs: 10 })).toThrow(/time range is empty or inverted/);
    expect(() => buildEdgeSql({}, { fromMs: NaN, toMs: 10 })).toThrow(SqlValueError);
    expect(() => buildEdgeSql({}, range, { schema: 'kompas; DROP' })).toThrow(/plain lower-case identifier/);
  });

  it('ignores empty service names from an empty multi-value variable', () => {
    expect(buildEdgeSql({ services: [''] }, range)).not.toContain('ANY(');
  });
});

describe('quoteText', () => {
  it('doubles quotes and escapes backslashes inside an escape string', () => {
    expect(quoteText("it's")).toBe("E'it''s'");
    expect(quoteText('a\\b')).toBe("E'a\\\\b'");
    expect(quoteText('$1')).toBe("E'\\x241'");
  });
});
