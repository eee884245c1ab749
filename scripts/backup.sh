#!/usr/bin/env bash
# Back up Passerelle: the PostgreSQL database (pg_dump, custom format) and the uploaded files.
#
#   DATABASE_URL=postgres://user@host:5432/passerelle [MEDIA_ROOT=/srv/passerelle/media] \
#     scripts/backup.sh [DIRECTORY]
#
# Writes DIRECTORY/passerelle-<UTC time>.dump (and ...-media.tar.gz when MEDIA_ROOT holds files),
# prints their paths, and exits non-zero if anything failed. The dump is written under a
# temporary name and checked (pg_restore --list) before it takes its final name, so a
# half-written file never looks like a backup.
set -euo pipefail

url="${DATABASE_URL:-}"
case "$url" in
  postgres://*|postgresql://*) ;;
  *) echo "backup.sh: set DATABASE_URL to the PostgreSQL database to back up" >&2; exit 2 ;;
esac
directory="${1:-.}"
mkdir -p "$directory"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
dump="$directory/passerelle-$stamp.dump"

pg_dump --format=custom --no-owner --no-privileges --file="$dump.partial" --dbname="$url"
pg_restore --list "$dump.partial" >/dev/null
mv "$dump.partial" "$dump"
echo "$dump"

media="${MEDIA_ROOT:-}"
if [ -n "$media" ] && [ -d "$media" ] && [ -n "$(ls -A "$media")" ]; then
  archive="$directory/passerelle-$stamp-media.tar.gz"
  tar -czf "$archive.partial" -C "$media" .
  mv "$archive.partial" "$archive"
  echo "$archive"
fi
