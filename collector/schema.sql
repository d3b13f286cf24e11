-- Kompas schema, generated from collector/migrations by
-- `npx tsx collector/src/migrate.ts --print > collector/schema.sql`.
-- Apply with `tsx collector/src/migrate.ts` (records versions) rather than psql where possible.

-- ==== 0001_edges.sql ====
-- Kompas edge aggregates on plain PostgreSQL 15+ (TimescaleDB extras are in 0002).
--
-- kompas.edges names each (client, server, connection type) once; the aggregate tables hold one row per
-- (bucket start, edge) at three resolutions, so a query reads the coarsest table that still resolves its
-- range (10 s for live views, 1 min for hours, 1 h for days). An integer edge id keeps the big GROUP BYs
-- of range queries on integers instead of three text columns.
--
-- Latency is a DDSketch (servicegraph/src/aggregate/latencySketch.ts, gamma = 1.01/0.99, 1 % relative
-- accuracy) stored as parallel arrays: latency_idx (ascending bucket indexes) and latency_cnt (counts).
-- Rows merge exactly by summing counts per index. Rollups coarsen the index to keep range queries fast:
-- the 1 h table stores floor-divided indexes (see kompas.sketch_scale), i.e. gamma^4, 4 % accuracy.

CREATE SCHEMA IF NOT EXISTS kompas;

CREATE TABLE IF NOT EXISTS kompas.edges (
  edge_id         integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  client_service  text NOT NULL,
  server_service  text NOT NULL,
  connection_type text NOT NULL DEFAULT '',
  UNIQUE (client_service, server_service, connection_type)
);

CREATE TABLE IF NOT EXISTS kompas.edge_buckets_10s (
  bucket         timestamptz      NOT NULL,
  edge_id        integer          NOT NULL REFERENCES kompas.edges (edge_id),
  requests       bigint           NOT NULL,
  failed         bigint           NOT NULL,
  latency_sum_ms double precision NOT NULL,
  latency_idx    integer[]        NOT NULL,
  latency_cnt    bigint[]         NOT NULL,
  PRIMARY KEY (bucket, edge_id)
);
CREATE TABLE IF NOT EXISTS kompas.edge_buckets_1m (LIKE kompas.edge_buckets_10s INCLUDING ALL);
CREATE TABLE IF NOT EXISTS kompas.edge_buckets_1h (LIKE kompas.edge_buckets_10s INCLUDING ALL);

-- Per-edge history ("this edge over the last week") reads by edge first.
CREATE INDEX IF NOT EXISTS edge_buckets_10s_edge_idx ON kompas.edge_buckets_10s (edge_id, bucket);
CREATE INDEX IF NOT EXISTS edge_buckets_1m_edge_idx ON kompas.edge_buckets_1m (edge_id, bucket);
CREATE INDEX IF NOT EXISTS edge_buckets_1h_edge_idx ON kompas.edge_buckets_1h (edge_id, bucket);

-- Node metadata: what kind of node a name is, its group (service.namespace) and when it was seen.
CREATE TABLE IF NOT EXISTS kompas.nodes (
  service    text        PRIMARY KEY,
  kind       text        NOT NULL DEFAULT 'service',
  group_name text,
  first_seen timestamptz NOT NULL,
  last_seen  timestamptz NOT NULL
);

-- Exactly-once bookkeeping: each collector commits its spool position in the same transaction as the
-- counts it adds, so a retried flush is recognised and never double-counts (collector/README.md).
CREATE TABLE IF NOT EXISTS kompas.collector_checkpoints (
  collector_id text        PRIMARY KEY,
  spool_id     text        NOT NULL,
  consumed_seq bigint      NOT NULL,
  updated_at   timestamptz NOT NULL DEFAULT now()
);

-- How many 1 % DDSketch indexes one stored index covers, per table resolution.
CREATE OR REPLACE FUNCTION kompas.sketch_scale(resolution text) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE resolution WHEN '1h' THEN 4 ELSE 1 END
$$;

-- Sum of two sketches (counts added per index); used by the collector's upserts.
CREATE OR REPLACE FUNCTION kompas.sketch_add(a_idx integer[], a_cnt bigint[], b_idx integer[], b_cnt bigint[],
                                             OUT idx integer[], OUT cnt bigint[])
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(k ORDER BY k), '{}'), coalesce(array_agg(n ORDER BY k), '{}')
  FROM (
    SELECT k, sum(n)::bigint AS n
    FROM (SELECT * FROM unnest(a_idx, a_cnt) UNION ALL SELECT * FROM unnest(b_idx, b_cnt)) AS parts(k, n)
    GROUP BY k
  ) AS summed
$$;

-- The latency a DDSketch reports for 1 %-index i: gamma^i * 2 / (1 + gamma).
CREATE OR REPLACE FUNCTION kompas.sketch_bucket_value_ms(idx integer) RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT power(1.0202020202020203::double precision, idx) * 2 / (1 + 1.0202020202020203::double precision)
$$;

