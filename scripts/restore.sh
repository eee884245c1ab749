#!/usr/bin/env bash
# Restore a Passerelle backup made by scripts/backup.sh.
#
#   DATABASE_URL=postgres://user@host:5432/passerelle [MEDIA_ROOT=...] \
#     scripts/restore.sh DUMP [--media ARCHIVE] [--force]
#
# The database must exist. It must be empty, unless --force is given: then its tables are
# replaced by the backup's. The restore runs in one transaction: if it fails, the database is
# left as it was. Then run `manage.py migrate` (a backup of an older version is brought up to
# date) and compare the figures (docs/operations.md).
set -euo pipefail

usage() { echo "usage: scripts/restore.sh DUMP [--media ARCHIVE] [--force]" >&2; exit 2; }
[ $# -ge 1 ] || usage
dump="$1"; shift
media_archive=""; force=0
while [ $# -gt 0 ]; do
  case "$1" in
    --media) [ $# -ge 2 ] || usage; media_archive="$2"; shift 2 ;;
    --force) force=1; shift ;;
    *) usage ;;
  esac
done
url="${DATABASE_URL:-}"
case "$url" in
  postgres://*|postgresql://*) ;;
  *) echo "restore.sh: set DATABASE_URL to the PostgreSQL database to restore into" >&2; exit 2 ;;
esac
[ -r "$dump" ] || { echo "restore.sh: cannot read $dump" >&2; exit 2; }
pg_restore --list "$dump" >/dev/null || { echo "restore.sh: $dump is not a pg_dump archive" >&2; exit 2; }

tables="$(psql "$url" -Atc "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")"
options=(--no-owner --no-privileges --single-transaction --exit-on-error)
if [ "$tables" != "0" ]; then
  if [ "$force" != 1 ]; then
    echo "restore.sh: the database holds $tables tables; add --force to replace them" >&2
    exit 3
  fi
  options+=(--clean --if-exists)
fi
pg_restore "${options[@]}" --dbname="$url" "$dump"
echo "restored $dump"

if [ -n "$media_archive" ]; then
  media="${MEDIA_ROOT:?set MEDIA_ROOT to restore the uploaded files}"
  mkdir -p "$media"
  tar -xzf "$media_archive" -C "$media"
  echo "restored the uploaded files into $media"
fi
