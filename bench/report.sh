#!/usr/bin/env bash
# Times `sycobench report` against a stdlib-Python SPEC §6 aggregator in the style of the original tool, on the same
# generated 216,000-record scored run (about 1.4 GB), in the same run. Prints wall time and peak RSS of both and the
# ratio. Everything it writes goes to bench/.work/ (git-ignored); the generated file is kept and reused.
#
# usage: bench/report.sh [--regenerate] [--runs N]
set -euo pipefail
cd "$(dirname "$0")/.."

work=bench/.work
input=$work/bench_scored.jsonl
runs=3
regenerate=0
while [ $# -gt 0 ]; do
  case "$1" in
    --regenerate) regenerate=1 ;;
    --runs) runs=$2; shift ;;
    *) echo "usage: bench/report.sh [--regenerate] [--runs N]" >&2; exit 2 ;;
  esac
  shift
done
mkdir -p "$work"

if [ ! -x /usr/bin/time ]; then
  echo "Installing GNU time (Debian package 'time') for wall time and peak RSS..."
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null
fi

if [ "$regenerate" = 1 ] || [ ! -s "$input" ]; then
  echo "Generating $input (deterministic, seed 1)..."
  python3 bench/report/generate.py tests/fixtures/reference/grid.jsonl "$input"
fi
echo "Input: $input, $(stat -c %s "$input") bytes, $(wc -l < "$input") records"

# sycobench as it ships: a Release build compiled ahead of time (ReadyToRun), run with `dotnet`.
echo "Publishing sycobench (Release, ReadyToRun)..."
dotnet publish src/SycoBench.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o "$work/publish" -nologo -v q >/dev/null

# Both read the file from the page cache: read it once before timing.
cat "$input" > /dev/null

measure() { # label, command...
  local label=$1; shift
  local log=$work/time-$label.txt
  /usr/bin/time -v "$@" >"$work/out-$label.txt" 2>"$log"
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$log")
  echo "$wall $rss"
}

best_py=""; best_cs=""
for run in $(seq 1 "$runs"); do
  read -r py_wall py_rss < <(measure python python3 bench/report/aggregate.py "$input" "$work/python_summary.csv")
  rm -rf "$work/report"
  read -r cs_wall cs_rss < <(measure sycobench dotnet "$work/publish/sycobench.dll" report --input "$input" --out "$work/report" --no-transcripts)
  awk -v r="$run" -v pw="$py_wall" -v pr="$py_rss" -v cw="$cs_wall" -v cr="$cs_rss" \
    'BEGIN { printf "run %d: python %6.2f s %7d KB | sycobench report %6.2f s %7d KB | ratio %5.1f%%\n", r, pw, pr, cw, cr, 100 * cw / pw }'
  if [ -z "$best_py" ] || awk -v a="$py_wall" -v b="$best_py" 'BEGIN { exit !(a < b) }'; then best_py=$py_wall; fi
  if [ -z "$best_cs" ] || awk -v a="$cs_wall" -v b="$best_cs" 'BEGIN { exit !(a < b) }'; then best_cs=$cs_wall; best_rss=$cs_rss; fi
done

# Memory must not grow with the file: the same 100 models with half the samples (0–9 of 0–19), for comparison.
half=$work/bench_scored_half.jsonl
if [ ! -s "$half" ] || [ "$half" -ot "$input" ]; then grep -E '"sample": [0-9]}$' "$input" > "$half"; fi
cat "$half" > /dev/null
read -r half_wall half_rss < <(measure half dotnet "$work/publish/sycobench.dll" report --input "$half" --out "$work/report-half" --no-transcripts)
echo "half the file ($(stat -c %s "$half") bytes): sycobench report ${half_wall} s, peak RSS ${half_rss} KB"

if cmp -s "$work/python_summary.csv" "$work/report/bench_scored.csv"; then same="identical"; else same="DIFFERENT"; fi
echo "summary CSV of python and sycobench: $same"
awk -v n="$runs" -v p="$best_py" -v c="$best_cs" -v m="$best_rss" 'BEGIN {
  printf "best of %d: python %.2f s, sycobench report %.2f s (summary, paired statistics, charts, report.html) = %.1f%% of python; peak RSS %d KB\n", n, p, c, 100 * c / p, m }'
echo "load average while measuring: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
