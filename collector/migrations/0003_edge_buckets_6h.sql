-- A 6-hour rollup. Long ranges are read as 6 h buckets inside the range plus 1 h buckets at its ends,
-- which cuts the rows a 24 h query merges about threefold (the sketch merge is what dominates its time).
-- Same columns and sketch coarsening as the 1 h table.

CREATE TABLE IF NOT EXISTS kompas.edge_buckets_6h (LIKE kompas.edge_buckets_1h INCLUDING ALL);
CREATE INDEX IF NOT EXISTS edge_buckets_6h_edge_idx ON kompas.edge_buckets_6h (edge_id, bucket);

CREATE OR REPLACE FUNCTION kompas.sketch_scale(resolution text) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE resolution WHEN '1h' THEN 4 WHEN '6h' THEN 4 ELSE 1 END
$$;

CREATE OR REPLACE VIEW kompas.edge_stats_6h AS
  SELECT b.bucket, e.client_service, e.server_service, e.connection_type, b.requests, b.failed,
         b.latency_sum_ms, b.latency_idx, b.latency_cnt
  FROM kompas.edge_buckets_6h b JOIN kompas.edges e USING (edge_id);

DO $migration$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb') THEN
    RETURN;
  END IF;
  PERFORM create_hypertable('kompas.edge_buckets_6h', 'bucket', chunk_time_interval => interval '90 days',
                            if_not_exists => true, migrate_data => true);
  ALTER TABLE kompas.edge_buckets_6h SET (timescaledb.compress, timescaledb.compress_segmentby = 'edge_id',
                                          timescaledb.compress_orderby = 'bucket');
  PERFORM add_compression_policy('kompas.edge_buckets_6h', interval '60 days', if_not_exists => true);
  PERFORM add_retention_policy('kompas.edge_buckets_6h', interval '3 years', if_not_exists => true);
END
$migration$;
