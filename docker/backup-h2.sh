#!/bin/sh
# Online backup of the embedded H2 database while the application runs: asks the application for H2's
# "BACKUP TO" (POST /api/v1/backups, ADMIN), which writes a consistent zip into TP_BACKUP_DIR on the server
# (default ./backups beside the data directory). Prints the backup's JSON: {"file", "bytes", "madeAt"}.
#   TP_URL=http://localhost:8080 TP_ADMIN_USER=admin TP_ADMIN_PASSWORD=... docker/backup-h2.sh
set -eu
url=${TP_URL:-http://localhost:8080}
user=${TP_ADMIN_USER:-admin}
: "${TP_ADMIN_PASSWORD:?set TP_ADMIN_PASSWORD to the password of $user}"
body=$(printf '{"username":"%s","password":"%s"}' "$user" "$TP_ADMIN_PASSWORD")
token=$(curl -fsS -H 'Content-Type: application/json' -d "$body" "$url/api/v1/auth/token" \
  | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
[ -n "$token" ] || { echo "sign-in as $user failed" >&2; exit 1; }
curl -fsS -X POST -H "Authorization: Bearer $token" "$url/api/v1/backups"
echo
curl -fsS -o /dev/null -X POST -H "Authorization: Bearer $token" "$url/api/v1/auth/logout" || true
