#!/bin/sh
# Restores an H2 backup zip (from backup-h2.sh) into a data directory. Stop the application first: H2's files
# must not be open. The database files already there are moved aside to <dir>/before-restore-<time>/.
#   docker/restore-h2.sh backups/talent-20261207T030000Z.zip ./data
set -eu
zip=${1:?usage: restore-h2.sh BACKUP.zip DATA_DIR}
dir=${2:?usage: restore-h2.sh BACKUP.zip DATA_DIR}
mkdir -p "$dir"
aside="$dir/before-restore-$(date -u +%Y%m%dT%H%M%SZ)"
for f in "$dir"/*.mv.db "$dir"/*.trace.db; do
  [ -e "$f" ] || continue
  mkdir -p "$aside"
  mv "$f" "$aside/"
done
# the zip holds the database file(s) by name (talent.mv.db); unzip, or Python's zipfile where unzip is missing
if command -v unzip >/dev/null 2>&1; then
  unzip -o -q "$zip" -d "$dir"
else
  python3 -m zipfile -e "$zip" "$dir"
fi
echo "restored $zip into $dir"
