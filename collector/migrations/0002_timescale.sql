-- TimescaleDB extras, applied only where the extension is available (a no-op on plain PostgreSQL).
-- Hypertables with one-day chunks (a 1-hour table gets 30-day chunks), compression segmented by edge,
-- retention per resolution, and a daily continuous aggregate (counts and latency sums, no sketches) for
-- long-range dashboards and alert rules. Written for TimescaleDB 2.13+; not exercised by the tests here.
-- The 10 s / 1 min / 1 h tables stay ordinary upsert targets written by the collector, so the same
-- queries work on both databases.
DO $migration$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb') THEN
    RAISE NOTICE 'kompas: timescaledb not available, keeping plain tables';
    RETURN;
  END IF;
  CREATE EXTENSION IF NOT EXISTS timescaledb;

  PERFORM create_hypertable('kompas.edge_buckets_10s', 'bucket', chunk_time_interval => interval '1 day',
                            if_not_exists => true, migrate_data => true);
  PERFORM create_hypertable('kompas.edge_buckets_1m', 'bucket', chunk_time_interval => interval '7 days',
                            if_not_exists => true, migrate_data => true);
  PERFORM create_hypertable('kompas.edge_buckets_1h', 'bucket', chunk_time_interval => interval '30 days',
                            if_not_exists => true, migrate_data => true);

  ALTER TABLE kompas.edge_buckets_10s SET (timescaledb.compress,
    timescaledb.compress_segmentby = 'edge_id',
    timescaledb.compress_orderby = 'bucket');
  ALTER TABLE kompas.edge_buckets_1m SET (timescaledb.compress,
    timescaledb.compress_segmentby = 'edge_id',
    timescaledb.compress_orderby = 'bucket');
  ALTER TABLE kompas.edge_buckets_1h SET (timescaledb.compress,
    timescaledb.compress_segmentby = 'edge_id',
    timescaledb.compress_orderby = 'bucket');

  PERFORM add_compression_policy('kompas.edge_buckets_10s', interval '2 days', if_not_exists => true);
  PERFORM add_compression_policy('kompas.edge_buckets_1m', interval '14 days', if_not_exists => true);
  PERFORM add_compression_policy('kompas.edge_buckets_1h', interval '60 days', if_not_exists => true);
  PERFORM add_retention_policy('kompas.edge_buckets_10s', interval '14 days', if_not_exists => true);
  PERFORM add_retention_policy('kompas.edge_buckets_1m', interval '90 days', if_not_exists => true);
  PERFORM add_retention_policy('kompas.edge_buckets_1h', interval '3 years', if_not_exists => true);

  -- WITH NO DATA lets the view be created inside this transaction; the policy fills it.
  IF to_regclass('kompas.edge_buckets_1d') IS NULL THEN
    EXECUTE $view$
      CREATE MATERIALIZED VIEW kompas.edge_buckets_1d WITH (timescaledb.continuous) AS
      SELECT time_bucket(interval '1 day', bucket) AS bucket, edge_id,
             sum(requests) AS requests, sum(failed) AS failed, sum(latency_sum_ms) AS latency_sum_ms
      FROM kompas.edge_buckets_1h
      GROUP BY 1, 2
      WITH NO DATA
    $view$;
    PERFORM add_continuous_aggregate_policy('kompas.edge_buckets_1d', start_offset => interval '3 days',
                                            end_offset => interval '1 hour', schedule_interval => interval '1 hour');
  END IF;
END
$migration$;
