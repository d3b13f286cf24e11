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
