#!/usr/bin/env bash
# The benchmark: races our generator against Hugo on the benchmark corpus, as whole processes,
# alternating A B A B, and prints per-pair wall time, CPU time and peak RSS, medians and ratios;
# also against Hugo followed by Pagefind over Hugo's output (the same job as ours: pages and a
# search index; PAGEFIND=0 leaves it out);
# our `check` beside our `build`; the per-stage profile of one of our builds (--timings); and the
# preview server's save-to-reload latency on the largest corpus.
#
#   bench/compare-hugo.sh [N ...]        default: 1000 10000
#   PAIRS=5 OUT=/dev/shm SERVE=0 PAGEFIND=0 bench/compare-hugo.sh 1000
#
# Needs ../shared/bench (make-corpus.py, run-hugo.sh); installs hugo and GNU time with apt when
# missing, and Pagefind from bench/peers/package-lock.json (npm ci). Our side is the published Release build compiled to native code (native AOT: the form
# the README gives the web team for production; FORM=r2r publishes self-contained composite
# ReadyToRun instead, to compare), not `dotnet run`; it makes the search index and everything else
# a real build does. Hugo builds HTML only.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
shared=$(cd "$here/../shared/bench" && pwd)
pairs=${PAIRS:-5}
out=${OUT:-/dev/shm}
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)

need() { command -v "$1" >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq "$2" >/dev/null; }; }
need hugo hugo
# Native AOT links with clang against zlib.
if [ "${FORM:-aot}" = aot ]; then
  need clang clang
  dpkg -s zlib1g-dev >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq zlib1g-dev >/dev/null; }
fi
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
pagefind=${PAGEFIND:-1}
if [ "$pagefind" != 0 ]; then
  need npm npm
  # The pinned version, from the lock file; again only when the lock changed.
  peers="$here/bench/peers"
  lock_sum=$(sha256sum "$peers/package-lock.json" | cut -d' ' -f1)
  if [ "$(cat "$peers/node_modules/.lock-sha256" 2>/dev/null || true)" != "$lock_sum" ]; then
    (cd "$peers" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null)
    echo "$lock_sum" > "$peers/node_modules/.lock-sha256"
  fi
  export PAGEFIND="$peers/node_modules/@pagefind/linux-x64/bin/pagefind_extended"
fi

work=$(mktemp -d /tmp/abc-bench-bin.XXXXXX)
trap 'rm -rf "$work"' EXIT
bin="$work/app"
case "$(uname -m)" in aarch64) rid=linux-arm64 ;; *) rid=linux-x64 ;; esac
# Its own artifacts folder: a self-contained publish must not share obj/ with the framework-dependent builds.
case "${FORM:-aot}" in
  aot) form=(-p:PublishAot=true) ;;
  r2r) form=(--self-contained true -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true) ;;
  *) echo "FORM is aot or r2r" >&2; exit 2 ;;
esac
dotnet publish "$here/generator" -c Release -r "$rid" "${form[@]}" \
  --artifacts-path "$work/artifacts" -o "$bin" --nologo -v q >/dev/null

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

