#!/usr/bin/env bash
# The long, coverage-guided fuzz run (not part of ./test.sh; CI runs the short in-process one,
# FuzzRegressionTests). SharpFuzz instruments the generator, Markdig and YamlDotNet; AFL++ drives
# tests/Fuzz (one content file → the whole pipeline → invariants, see FuzzTarget.cs).
#
#   tools/fuzz/run.sh [SECONDS]     default 3600; output in fuzz-out/ (afl's queue/, crashes/, fuzzer_stats)
#
# New crashes: copy fuzz-out/default/crashes/id:* into tests/Generator.Tests/Fuzz/regressions/
# (named after what they found), fix, and FuzzRegressionTests replays them from then on.
# Runs at nice 19: the fuzzer takes a whole core for as long as it runs.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-3600}
work=${FUZZ_WORK:-fuzz-out}
if ! command -v afl-fuzz >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq afl++ >/dev/null
fi
mkdir -p "$work"
dotnet build tests/Fuzz/Fuzz.csproj -c Release -nologo -v q -o "$work/bin"
(cd tools/fuzz && dotnet tool restore >/dev/null)
for dll in generator.dll Markdig.dll YamlDotNet.dll; do
  (cd tools/fuzz && dotnet sharpfuzz "../../$work/bin/$dll")
done
rm -rf "$work/seeds" && tools/fuzz/make-seeds.sh "$work/seeds"
cp tests/Generator.Tests/Fuzz/regressions/* "$work/seeds/" 2>/dev/null || true
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_AUTORESUME=1
export ABC_TEMPLATES="$PWD/templates"
# AFL_AUTORESUME: a second run in the same folder goes on from its queue.
nice -n 19 afl-fuzz -i "$work/seeds" -o "$work" -x tools/fuzz/abc.dict -t 20000 -m none -V "$seconds" \
  -- dotnet "$work/bin/abc-fuzz.dll"
grep -E '^(start_time|last_update|run_time|execs_done|execs_per_sec|corpus_count|saved_crashes|saved_hangs|stability|bitmap_cvg)' "$work/default/fuzzer_stats"
