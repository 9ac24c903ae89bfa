#!/usr/bin/env bash
# Builds the same generated corpus with toolkit and with Hugo, in one run, and prints the ratios of
# wall time and peak memory. Usage: bench/build-vs-hugo.sh [N ...]   (default: 1000 10000)
# Needs: build/toolkit (make generator), hugo (Debian package; installed here if missing), GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
sizes=("$@")
((${#sizes[@]})) || sizes=(1000 10000)
command -v hugo >/dev/null || { echo "installing hugo"; sudo=""; [[ $(id -u) -ne 0 ]] && sudo=sudo; $sudo apt-get install -y -qq hugo >/dev/null; }
[[ -x /usr/bin/time ]] || { echo "GNU time (/usr/bin/time) is needed" >&2; exit 1; }
corpus_tool=${CORPUS_TOOL:-../shared/bench/make-corpus.py}
out=${BENCH_OUT:-bench/out}
mkdir -p "$out"
out=$(cd "$out" && pwd)  # absolute: hugo reads --destination relative to --source
# This machine's file system has no journal, and ext4 then skips inodes freed in the last 30 s
# when it makes files, so a build just after an `rm -rf` pays for it. Each tool starts after the
# same pause (SETTLE seconds, default 45) so neither pays for the other's deletions.
settle=${SETTLE:-45}

measure() {  # label, then the command; prints "seconds peak_kb"
  local log
  log=$(mktemp)
  /usr/bin/time -f "%e %M" -o "$log" "${@:2}" >/dev/null 2>"$log.err" || { cat "$log.err" >&2; exit 1; }
  cat "$log"
  rm -f "$log" "$log.err"
}

printf '%-7s %-8s %10s %12s\n' pages tool seconds peak_MB
for n in "${sizes[@]}"; do
  dir="$out/corpus-$n"
  python3 "$corpus_tool" "$dir" "$n" >/dev/null
  # The corpus's config names theme "toolkit": point it at this repository's theme.
  sed "s|^theme = .*|theme = \"$root/themes/toolkit\"|" "$dir/config.toml" > "$dir/toolkit.toml"
  # Hugo's layout lists every page of the stage on each page. toolkit's theme lists the group of
  # step_nav_limit pages holding the current page (config default 40): "full" is toolkit with
  # step_nav_limit = 0, the same work as Hugo's layout; "default" is the site as configured.
  { echo "step_nav_limit = 0"; cat "$dir/toolkit.toml"; } > "$dir/toolkit-full.toml"
  rm -rf "$dir/site" "$dir/site-full" "$dir/public"
  sync; sleep "$settle"
  read -r t_s t_kb < <(measure toolkit "$root/build/toolkit" build --config "$dir/toolkit.toml" -o "$dir/site" --quiet)
  sync; sleep "$settle"
  read -r f_s f_kb < <(measure toolkit "$root/build/toolkit" build --config "$dir/toolkit-full.toml" -o "$dir/site-full" --quiet)
  sync; sleep "$settle"
  read -r h_s h_kb < <(measure hugo hugo --quiet --source "$dir" --destination "$dir/public")
  echo "        pages written: toolkit $(find "$dir/site" -name index.html | wc -l) ($(du -sh "$dir/site" | cut -f1)), full nav $(find "$dir/site-full" -name index.html | wc -l) ($(du -sh "$dir/site-full" | cut -f1)), hugo $(find "$dir/public" -name index.html | wc -l) ($(du -sh "$dir/public" | cut -f1))"
  printf '%-7s %-8s %10.2f %12.1f\n' "$n" toolkit "$t_s" "$(echo "$t_kb/1024" | bc -l)"
  printf '%-7s %-8s %10.2f %12.1f\n' "$n" full-nav "$f_s" "$(echo "$f_kb/1024" | bc -l)"
  printf '%-7s %-8s %10.2f %12.1f\n' "$n" hugo "$h_s" "$(echo "$h_kb/1024" | bc -l)"
  printf '%-7s %-8s %10s %12s\n' "$n" ratio "$(echo "scale=1; $h_s/$t_s" | bc -l)x" "$(echo "scale=1; $h_kb/$t_kb" | bc -l)x"
  printf '%-7s %-8s %10s %12s\n' "$n" ratio-full "$(echo "scale=1; $h_s/$f_s" | bc -l)x" "$(echo "scale=1; $h_kb/$f_kb" | bc -l)x"
  rm -rf "$dir/site-full"
done
