#!/usr/bin/env bash
# Times transcripts.html on a large run: generates a deterministic 216,000-record scored run in the simulator's style
# (100 models × 108 rent-v1 prompts × 20 samples, about 540 MB; bench/transcripts/generate.py), writes its report with
# `sycobench report` as it ships (Release, ReadyToRun; wall time printed), then opens transcripts.html in Debian's
# headless Chromium through Playwright and prints the time until the first page of rows is drawn (target < 5 s), and
# the time to filter to one model and to re-sort. Everything it writes goes to bench/.work/ (git-ignored).
#
# usage: bench/transcripts.sh [--regenerate] [--runs N] [--models N] [--samples N]
set -euo pipefail
cd "$(dirname "$0")/.."

work=bench/.work
runs=3
models=100
samples=20
regenerate=0
while [ $# -gt 0 ]; do
  case "$1" in
    --regenerate) regenerate=1 ;;
    --runs) runs=$2; shift ;;
    --models) models=$2; shift ;;
    --samples) samples=$2; shift ;;
    *) echo "usage: bench/transcripts.sh [--regenerate] [--runs N] [--models N] [--samples N]" >&2; exit 2 ;;
  esac
  shift
done
mkdir -p "$work"
input=$work/transcripts_${models}x${samples}_scored.jsonl

if [ "$regenerate" = 1 ] || [ ! -s "$input" ]; then
  echo "Generating $input (deterministic, seed 1)..."
  python3 bench/transcripts/generate.py tests/fixtures/reference/grid.jsonl "$input" --models "$models" --samples "$samples"
fi
echo "Input: $input, $(stat -c %s "$input") bytes, $(wc -l < "$input") records"

echo "Publishing sycobench (Release, ReadyToRun) and building the browser timer..."
dotnet publish src/SycoBench.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o "$work/publish" -nologo -v q >/dev/null
dotnet build bench/transcripts -c Release -nologo -v q >/dev/null

out=$work/transcripts-report
rm -rf "$out"
cat "$input" > /dev/null
start=$(date +%s.%N)
dotnet "$work/publish/sycobench.dll" report --input "$input" --out "$out" > "$work/transcripts-report.txt"
end=$(date +%s.%N)
awk -v s="$start" -v e="$end" 'BEGIN { printf "sycobench report (statistics, charts, report.html and transcripts.html): %.2f s\n", e - s }'
echo "transcripts.html: $(stat -c %s "$out/transcripts.html") bytes"

dotnet bench/transcripts/bin/Release/net10.0/SycoBench.Bench.Transcripts.dll "$out/transcripts.html" --runs "$runs"
echo "load average while measuring: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
