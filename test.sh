#!/usr/bin/env bash
# Runs every test of ForbedringsABC (the README's test command; CI runs exactly this).
# Works on a fresh machine with the .NET 10 SDK: installs what the tests need that the
# machine lacks, restores the NuGet packages, builds, and runs the xunit suites.
set -euo pipefail
cd "$(dirname "$0")"

# The corpus tests generate their input with ../shared/bench/make-corpus.py (Python 3, standard library).
if ! command -v python3 >/dev/null 2>&1; then
  echo "Installing python3 (needed by the corpus tests)..."
  apt-get update -qq && apt-get install -y -qq python3 >/dev/null
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
dotnet test ForbedringsABC.sln -c Release --nologo -v q "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One plain closing line for CI: "N passed, N failed, N skipped".
summary=$(grep -Eo 'Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$log" | awk -F'[:,]' '{f+=$2; p+=$4; s+=$6} END {printf "%d passed, %d failed, %d skipped", p, f, s}')
if [ -n "$summary" ]; then
  echo "Tests: $summary"
fi
exit "$status"