for n in "${sizes[@]}"; do
  corpus=/tmp/abc-bench-corpus-$n
  [ -d "$corpus/content" ] || python3 "$shared/make-corpus.py" "$n" "$corpus" >/dev/null
  results=$(mktemp)
  for i in $(seq "$pairs"); do
    # Our output, its page cache (.abc-bench-ours-cache) and any left-overs: every pair is a clean build.
    rm -rf "$out/abc-bench-hugo" "$out/abc-bench-ours" "$out"/.abc-bench-ours*
    /usr/bin/time -f "hugo %e %U %S %M" "$shared/run-hugo.sh" "$corpus" "$out/abc-bench-hugo" 2>>"$results" >/dev/null
    if [ "$pagefind" != 0 ]; then
      /usr/bin/time -f "pagefind %e %U %S %M" "$shared/run-pagefind.sh" "$out/abc-bench-hugo" 2>>"$results" >/dev/null
    fi
    /usr/bin/time -f "ours %e %U %S %M" "$bin/generator" build --content "$corpus/content" \
      --templates "$here/templates" --output "$out/abc-bench-ours" 2>>"$results" >/dev/null
    /usr/bin/time -f "check %e %U %S %M" "$bin/generator" check --content "$corpus/content" \
      --templates "$here/templates" 2>>"$results" >/dev/null
  done
  echo "== N=$n, $pairs pairs (wall s, cpu s, peak RSS MiB)"
  paste <(grep '^hugo' "$results") <(grep '^ours' "$results") | awk '{
      printf "pair %d: hugo %.2f s %.2f cpu %4d MiB | ours %.2f s %.2f cpu %4d MiB | wall ratio %.2f, RSS ratio %.2f\n",
        NR, $2, $3+$4, $5/1024, $7, $8+$9, $10/1024, $7/$2, $10/$5 }'
  for who in hugo ours check; do
    wall=$(grep "^$who" "$results" | awk '{print $2}' | median)
    cpu=$(grep "^$who" "$results" | awk '{print $3+$4}' | median)
    rss=$(grep "^$who" "$results" | awk '{print $5/1024}' | median)
    echo "median $who: wall $wall s, cpu $cpu s, peak RSS $rss MiB"
  done
  echo "median wall ratio ours/hugo: $(paste <(grep '^hugo' "$results") <(grep '^ours' "$results") | awk '{print $7/$2}' | median)"
  echo "median RSS ratio ours/hugo:  $(paste <(grep '^hugo' "$results") <(grep '^ours' "$results") | awk '{print $10/$5}' | median)"
  echo "median check/build wall:     $(paste <(grep '^check' "$results") <(grep '^ours' "$results") | awk '{print $2/$7}' | median)"
  if [ "$pagefind" != 0 ]; then
    # Hugo then Pagefind: the times add up, the peak is the larger of the two processes' peaks.
    echo "-- the same job: Hugo, then Pagefind over its output"
    paste <(grep '^hugo' "$results") <(grep '^pagefind' "$results") <(grep '^ours' "$results") | awk '{
        wall = $2 + $7; cpu = $3 + $4 + $8 + $9; rss = ($5 > $10 ? $5 : $10)
        printf "pair %d: hugo+pagefind %.2f s %.2f cpu %4d MiB (pagefind %.2f s) | ours %.2f s | wall ratio %.2f, RSS ratio %.2f\n",
          NR, wall, cpu, rss/1024, $7, $12, $12/wall, $15/rss }'
    echo "median pagefind: wall $(grep '^pagefind' "$results" | awk '{print $2}' | median) s, peak RSS $(grep '^pagefind' "$results" | awk '{print $5/1024}' | median) MiB"
    echo "median wall ratio ours/(hugo+pagefind): $(paste <(grep '^hugo' "$results") <(grep '^pagefind' "$results") <(grep '^ours' "$results") | awk '{print $12/($2+$7)}' | median)"
    echo "median RSS ratio ours/max(hugo, pagefind): $(paste <(grep '^hugo' "$results") <(grep '^pagefind' "$results") <(grep '^ours' "$results") | awk '{print $15/($5 > $10 ? $5 : $10)}' | median)"
  fi
  ours() { "$bin/generator" build --content "$corpus/content" --templates "$here/templates" --output "$out/abc-bench-ours" "$@"; }
  rm -rf "$out/abc-bench-ours" "$out"/.abc-bench-ours*
  echo "-- per stage, a clean build (ms):"
  ours --timings | grep -E '^  |^huge pages'
  echo "-- per stage, the same build again, nothing changed (page cache):"
  ours --timings | grep -E '^  |^huge pages'
  # Second builds with the page cache: nothing changed, and one page's body edited before each.
  # The first story (a glob, not ls | head: under pipefail a closed pipe would end the script).
  for story in "$corpus/content/historier/"*.md; do [ "${story##*/}" = _index.md ] || break; done
  cp "$story" "$work/story.md"
  for i in 1 2 3; do
    /usr/bin/time -f "again %e %U %S %M" "$bin/generator" build --content "$corpus/content" --templates "$here/templates" --output "$out/abc-bench-ours" 2>>"$results" >/dev/null
    printf '\nEndret avsnitt nummer %s.\n' "$i" >>"$story"
    /usr/bin/time -f "edited %e %U %S %M" "$bin/generator" build --content "$corpus/content" --templates "$here/templates" --output "$out/abc-bench-ours" 2>>"$results" >/dev/null
  done
  cp "$work/story.md" "$story"
  for who in again edited; do
    echo "second build ($who; page cache, 3 runs): median wall $(grep "^$who" "$results" | awk '{print $2}' | median) s, cpu $(grep "^$who" "$results" | awk '{print $3+$4}' | median) s, peak RSS $(grep "^$who" "$results" | awk '{print int($5/1024)}' | median) MiB; against the clean build: $(paste <(grep "^$who" "$results" | awk '{print $2}' | median) <(grep '^ours' "$results" | awk '{print $2}' | median) | awk '{printf "%.2f", $1/$2}')"
  done
  rm -f "$results"
done
rm -rf "$out/abc-bench-hugo" "$out/abc-bench-ours" "$out"/.abc-bench-ours*

if [ "${SERVE:-1}" != 0 ]; then
  largest=$(printf '%s\n' "${sizes[@]}" | sort -n | tail -1)
  echo "== serve, N=$largest: save → reload event → new page served"
  python3 "$here/bench/serve-latency.py" "$bin/generator" "/tmp/abc-bench-corpus-$largest/content" "$here/templates" --edits 15
fi
