#!/usr/bin/env bash
# Runs every test of ForbedringsABC (the README's test command; CI runs exactly this).
# Works on a fresh Debian machine with the .NET 10 SDK: installs what the tests need that the
# machine lacks (python3, Node.js, Chromium), restores the NuGet packages, builds, runs the xunit
# suites (generator and browser) and the JavaScript tests (node --test, no npm packages).
set -euo pipefail
cd "$(dirname "$0")"

missing=()
# The corpus tests generate their input with ../shared/bench/make-corpus.py (Python 3, standard library).
command -v python3 >/dev/null 2>&1 || missing+=(python3)
# The search engine's JavaScript tests run on Node's own test runner.
command -v node >/dev/null 2>&1 || missing+=(nodejs)
# The browser tests drive Debian's Chromium through Playwright.
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} (needed by the tests)..."
  apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
dotnet test ForbedringsABC.sln -c Release --nologo -v q "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
# The JavaScript tests build their sites with the generator just built.
ABC_GENERATOR_DLL="$PWD/generator/bin/Release/net10.0/generator.dll" node --test tests/js/ 2>&1 | tee -a "$log"
node_status=${PIPESTATUS[0]}
set -e
[ "$status" -eq 0 ] && status=$node_status

# One plain closing line for CI: "N passed, N failed, N skipped" over every suite.
summary=$(awk '
  match($0, /Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+/) {
    split(substr($0, RSTART, RLENGTH), a, /[:,] +/); f += a[2]; p += a[4]; s += a[6]
  }
  /^# pass [0-9]+$/ { p += $3 }
  /^# fail [0-9]+$/ { f += $3 }
  /^# skipped [0-9]+$/ { s += $3 }
  END { printf "%d passed, %d failed, %d skipped", p, f, s }' "$log")
echo "Tests: $summary"
exit "$status"
