#!/usr/bin/env bash
# Compares toolkit binaries on one corpus: each builds it RUNS times (default 10) into tmpfs, the
# binaries taking turns, and the medians of wall and CPU time (user + system) are printed. For
# judging a change to the generator on a shared machine, where one run varies by a fifth or more.
# Usage: bench/compare-binaries.sh OLD_BINARY NEW_BINARY [...]
#   CORPUS=bench/out/corpus-1000 (a folder with toolkit.toml; bench/build-vs-hugo.sh makes it)
#   OUT=/dev/shm (where the sites are written, then deleted)
set -euo pipefail
cd "$(dirname "$0")/.."
(($# >= 1)) || { sed -n '2,8p' "$0" >&2; exit 2; }
corpus=${CORPUS:-bench/out/corpus-1000}
out=${OUT:-/dev/shm}
[[ -f $corpus/toolkit.toml ]] || { echo "no $corpus/toolkit.toml: run bench/build-vs-hugo.sh 1000 first" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "GNU time (/usr/bin/time) is needed" >&2; exit 1; }
declare -A times
for ((r = 1; r <= ${RUNS:-10}; r++)); do
  for i in $(seq 1 $#); do
    bin=${!i}
    site="$out/compare-$$-$r-$i"
    /usr/bin/time -o "$site.time" -f "%e %U %S" "$bin" build --config "$corpus/toolkit.toml" -o "$site" -q >/dev/null 2>&1
    times[$i]+="$(cat "$site.time")"$'\n'
    rm -rf "$site" "$site.time" "$site.linkmap.json"
  done
done
for i in $(seq 1 $#); do
  printf '%s: ' "${!i}"
  printf '%s' "${times[$i]}" | python3 -c '
import statistics as st, sys
rows = [list(map(float, l.split())) for l in sys.stdin if l.strip()]
wall, cpu = [r[0] for r in rows], [r[1] + r[2] for r in rows]
print("wall median %.3f s (min %.3f), CPU median %.3f s (min %.3f), %d runs" % (st.median(wall), min(wall), st.median(cpu), min(cpu), len(rows)))'
done
