#!/usr/bin/env bash
# BenchmarkDotNet over the generator's hot functions (parse, Markdown, templates, search
# analysis, stemmer, index build, shard writer), on the project's own content.
#   bench/hot-functions.sh                 all, default job
#   bench/hot-functions.sh --job short     quicker, rougher
# Results also in /tmp/abc-benchmarkdotnet/results/.
set -euo pipefail
cd "$(dirname "$0")/.."
exec dotnet run -c Release --project tests/Benchmarks -- --filter '*' --artifacts /tmp/abc-benchmarkdotnet "$@"
