#!/usr/bin/env bash
# Writes the fuzzer's seed corpus: every content/*.md page, prefixed with the byte that puts it in
# its own folder's slot (FuzzTarget.Slots: 0 historier, 1 metoder, 2 refleksjon, 3 kontakt, 4 om, 5 home).
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:?usage: make-seeds.sh OUT_DIR}
mkdir -p "$out"
slot() {
  case "$1" in
    content/historier/*) echo 0 ;; content/metoder/*) echo 1 ;; content/refleksjon/*) echo 2 ;;
    content/kontakt/*) echo 3 ;; content/_index.md) echo 5 ;; *) echo 4 ;;
  esac
}
for f in $(find content -name '*.md' -not -path '*/_data/*' | sort); do
  name=$(echo "${f#content/}" | tr '/' '_')
  { printf "\\x0$(slot "$f")"; cat "$f"; } > "$out/$name"
done
