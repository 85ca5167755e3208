#!/usr/bin/env bash
# BenchmarkDotNet over the generator's hot functions (parse, Markdown, templates, search
# analysis, stemmer, index build, shard writer), on the project's own content.
#   bench/hot-functions.sh                 all, default job
#   bench/hot-functions.sh --job short     quicker, rougher
#   bench/hot-functions.sh --filter '*RenderTemplate'   one of them (--list flat names them)
# In process (--inProcess), with the generator's GC and JIT settings (tests/Benchmarks/Benchmarks.csproj).
# Results also in /tmp/abc-benchmarkdotnet/results/.
set -euo pipefail
cd "$(dirname "$0")/.."
filter=(--filter '*')
for arg in "$@"; do [ "$arg" = --filter ] && filter=(); done
exec dotnet run -c Release --project tests/Benchmarks -- "${filter[@]}" --inProcess --artifacts /tmp/abc-benchmarkdotnet "$@"
