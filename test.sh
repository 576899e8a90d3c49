#!/usr/bin/env bash
# Runs every SycoBench test. Works on a fresh Debian machine with the .NET 10 SDK: it installs what else the
# tests need (Chromium for the browser tests, the DejaVu fonts for chart text and PostgreSQL's server programs for the
# label store tests, from Debian's packages) and restores NuGet packages.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Chromium (Debian package) for the browser tests..."
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "warning: chromium is not installed and cannot be installed here; browser tests will fail" >&2
  fi
fi

# Charts draw their text with a font file (the Skia build SycoBench ships has no fontconfig).
if [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] && [ ! -f /usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing fonts-dejavu-core (Debian package) for the text of report charts..."
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-dejavu-core >/dev/null
  else
    echo "warning: no DejaVu or Liberation font found; report charts will have no text" >&2
  fi
fi

# The label store's tests also run on PostgreSQL: they start a throwaway cluster from the server packages.
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing PostgreSQL's server packages (Debian package postgresql) for the label store tests..."
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  else
    echo "warning: PostgreSQL's server programs are not installed and cannot be installed here; the PostgreSQL store tests will fail" >&2
  fi
fi

dotnet restore SycoBench.slnx
dotnet build SycoBench.slnx -c Release --no-restore -nologo

log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
dotnet test SycoBench.slnx -c Release --no-build -nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One closing line for the whole suite, summed over the test assemblies.
awk '/^(Passed|Failed)! +- +Failed:/ {
       gsub(/,/, ""); for (i = 1; i <= NF; i++) {
         if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "Tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$status"
