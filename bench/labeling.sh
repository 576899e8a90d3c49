#!/usr/bin/env bash
# Load benchmark of the review web app: 50 concurrent reviewers on 10,000 items over loopback, against the targets
# next-item + submit p99 <= 50 ms and >= 500 reviews/s sustained, on each label store: a SQLite file, then a
# PostgreSQL database (a throwaway cluster from the machine's server packages, PostgreSQL's default durability).
# Builds Release, then for each store and run starts the real `sycobench label serve` on 127.0.0.1 with a fresh
# database and drives it for a bounded time:
#   1. paced: the 50 reviewers together at 500 reviews/s (the target load); latency at that load;
#   2. unpaced: every reviewer as fast as the server answers; the capacity, and latency when saturated.
# Extra arguments go to every run: --items N --reviewers N --seconds S --warmup S (and --rate R to override 1.);
# with STORES=postgres, --statements N also lists the N statements PostgreSQL spent most time in (pg_stat_statements).
# --via store calls the label store directly in the benchmark's process instead (no server, no HTTP): the store's
# share of a review's time. Each run also prints the processor time per review of the server and of the clients.
# STORES=sqlite (or postgres) runs one store only.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build bench/labeling/SycoBench.Bench.Labeling.csproj -c Release -nologo -v quiet
bench=bench/labeling/bin/Release/net10.0/SycoBench.Bench.Labeling.dll
for store in ${STORES:-sqlite postgres}; do
  echo "== $store, paced: 500 reviews/s =="
  dotnet "$bench" --store "$store" --rate 500 "$@"
  echo
  echo "== $store, unpaced: capacity =="
  dotnet "$bench" --store "$store" --rate 0 "$@"
  echo
done
