#!/bin/sh
# Runs once, when the TimescaleDB volume is first initialised (docker-entrypoint-initdb.d).
# Creates the read-only role Grafana's PostgreSQL datasource and alert rules use. The kompas schema is
# created here (owned by the collector's user) so the grants exist before the collector's migrations
# create the tables; default privileges cover every table and view created later.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v reader="$KOMPAS_GRAFANA_DB_USER" -v reader_password="$KOMPAS_GRAFANA_DB_PASSWORD" -v owner="$POSTGRES_USER" <<'SQL'
CREATE ROLE :"reader" LOGIN PASSWORD :'reader_password';
CREATE SCHEMA IF NOT EXISTS kompas AUTHORIZATION :"owner";
GRANT USAGE ON SCHEMA kompas TO :"reader";
GRANT SELECT ON ALL TABLES IN SCHEMA kompas TO :"reader";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA kompas GRANT SELECT ON TABLES TO :"reader";
-- Dashboards and alert rules only read; a long query must not hold the collector's writes back.
ALTER ROLE :"reader" SET statement_timeout = '30s';
ALTER ROLE :"reader" SET default_transaction_read_only = on;
SQL
