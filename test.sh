#!/usr/bin/env bash
# Runs every test of ForbedringsABC (the README's test command; CI runs exactly this).
# Works on a fresh Debian machine with the .NET 10 SDK: installs what the tests need that the
# machine lacks (once), restores the NuGet packages, builds, and runs every suite:
#   tests/Generator.Tests  the generator (unit, golden, fixture sites, diagnostics, corpus, search)
#   tests/Browser.Tests    the built site in Debian's Chromium (axe, keyboard, reflow, print,
#                          nginx under a sub-path, the Nu Html Checker, the search page)
#   tests/js               the search engine's JavaScript (node --test)
set -euo pipefail
cd "$(dirname "$0")"

# System packages, installed only when missing, with one apt-get update:
#   python3   the corpus tests generate their input with ../shared/bench/make-corpus.py
#   nodejs    the JavaScript tests run on Node's own test runner
#   npm       installs vnu.jar from tools/html-check/package-lock.json
#   chromium  the browser tests (Playwright drives /usr/bin/chromium; it never downloads one)
#   nginx     the browser tests serve the site with it, under a sub-path
#   java      runs vnu.jar, the Nu Html Checker
#   clang, zlib1g-dev  link the native (AOT) publish that NativeAotTests compares with the preview's build
missing=()
command -v python3 >/dev/null 2>&1 || missing+=(python3)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/sbin/nginx ] || missing+=(nginx)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
command -v clang >/dev/null 2>&1 || missing+=(clang)
dpkg -s zlib1g-dev >/dev/null 2>&1 || missing+=(zlib1g-dev)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} (needed by the tests)..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# npm packages only from the committed lock file (npm ci), and again only when it changed.
# --ignore-scripts: vnu-jar's install script would fetch a Java of its own; the machine's is used.
lock_sum=$(sha256sum tools/html-check/package-lock.json | cut -d' ' -f1)
if [ "$(cat tools/html-check/node_modules/.lock-sha256 2>/dev/null || true)" != "$lock_sum" ]; then
  (cd tools/html-check && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
  echo "$lock_sum" > tools/html-check/node_modules/.lock-sha256
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
# The console logger named: with -v q alone a failed test shows its name but not its message.
dotnet test ForbedringsABC.sln -c Release --nologo -v q --logger "console;verbosity=minimal" "$@" 2>&1 | tee "$log"
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
