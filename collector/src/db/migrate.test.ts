/**
 * @jest-environment node
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import { bucketValueMs, createLatencySketch, quantile, recordLatency } from '../../../servicegraph/src/aggregate/latencySketch';
import { setupTestPostgres } from '../../../testkit/jest';
import { loadMigrations, migrate, MigrationError, renderSchema } from './migrate';
import { toSketchArrays } from './sketchArrays';

const handle = setupTestPostgres();

async function withPool<T>(fn: (pool: Pool) => Promise<T>): Promise<T> {
  const pool = new Pool({ connectionString: await handle.pg.createDatabase(), max: 2 });
  try {
    return await fn(pool);
  } finally {
    await pool.end();
  }
}

describe('migrate', () => {
  it('applies every migration once and is a no-op the second time', async () => {
    await withPool(async (pool) => {
      const versions = loadMigrations().map((m) => m.version);
      expect(await migrate(pool)).toEqual({ applied: versions, skipped: [] });
      expect(await migrate(pool)).toEqual({ applied: [], skipped: versions });
      const tables = await pool.query(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'kompas' ORDER BY 1"
      );
      expect(tables.rows.map((r) => r.table_name)).toEqual([
        'collector_checkpoints',
        'edge_buckets_10s',
        'edge_buckets_1h',
        'edge_buckets_1m',
        'edge_buckets_6h',
        'edge_stats_10s',
        'edge_stats_1h',
        'edge_stats_1m',
        'edge_stats_6h',
        'edges',
        'nodes',
        'schema_migrations',
      ]);
    });
  });

  it('survives concurrent runs (advisory lock)', async () => {
    await withPool(async (pool) => {
      const results = await Promise.all([migrate(pool), migrate(pool)]);
      const applied = results.flatMap((r) => r.applied).sort();
      expect(applied).toEqual(loadMigrations().map((m) => m.version));
    });
  });

  it('refuses a migration edited after it was applied', async () => {
    await withPool(async (pool) => {
      await migrate(pool);
      const edited = loadMigrations().map((m, i) => (i === 0 ? { ...m, checksum: 'different' } : m));
      await expect(migrate(pool, edited)).rejects.toThrow(MigrationError);
      await expect(migrate(pool, edited)).rejects.toThrow(/0001_edges\.sql was changed/);
    });
  });

  it('keeps collector/schema.sql in sync with the migrations', () => {
    const onDisk = readFileSync(join(__dirname, '..', '..', 'schema.sql'), 'utf8');
    expect(onDisk).toEqual(renderSchema());
  });
});

describe('SQL sketch functions', () => {
  it('match servicegraph quantiles and merge by summing counts', async () => {
    await withPool(async (pool) => {
      await migrate(pool);
      const a = createLatencySketch();
      const b = createLatencySketch();
      const merged = createLatencySketch();
      const aValues = [1, 2, 3, 250, 0.0001];
      const bValues = [4, 5, 6, 7, 8, 9, 1000, 3];
      aValues.forEach((ms) => recordLatency(a, ms));
      bValues.forEach((ms) => recordLatency(b, ms));
      [...aValues, ...bValues].forEach((ms) => recordLatency(merged, ms));
      const sa = toSketchArrays(a);
      const sb = toSketchArrays(b);
      const { rows } = await pool.query(
        `SELECT m.idx, m.cnt, kompas.sketch_quantile(m.idx, m.cnt, 0.5) AS p50,
                kompas.sketch_quantile(m.idx, m.cnt, 0.95) AS p95, kompas.sketch_quantile(m.idx, m.cnt, 0.99) AS p99,
                kompas.sketch_quantile('{}', '{}', 0.5) AS empty
         FROM kompas.sketch_add($1::int[], $2::bigint[], $3::int[], $4::bigint[]) AS m`,
        [sa.idx, sa.cnt, sb.idx, sb.cnt]
      );
      expect(rows[0].p50).toBeCloseTo(quantile(merged, 0.5), 9);
      expect(rows[0].p95).toBeCloseTo(quantile(merged, 0.95), 9);
      expect(rows[0].p99).toBeCloseTo(quantile(merged, 0.99), 9);
      expect(rows[0].empty).toBe(0);
      const expected = toSketchArrays(merged);
      expect({ idx: rows[0].idx, cnt: rows[0].cnt.map(Number) }).toEqual(expected);
      const value = await pool.query('SELECT kompas.sketch_bucket_value_ms(81) AS v, kompas.sketch_scale($1) AS s', ['1h']);
      expect(value.rows[0].v).toBeCloseTo(bucketValueMs(81), 12);
      expect(value.rows[0].s).toBe(4);
    });
  });
});
