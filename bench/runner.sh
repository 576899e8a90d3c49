#!/usr/bin/env bash
# Runner benchmark: `sycobench run` against an OpenAI-compatible server on loopback answering after 100 ms.
#   bench/runner.sh                 throughput: 2,160 requests (108 prompts × 20 samples), concurrency 32, for sycobench as
#                                   installed (ReadyToRun publish) and as built, and for a bare IChatClient loop
#   bench/runner.sh rpm [RPM] [N]   pacing under a server RPM limit (default 600 rpm, 1,500 requests ≈ 2.5 min)
#   bench/runner.sh announced       a model with no rpm against a 120-rpm server that announces its limit in headers:
#                                   216 requests (108 prompts × 2 samples, concurrency 8), target ≤ 80 s and ≤ 1% 429s
#   bench/runner.sh cost            the same 2,160 answers interactive and with --batch (a model priced like gpt-4o-mini,
#                                   batch price half): the cost of each and the ratio, target 0.5 at equal answers; then
#                                   the same answers scored by a judge priced alike, interactive and with score --batch
set -euo pipefail
cd "$(dirname "$0")/.."
command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
work=$PWD/bench/.work
mkdir -p "$work"
dotnet publish src/SycoBench.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$work/sycobench" -nologo -v quiet >/dev/null
dotnet build src/SycoBench.Cli -c Release -nologo -v quiet >/dev/null
dotnet build bench/runner -c Release -nologo -v quiet >/dev/null
bench=$PWD/bench/runner/bin/Release/net10.0/SycoBench.Bench.Runner.dll
case "${1:-throughput}" in
  rpm) dotnet "$bench" rpm "$work/sycobench/sycobench.dll" "${2:-600}" "${3:-1500}" ;;
  announced) dotnet "$bench" announced "$work/sycobench/sycobench.dll" ;;
  cost) dotnet "$bench" cost "$work/sycobench/sycobench.dll" ;;
  *)
    echo "== sycobench installed (ReadyToRun publish)"
    dotnet "$bench" throughput "$work/sycobench/sycobench.dll"
    echo "== sycobench as built (dotnet build -c Release, JIT only)"
    dotnet "$bench" throughput "$PWD/src/SycoBench.Cli/bin/Release/net10.0/sycobench.dll" | head -1
    ;;
esac
