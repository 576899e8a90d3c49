#!/usr/bin/env bash
# Times the test phase of ./test.sh: builds once (not timed), then runs every test assembly as ./test.sh does and
# prints each assembly's duration, the wall time of the whole phase, the processor time it used (user + system, of
# every test process) and the load average before and after, so a figure taken on a busy machine says so: the
# processor time changes little with the load, and the wall time on an idle machine cannot be below it divided by the
# number of cores. Each assembly's processor time (its test host's user + system time, with the children it waited
# for: the real-program runs it starts) is sampled from /proc every 0.2 s while it runs, so it can miss the last
# fifth of a second. Usage: bench/test-suite.sh [extra dotnet test arguments]
set -euo pipefail
cd "$(dirname "$0")/.."

dotnet build SycoBench.slnx -c Release -nologo -v q >/dev/null
log=$(mktemp)
trap 'rm -f "$log" "$log.cpu0" "$log.cpu1" "$log.hosts"' EXIT
root=$(pwd)
# Samples every test host of this checkout: "pid assembly ticks" lines, the last one per pid is its total.
sample_hosts() {
  while :; do
    for pid in $(pgrep -f "$root/tests/.*testhost\.dll"); do
      c=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || continue
      read -r st <"/proc/$pid/stat" 2>/dev/null || continue
      case "$c" in *--runtimeconfig*) ;; *) continue ;; esac  # a host that is ending has no command line left
      a=${c##*--runtimeconfig }; a=${a%%.runtimeconfig.json*}; a=${a##*/}
      # Fields 14-17 of /proc/PID/stat: utime stime cutime cstime, in ticks (the command in parentheses is field 2).
      set -- ${st##*) }
      echo "$pid $a $(( ${12} + ${13} + ${14} + ${15} ))"
    done
    sleep 0.2
  done >>"$log.hosts"
}
sample_hosts &
sampler=$!
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
kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null || true
after=$(cut -d' ' -f1-3 /proc/loadavg)

grep -E '^(Passed|Failed)! ' "$log" | sed -E 's/^Passed!.*Duration: ([^-]+) - ([^ ]+).*/\2: \1/; s/^Failed! +- +Failed: +([0-9]+).*Duration: ([^-]+) - ([^ ]+).*/\3: \2 (\1 failed)/' | sort
grep -E '^\s+Failed [A-Za-z]' "$log" | sed -E 's/^\s+Failed /failed: /' || true
awk -v hz="$(getconf CLK_TCK)" '{ last[$1] = $3; asm[$1] = $2 }
     END { for (p in last) cpu[asm[p]] += last[p] / hz; for (a in cpu) printf "%s: %.1f s of processor time\n", a, cpu[a] }' \
  "$log.hosts" | sort
hosts=$(awk -v hz="$(getconf CLK_TCK)" '{ last[$1] = $3 } END { for (p in last) t += last[p] / hz; printf "%.1f", t }' "$log.hosts")
# The test hosts are not all waited for by the processes `dotnet test` starts, so this shell's children's time (below)
# misses some of them; the sampled figure above counts them. `times` prints the children's user and system time as
# "XmY.YYYs XmY.YYYs"; the difference is the phase's.
seconds() { echo "$1" | awk '{ n = 0; for (i = 1; i <= 2; i++) { split($i, p, "m"); sub("s", "", p[2]); n += p[1] * 60 + p[2] } print n }'; }
cpu=$(awk -v a="$(seconds "$(sed -n 2p "$log.cpu0")")" -v b="$(seconds "$(sed -n 2p "$log.cpu1")")" 'BEGIN { printf "%.1f", b - a }')
awk -v s="$start" -v e="$end" -v b="$before" -v a="$after" -v c="$(nproc)" -v cpu="$cpu" -v hosts="$hosts" \
  'BEGIN { printf "test phase: %.1f s wall on %d cores; processor time: %s s in the test hosts, %s s in dotnet test and the processes it waited for; load average before %s, after %s\n", e - s, c, hosts, cpu, b, a }'
[ "$status" = 0 ] || { echo "some tests failed (exit $status)" >&2; exit "$status"; }
