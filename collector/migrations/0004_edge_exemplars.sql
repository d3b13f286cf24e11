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
