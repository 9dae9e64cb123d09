#!/bin/sh
# Backup of the PostgreSQL database with pg_dump, in its custom format (compressed; pg_restore can restore a
# part of it). Runs while the application is up: pg_dump reads one consistent snapshot.
#   docker/backup-postgres.sh postgresql://talent@db:5432/talent backups/talent.dump
# (connection as libpq takes it: a URI or "host=... dbname=..."; a password from PGPASSWORD or ~/.pgpass)
set -eu
db=${1:?usage: backup-postgres.sh DATABASE OUT_FILE}
out=${2:?usage: backup-postgres.sh DATABASE OUT_FILE}
mkdir -p "$(dirname "$out")"
pg_dump --format=custom --no-owner --file="$out" --dbname="$db"
echo "backed up $db to $out ($(wc -c < "$out") bytes)"
