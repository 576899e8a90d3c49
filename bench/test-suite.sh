#!/usr/bin/env bash
# Times the test phase of ./test.sh: builds once (not timed), then runs every test assembly as ./test.sh does and
# prints each assembly's duration, the wall time of the whole phase and the load average before and after, so a
# figure taken on a busy machine says so. Usage: bench/test-suite.sh [extra dotnet test arguments]
set -euo pipefail
cd "$(dirname "$0")/.."

dotnet build SycoBench.slnx -c Release -nologo -v q >/dev/null
log=$(mktemp)
trap 'rm -f "$log"' EXIT
before=$(cut -d' ' -f1-3 /proc/loadavg)
start=$(date +%s.%N)
set +e
dotnet test SycoBench.slnx -c Release --no-build -nologo "$@" >"$log" 2>&1
status=$?
set -e
end=$(date +%s.%N)
after=$(cut -d' ' -f1-3 /proc/loadavg)

grep -E '^(Passed|Failed)! ' "$log" | sed -E 's/.*Duration: ([^-]+) - ([^ ]+).*/\2: \1/' | sort
awk -v s="$start" -v e="$end" -v b="$before" -v a="$after" -v c="$(nproc)" \
  'BEGIN { printf "test phase: %.1f s wall on %d cores; load average before %s, after %s\n", e - s, c, b, a }'
[ "$status" = 0 ] || { echo "some tests failed (exit $status)" >&2; exit "$status"; }
