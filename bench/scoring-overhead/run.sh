#!/usr/bin/env bash
# Prints the scoring engine's own cost per answer (judge replies at once). Usage: bench/scoring-overhead/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet run -c Release --project bench/scoring-overhead -- "$PWD"
