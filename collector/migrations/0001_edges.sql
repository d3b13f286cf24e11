-- Kompas edge aggregates on plain PostgreSQL 15+ (TimescaleDB extras are in 0002).
-- One row per (bucket start, client, server, connection type); three resolutions so a query reads the
-- coarsest table that still resolves its range (10 s for live views, 1 min for hours, 1 h for days).
-- Latency is a DDSketch (1 % relative accuracy, gamma = 1.01/0.99) stored as {"<bucket index>": count}:
-- any set of rows merges exactly by summing counts per index (see servicegraph/src/aggregate/latencySketch.ts).

CREATE SCHEMA IF NOT EXISTS kompas;

CREATE TABLE IF NOT EXISTS kompas.edges_10s (
  bucket          timestamptz      NOT NULL,
  client_service  text             NOT NULL,
  server_service  text             NOT NULL,
  connection_type text             NOT NULL DEFAULT '',
  requests        bigint           NOT NULL,
  failed          bigint           NOT NULL,
  latency_sum_ms  double precision NOT NULL,
  latency_sketch  jsonb            NOT NULL,
  PRIMARY KEY (bucket, client_service, server_service, connection_type)
);

CREATE TABLE IF NOT EXISTS kompas.edges_1m (LIKE kompas.edges_10s INCLUDING ALL);
CREATE TABLE IF NOT EXISTS kompas.edges_1h (LIKE kompas.edges_10s INCLUDING ALL);

-- Service filters ("edges touching checkout") read by service first, then time.
CREATE INDEX IF NOT EXISTS edges_10s_server_idx ON kompas.edges_10s (server_service, bucket);
CREATE INDEX IF NOT EXISTS edges_10s_client_idx ON kompas.edges_10s (client_service, bucket);
CREATE INDEX IF NOT EXISTS edges_1m_server_idx ON kompas.edges_1m (server_service, bucket);
CREATE INDEX IF NOT EXISTS edges_1m_client_idx ON kompas.edges_1m (client_service, bucket);
CREATE INDEX IF NOT EXISTS edges_1h_server_idx ON kompas.edges_1h (server_service, bucket);
CREATE INDEX IF NOT EXISTS edges_1h_client_idx ON kompas.edges_1h (client_service, bucket);

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
  consumed_seq bigint      NOT NULL,
  updated_at   timestamptz NOT NULL DEFAULT now()
);

-- Sum of two sketches: counts added per bucket index.
CREATE OR REPLACE FUNCTION kompas.sketch_merge(a jsonb, b jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(jsonb_object_agg(k, n), '{}'::jsonb)
  FROM (
    SELECT k, sum(v::bigint) AS n
    FROM (SELECT key AS k, value AS v FROM jsonb_each_text(coalesce(a, '{}'::jsonb))
          UNION ALL
          SELECT key, value FROM jsonb_each_text(coalesce(b, '{}'::jsonb))) AS parts
    GROUP BY k
  ) AS summed
$$;

CREATE OR REPLACE AGGREGATE kompas.sketch_sum(jsonb) (
  SFUNC = kompas.sketch_merge,
  STYPE = jsonb,
  INITCOND = '{}',
  COMBINEFUNC = kompas.sketch_merge,
  PARALLEL = SAFE
);

-- The latency a DDSketch reports for bucket index i: gamma^i * 2 / (1 + gamma).
CREATE OR REPLACE FUNCTION kompas.sketch_bucket_value_ms(idx integer) RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT power(1.0202020202020203::double precision, idx) * 2 / (1 + 1.0202020202020203::double precision)
$$;

-- Quantile q (0..1) of a sketch by nearest rank, as servicegraph's quantile(): the first bucket whose
-- running count exceeds ceil(q * count) - 1. 0 for an empty sketch.
CREATE OR REPLACE FUNCTION kompas.sketch_quantile(sketch jsonb, q double precision) RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  WITH buckets AS (
    SELECT key::integer AS idx, value::bigint AS n FROM jsonb_each_text(coalesce(sketch, '{}'::jsonb))
  ), running AS (
    SELECT idx, sum(n) OVER (ORDER BY idx) AS upto, sum(n) OVER () AS total FROM buckets
  )
  SELECT coalesce(
    (SELECT kompas.sketch_bucket_value_ms(idx) FROM running
     WHERE upto > greatest(0, ceil(greatest(0, least(1, q)) * total) - 1) ORDER BY idx LIMIT 1),
    0)
$$;