-- A stored index at `scale` back on the 1 % scale: the middle of the indexes it covers.
CREATE OR REPLACE FUNCTION kompas.sketch_unscale(idx integer, scale integer) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT idx * scale + scale / 2
$$;

-- Quantile q (0..1) by nearest rank, as servicegraph's quantile(): the value of the first bucket whose
-- running count exceeds ceil(q * count) - 1. idx must be on the 1 % scale; 0 for an empty sketch.
CREATE OR REPLACE FUNCTION kompas.sketch_quantile(idx integer[], cnt bigint[], q double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  WITH running AS (
    SELECT k, sum(n) OVER (ORDER BY k) AS upto, sum(n) OVER () AS total FROM unnest(idx, cnt) AS b(k, n)
  )
  SELECT coalesce(
    (SELECT kompas.sketch_bucket_value_ms(k) FROM running
     WHERE upto > greatest(0, ceil(greatest(0, least(1, q)) * total) - 1) ORDER BY k LIMIT 1),
    0)
$$;

-- Named views for people writing their own SQL and alert rules.
CREATE OR REPLACE VIEW kompas.edge_stats_10s AS
  SELECT b.bucket, e.client_service, e.server_service, e.connection_type, b.requests, b.failed,
         b.latency_sum_ms, b.latency_idx, b.latency_cnt
  FROM kompas.edge_buckets_10s b JOIN kompas.edges e USING (edge_id);
CREATE OR REPLACE VIEW kompas.edge_stats_1m AS
  SELECT b.bucket, e.client_service, e.server_service, e.connection_type, b.requests, b.failed,
         b.latency_sum_ms, b.latency_idx, b.latency_cnt
  FROM kompas.edge_buckets_1m b JOIN kompas.edges e USING (edge_id);
CREATE OR REPLACE VIEW kompas.edge_stats_1h AS
  SELECT b.bucket, e.client_service, e.server_service, e.connection_type, b.requests, b.failed,
         b.latency_sum_ms, b.latency_idx, b.latency_cnt
  FROM kompas.edge_buckets_1h b JOIN kompas.edges e USING (edge_id);

-- ==== 0002_timescale.sql ====
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

-- ==== 0003_edge_buckets_6h.sql ====
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

-- ==== 0004_edge_exemplars.sql ====
-- An example request per edge and bucket (issue 8, "show an example request"): the trace id of the slowest
-- request the bucket counted, and its latency so merges keep the slowest. Ties go to the smaller trace id,
-- as servicegraph's edge windows do, so the choice does not depend on the order of flushes. Both are NULL
-- for rows written before this migration and for edges whose spans carry no trace id.

-- One column per statement: TimescaleDB's compressed hypertables accept ADD COLUMN one at a time.
ALTER TABLE kompas.edge_buckets_10s ADD COLUMN IF NOT EXISTS exemplar_trace_id text;
ALTER TABLE kompas.edge_buckets_10s ADD COLUMN IF NOT EXISTS exemplar_latency_ms double precision;
ALTER TABLE kompas.edge_buckets_1m ADD COLUMN IF NOT EXISTS exemplar_trace_id text;
ALTER TABLE kompas.edge_buckets_1m ADD COLUMN IF NOT EXISTS exemplar_latency_ms double precision;
ALTER TABLE kompas.edge_buckets_1h ADD COLUMN IF NOT EXISTS exemplar_trace_id text;
ALTER TABLE kompas.edge_buckets_1h ADD COLUMN IF NOT EXISTS exemplar_latency_ms double precision;
ALTER TABLE kompas.edge_buckets_6h ADD COLUMN IF NOT EXISTS exemplar_trace_id text;
ALTER TABLE kompas.edge_buckets_6h ADD COLUMN IF NOT EXISTS exemplar_latency_ms double precision;

-- The named views gain the exemplar (new columns go last, which CREATE OR REPLACE VIEW allows).
CREATE OR REPLACE VIEW kompas.edge_stats_10s AS
  SELECT b.bucket, e.client_service, e.server_service, e.connection_type, b.requests, b.failed,
         b.latency_sum_ms, b.latency_idx, b.latency_cnt, b.exemplar_trace_id, b.exemplar_latency_ms
  FROM kompas.edge_buckets_10s b JOIN kompas.edges e USING (edge_id);
CREATE OR REPLACE VIEW kompas.edge_stats_1m AS
  SELECT b.bucket, e.client_service, e.server_service, e.connection_type, b.requests, b.failed,
         b.latency_sum_ms, b.latency_idx, b.latency_cnt, b.exemplar_trace_id, b.exemplar_latency_ms
  FROM kompas.edge_buckets_1m b JOIN kompas.edges e USING (edge_id);
CREATE OR REPLACE VIEW kompas.edge_stats_1h AS
  SELECT b.bucket, e.client_service, e.server_service, e.connection_type, b.requests, b.failed,
         b.latency_sum_ms, b.latency_idx, b.latency_cnt, b.exemplar_trace_id, b.exemplar_latency_ms
  FROM kompas.edge_buckets_1h b JOIN kompas.edges e USING (edge_id);
CREATE OR REPLACE VIEW kompas.edge_stats_6h AS
  SELECT b.bucket, e.client_service, e.server_service, e.connection_type, b.requests, b.failed,
         b.latency_sum_ms, b.latency_idx, b.latency_cnt, b.exemplar_trace_id, b.exemplar_latency_ms
  FROM kompas.edge_buckets_6h b JOIN kompas.edges e USING (edge_id);

-- Whether a (latency, trace id) exemplar beats the current one: slower wins, ties go to the smaller trace id.
CREATE OR REPLACE FUNCTION kompas.exemplar_wins(new_ms double precision, new_id text,
                                                cur_ms double precision, cur_id text) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT new_id IS NOT NULL AND (cur_id IS NULL OR new_ms > cur_ms OR (new_ms = cur_ms AND new_id < cur_id))
$$;

-- ==== 0005_edge_lag.sql ====
-- Consumer lag of messaging edges (issue 8): how long messages waited in the broker (consumer start minus
-- producer end, servicegraph's messagingLagMs), as a sketch in the same form and scale as latency
-- (lag_idx / lag_cnt, coarsened like latency_idx in the 1 h and 6 h tables). NULL on edges without a lag
-- (request/response and database edges), so they cost nothing.

-- One column per statement: TimescaleDB's compressed hypertables accept ADD COLUMN one at a time.
ALTER TABLE kompas.edge_buckets_10s ADD COLUMN IF NOT EXISTS lag_idx integer[];
ALTER TABLE kompas.edge_buckets_10s ADD COLUMN IF NOT EXISTS lag_cnt bigint[];
ALTER TABLE kompas.edge_buckets_1m ADD COLUMN IF NOT EXISTS lag_idx integer[];
ALTER TABLE kompas.edge_buckets_1m ADD COLUMN IF NOT EXISTS lag_cnt bigint[];
ALTER TABLE kompas.edge_buckets_1h ADD COLUMN IF NOT EXISTS lag_idx integer[];
ALTER TABLE kompas.edge_buckets_1h ADD COLUMN IF NOT EXISTS lag_cnt bigint[];
ALTER TABLE kompas.edge_buckets_6h ADD COLUMN IF NOT EXISTS lag_idx integer[];
ALTER TABLE kompas.edge_buckets_6h ADD COLUMN IF NOT EXISTS lag_cnt bigint[];

CREATE OR REPLACE VIEW kompas.edge_stats_10s AS
  SELECT b.bucket, e.client_service, e.server_service, e.connection_type, b.requests, b.failed,
         b.latency_sum_ms, b.latency_idx, b.latency_cnt, b.exemplar_trace_id, b.exemplar_latency_ms, b.lag_idx, b.lag_cnt
  FROM kompas.edge_buckets_10s b JOIN kompas.edges e USING (edge_id);
CREATE OR REPLACE VIEW kompas.edge_stats_1m AS
  SELECT b.bucket, e.client_service, e.server_service, e.connection_type, b.requests, b.failed,
         b.latency_sum_ms, b.latency_idx, b.latency_cnt, b.exemplar_trace_id, b.exemplar_latency_ms, b.lag_idx, b.lag_cnt
  FROM kompas.edge_buckets_1m b JOIN kompas.edges e USING (edge_id);
CREATE OR REPLACE VIEW kompas.edge_stats_1h AS
  SELECT b.bucket, e.client_service, e.server_service, e.connection_type, b.requests, b.failed,
         b.latency_sum_ms, b.latency_idx, b.latency_cnt, b.exemplar_trace_id, b.exemplar_latency_ms, b.lag_idx, b.lag_cnt
  FROM kompas.edge_buckets_1h b JOIN kompas.edges e USING (edge_id);
CREATE OR REPLACE VIEW kompas.edge_stats_6h AS
  SELECT b.bucket, e.client_service, e.server_service, e.connection_type, b.requests, b.failed,
         b.latency_sum_ms, b.latency_idx, b.latency_cnt, b.exemplar_trace_id, b.exemplar_latency_ms, b.lag_idx, b.lag_cnt
  FROM kompas.edge_buckets_6h b JOIN kompas.edges e USING (edge_id);

-- sketch_add for sketches that may be absent: NULL + NULL stays NULL, so edges without a lag keep none.
CREATE OR REPLACE FUNCTION kompas.sketch_add_optional(a_idx integer[], a_cnt bigint[], b_idx integer[], b_cnt bigint[],
                                                      OUT idx integer[], OUT cnt bigint[])
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
  IF b_idx IS NULL THEN
    idx := a_idx;
    cnt := a_cnt;
  ELSIF a_idx IS NULL THEN
    idx := b_idx;
    cnt := b_cnt;
  ELSE
    SELECT s.idx, s.cnt INTO idx, cnt FROM kompas.sketch_add(a_idx, a_cnt, b_idx, b_cnt) AS s;
  END IF;
END
$$;
