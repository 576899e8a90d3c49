#!/usr/bin/env bash
# Times the test phase of ./test.sh: builds once (not timed), then runs every test assembly as ./test.sh does and
# prints each assembly's duration, the wall time of the whole phase, the processor time it used (user + system, of
# every test process) and the load average before and after, so a figure taken on a busy machine says so: the
# processor time changes little with the load, and the wall time on an idle machine cannot be below it divided by the
# number of cores. Usage: bench/test-suite.sh [extra dotnet test arguments]
set -euo pipefail
cd "$(dirname "$0")/.."

dotnet build SycoBench.slnx -c Release -nologo -v q >/dev/null
log=$(mktemp)
trap 'rm -f "$log" "$log.cpu0" "$log.cpu1"' EXIT
before=$(cut -d' ' -f1-3 /proc/loadavg)
start=$(date +%s.%N)
times >"$log.cpu0"
set +e
# Without node reuse the MSBuild nodes that start the test hosts end with the command, so their processor time (and
# the test hosts') is counted in this shell's children.
MSBUILDDISABLENODEREUSE=1 dotnet test SycoBench.slnx -c Release --no-build -nologo "$@" >"$log" 2>&1
status=$?
set -e
end=$(date +%s.%N)
times >"$log.cpu1"
after=$(cut -d' ' -f1-3 /proc/loadavg)

grep -E '^(Passed|Failed)! ' "$log" | sed -E 's/^Passed!.*Duration: ([^-]+) - ([^ ]+).*/\2: \1/; s/^Failed! +- +Failed: +([0-9]+).*Duration: ([^-]+) - ([^ ]+).*/\3: \2 (\1 failed)/' | sort
grep -E '^\s+Failed [A-Za-z]' "$log" | sed -E 's/^\s+Failed /failed: /' || true
# `times` prints the children's user and system time as "XmY.YYYs XmY.YYYs"; the difference is the phase's.
seconds() { echo "$1" | awk '{ n = 0; for (i = 1; i <= 2; i++) { split($i, p, "m"); sub("s", "", p[2]); n += p[1] * 60 + p[2] } print n }'; }
cpu=$(awk -v a="$(seconds "$(sed -n 2p "$log.cpu0")")" -v b="$(seconds "$(sed -n 2p "$log.cpu1")")" 'BEGIN { printf "%.1f", b - a }')
awk -v s="$start" -v e="$end" -v b="$before" -v a="$after" -v c="$(nproc)" -v cpu="$cpu" \
  'BEGIN { printf "test phase: %.1f s wall on %d cores, %s s of processor time; load average before %s, after %s\n", e - s, c, cpu, b, a }'
[ "$status" = 0 ] || { echo "some tests failed (exit $status)" >&2; exit "$status"; }
