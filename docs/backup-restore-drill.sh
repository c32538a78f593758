#!/usr/bin/env bash
# Backup and restore drill for a SQLite deployment: takes a backup of the live database with
# `backup`, restores it into a separate folder as an operator would after a loss, and brings
# the restored copy up to the current schema with `migrate`. The test suite runs this script
# (BackupRestoreDrillTests); run it yourself against a copy before trusting your backups.
#
#   docs/backup-restore-drill.sh /opt/asnbot/AsnBot.dll /var/lib/asnbot/data/asnbot.db /tmp/restore-drill
set -euo pipefail

program="${1:?usage: $0 AsnBot.dll database-file restore-folder}"
database="${2:?usage: $0 AsnBot.dll database-file restore-folder}"
folder="${3:?usage: $0 AsnBot.dll database-file restore-folder}"

mkdir -p "$folder"
backup="$folder/asnbot-$(date -u +%Y%m%dT%H%M%SZ).db"
restored="$folder/asnbot.db"

# 1. Backup while the bot runs: a consistent copy (VACUUM INTO), never over an existing file.
ConnectionStrings__AsnBot="Data Source=$database" dotnet "$program" backup --out "$backup"

# 2. Restore: the service is stopped, the file copied in place, the old WAL files removed.
rm -f "$restored" "$restored-wal" "$restored-shm"
cp "$backup" "$restored"

# 3. Start-up migrates an older backup forward; run it explicitly to see that it does.
ConnectionStrings__AsnBot="Data Source=$restored" dotnet "$program" migrate

echo "restored $backup into $restored"
