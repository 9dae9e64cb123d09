#!/usr/bin/env bash
# First start of the primary (docker-entrypoint-initdb.d): the role the replica streams with, and its pg_hba line.
set -euo pipefail
psql -v ON_ERROR_STOP=1 -U "$POSTGRES_USER" -d "$POSTGRES_DB" \
  -c "create role replicator with replication login password '${TP_REPLICATION_PASSWORD}'"
echo "host replication replicator all scram-sha-256" >> "$PGDATA/pg_hba.conf"
