#!/usr/bin/env bash
# Builds the same generated corpus with toolkit and with Hugo, in one run, and prints the ratios of
# wall time and peak memory. Usage: bench/build-vs-hugo.sh [N ...]   (default: 1000 10000)
# Each tool builds each corpus RUNS times (default 5; 1 above 2,000 pages, where one run takes
# minutes and varies little: RUNS_LARGE), one tool after the other in turn, and the medians are
# compared: on a shared 2-core machine a single build of a second can be a third slower or faster.
# Each run also copies toolkit's output with cp -r ("copy"): the file system's work alone, which
# bounds the ratio any generator writing that output can reach here ("hugo/copy").
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
# This machine's ext4 has no journal. There the kernel will not reuse an inode freed less than 30 s
# ago, or 180 s ago once its inode-table block is dirty again (which any build writing files beside
# it makes it), and scans past each such inode (recently_deleted() in fs/ext4/ialloc.c): a build
# that follows the deletion of a large output within three minutes is several times slower in the
# kernel. So the outputs of the last run are deleted (and the corpora remade) first, then one pause of SETTLE seconds
# (default 200), and then every tool writes into a folder that does not exist yet. The outputs stay
# until the next run.
settle=${SETTLE:-200}

measure() {  # label, then the command; prints "seconds peak_kb"
  local log
  log=$(mktemp)
  /usr/bin/time -f "%e %M" -o "$log" "${@:2}" >/dev/null 2>"$log.err" || { cat "$log.err" >&2; exit 1; }
  cat "$log"
  rm -f "$log" "$log.err"
}

median() {  # numbers -> their median
  printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'
}

# The corpora are made before the pause too: make-corpus.py deletes and rewrites content/.
for n in "${sizes[@]}"; do
  rm -rf "$out/corpus-$n/site" "$out/corpus-$n/site-full" "$out/corpus-$n/site-copy" "$out/corpus-$n/public" "$out/corpus-$n/runs"
  python3 "$corpus_tool" "$out/corpus-$n" "$n" >/dev/null
done
sync
echo "waiting ${settle} s for the file system to settle after deleting the last run's output"
sleep "$settle"

printf '%-7s %-8s %10s %12s\n' pages tool seconds peak_MB
for n in "${sizes[@]}"; do
  dir="$out/corpus-$n"
  # The corpus's config names theme "toolkit": point it at this repository's theme.
  sed "s|^theme = .*|theme = \"$root/themes/toolkit\"|" "$dir/config.toml" > "$dir/toolkit.toml"
  # Hugo's layout lists every page of the stage on each page. toolkit's theme lists the group of
  # step_nav_limit pages holding the current page (config default 40): "full" is toolkit with
  # step_nav_limit = 0, the same work as Hugo's layout; "default" is the site as configured.
  { echo "step_nav_limit = 0"; cat "$dir/toolkit.toml"; } > "$dir/toolkit-full.toml"
  runs=${RUNS:-5}
  ((n > 2000)) && runs=${RUNS_LARGE:-1}
  ts=() tk=() fs=() fk=() hs=() hk=() cs=()
  for ((r = 1; r <= runs; r++)); do
    # Run 1 writes site/, site-full/ and public/ (kept for a look); later runs write under runs/.
    sub=""
    ((r > 1)) && sub="runs/$r/"
    mkdir -p "$dir/$sub"
    sync
    read -r s kb < <(measure toolkit "$root/build/toolkit" build --config "$dir/toolkit.toml" -o "$dir/${sub}site" --quiet)
    ts+=("$s") tk+=("$kb")
    sync
    read -r s kb < <(measure toolkit "$root/build/toolkit" build --config "$dir/toolkit-full.toml" -o "$dir/${sub}site-full" --quiet)
    fs+=("$s") fk+=("$kb")
    sync
    read -r s kb < <(measure hugo hugo --quiet --source "$dir" --destination "$dir/${sub}public")
    hs+=("$s") hk+=("$kb")
    # The file system's share: copying toolkit's finished output (the same ~1,000 folders and
    # files both tools write) into a new folder, on one thread, with no generator work at all.
    sync
    read -r s kb < <(measure copy cp -r "$dir/${sub}site" "$dir/${sub}site-copy")
    cs+=("$s")
  done
  echo "        $runs run(s), seconds: toolkit ${ts[*]}; full nav ${fs[*]}; hugo ${hs[*]}; copy ${cs[*]}"
  t_s=$(median "${ts[@]}") t_kb=$(median "${tk[@]}")
  f_s=$(median "${fs[@]}") f_kb=$(median "${fk[@]}")
  h_s=$(median "${hs[@]}") h_kb=$(median "${hk[@]}")
  c_s=$(median "${cs[@]}")
  echo "        pages written: toolkit $(find "$dir/site" -name index.html | wc -l) ($(du -sh "$dir/site" | cut -f1)), full nav $(find "$dir/site-full" -name index.html | wc -l) ($(du -sh "$dir/site-full" | cut -f1)), hugo $(find "$dir/public" -name index.html | wc -l) ($(du -sh "$dir/public" | cut -f1))"
  printf '%-7s %-8s %10.2f %12.1f\n' "$n" toolkit "$t_s" "$(echo "$t_kb/1024" | bc -l)"
  printf '%-7s %-8s %10.2f %12.1f\n' "$n" full-nav "$f_s" "$(echo "$f_kb/1024" | bc -l)"
  printf '%-7s %-8s %10.2f %12.1f\n' "$n" hugo "$h_s" "$(echo "$h_kb/1024" | bc -l)"
  printf '%-7s %-8s %10.2f %12s\n' "$n" copy "$c_s" "-"
  printf '%-7s %-8s %10s %12s\n' "$n" ratio "$(echo "scale=1; $h_s/$t_s" | bc -l)x" "$(echo "scale=1; $h_kb/$t_kb" | bc -l)x"
  printf '%-7s %-8s %10s %12s\n' "$n" ratio-full "$(echo "scale=1; $h_s/$f_s" | bc -l)x" "$(echo "scale=1; $h_kb/$f_kb" | bc -l)x"
  # The most any tool could reach here while writing this output on one thread: Hugo's time over
  # the copy's. A ratio target above it cannot be met on this file system, whatever the generator.
  printf '%-7s %-8s %10s %12s\n' "$n" hugo/copy "$(echo "scale=1; $h_s/$c_s" | bc -l)x" "-"
done
