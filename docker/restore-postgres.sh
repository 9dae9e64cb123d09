#!/bin/sh
# Restores a pg_dump backup (backup-postgres.sh) into a database, in one transaction: the database's tables are
# dropped and made again from the backup. Stop the application (or every node) first.
#   docker/restore-postgres.sh backups/talent.dump postgresql://talent@db:5432/talent
set -eu
file=${1:?usage: restore-postgres.sh BACKUP_FILE DATABASE}
db=${2:?usage: restore-postgres.sh BACKUP_FILE DATABASE}
pg_restore --clean --if-exists --no-owner --single-transaction --exit-on-error --dbname="$db" "$file"
echo "restored $file into $db"
