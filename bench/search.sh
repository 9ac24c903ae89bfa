#!/usr/bin/env bash
# Search: toolkit's index against Pagefind's, on the same built sites, in one run.
# For each site: toolkit builds it (the "search index" phase is the indexer; --verbose times it),
# then Pagefind indexes the built HTML; then Chromium measures both (bench/search-browser.mjs).
# Usage: bench/search.sh [SITE ...]   SITE: "real" (this repository's content) or a page count
#                                     (a corpus from make-corpus.py); default: real 1000 10000
# Needs: build/toolkit, GNU time, Chromium, tests/e2e/node_modules (npm ci: pagefind, playwright-core).
# Writes bench/out/search-<SITE>.json and prints a table; bench/README.md ("Search") has results.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
sites=("$@")
((${#sites[@]})) || sites=(real 1000 10000)
[[ -x /usr/bin/time ]] || { echo "GNU time (/usr/bin/time) is needed" >&2; exit 1; }
pagefind=tests/e2e/node_modules/.bin/pagefind
[[ -x $pagefind ]] || { echo "run npm ci in tests/e2e first (pagefind)" >&2; exit 1; }
corpus_tool=${CORPUS_TOOL:-../shared/bench/make-corpus.py}
out=${BENCH_OUT:-bench/out}
mkdir -p "$out"

real_queries=("how do I talk to suppliers before tendering?" "standstill" "G-Cloud" "OJEU notice"
  "social value questions" "exit strategy" "procurment pipeline" "paying invoices late")
corpus_queries=("risk register" "stakeholder mapping" "budget forecast" "sprint planning" "governance board"
  "quality assurance" "supplier evaluation" "lessons learned" "stakehlder" "retrosp")

measure() {  # the command; prints "seconds peak_kb" and leaves its stdout in $out/last.log
  local t
  t=$(mktemp)
  /usr/bin/time -f "%e %M" -o "$t" "$@" >"$out/last.log" 2>"$out/last.err" || { cat "$out/last.err" >&2; exit 1; }
  cat "$t"
  rm -f "$t"
}

bytes_of() { du -sb --apparent-size "$@" | awk '{s += $1} END {print s}'; }

site_dir() { if [[ $1 == real ]]; then echo "$out/real"; else echo "$out/corpus-$1"; fi; }
# ext4 without a journal (as here) will not reuse an inode freed less than 30 s ago, or 180 s ago
# once its inode-table block is dirty again, and scans past each one when it makes a file: writing
# thousands of files within three minutes of deleting thousands is several times slower. So the
# last run's outputs are deleted first, then one pause (SETTLE, default 200 s); each tool then
# writes into folders that do not exist yet (toolkit site/, Pagefind site/pagefind/).
for site in "${sites[@]}"; do rm -rf "$(site_dir "$site")/site"; done
sync
echo "waiting ${SETTLE:-200} s for the file system to settle after deleting the last run's output" >&2
sleep "${SETTLE:-200}"
printf '%-6s %-9s %9s %9s %10s %11s %9s %9s %9s\n' site engine index_s peak_MB index_MB files first_KB warm_ms cold_ms
for site in "${sites[@]}"; do
  if [[ $site == real ]]; then
    dir="$out/real"
    mkdir -p "$dir"
    config=config.toml
    base=$(sed -n 's|^base_url *= *"https\?://[^/]*\(/[^"]*\)".*|\1|p' config.toml)
    queries=("${real_queries[@]}")
  else
    dir="$out/corpus-$site"
    [[ -f $dir/config.toml ]] || python3 "$corpus_tool" "$dir" "$site" >/dev/null
    # The corpus's config names theme "toolkit": point it at this repository's theme.
    sed "s|^theme = .*|theme = \"$root/themes/toolkit\"|" "$dir/config.toml" >"$dir/toolkit.toml"
    config="$dir/toolkit.toml"
    base=/
    queries=("${corpus_queries[@]}")
  fi
  sync
  read -r build_s build_kb < <(measure build/toolkit build --config "$config" -o "$dir/site" --verbose)
  index_ms=$(awk '/search index/ {print $3}' "$out/last.log")
  tk_bytes=$(bytes_of "$dir/site/search/manifest.json" "$dir/site/search/t" "$dir/site/search/v" "$dir/site/search/p" "$dir"/site/search/f.*.gz)
  tk_files=$(find "$dir/site/search" -type f ! -name index.html | wc -l)
  sync
  read -r pf_s pf_kb < <(measure "$pagefind" --site "$dir/site")
  pf_bytes=$(bytes_of "$dir/site/pagefind")
  pf_files=$(find "$dir/site/pagefind" -type f | wc -l)
  node bench/search-browser.mjs "$dir/site" "$base" "${queries[@]}" >"$out/browser.json"
  node -e '
    const [site, buildS, buildKb, indexMs, tkBytes, tkFiles, pfS, pfKb, pfBytes, pfFiles, file] = process.argv.slice(1);
    const b = JSON.parse(require("fs").readFileSync(file, "utf8"));
    const r = { site, pagefind_version: "1.6.0",
      toolkit: { build_s: +buildS, index_s: indexMs / 1000, peak_kb: +buildKb, index_bytes: +tkBytes, files: +tkFiles, ...b.toolkit },
      pagefind: { index_s: +pfS, peak_kb: +pfKb, index_bytes: +pfBytes, files: +pfFiles, ...b.pagefind }, queries: b.queries };
    require("fs").writeFileSync(`'"$out"'/search-${site}.json`, JSON.stringify(r, null, 1));
    const row = (e, x) => console.log([site.padEnd(6), e.padEnd(9), x.index_s.toFixed(2).padStart(9),
      (x.peak_kb / 1024).toFixed(0).padStart(9), (x.index_bytes / 1048576).toFixed(2).padStart(10),
      String(x.files).padStart(11), (x.first_query.bytes / 1024).toFixed(1).padStart(9),
      x.warm_median_ms.toFixed(1).padStart(9), x.cold_median_ms.toFixed(1).padStart(9)].join(" "));
    row("toolkit", r.toolkit);
    row("pagefind", r.pagefind);
  ' "$site" "$build_s" "$build_kb" "$index_ms" "$tk_bytes" "$tk_files" "$pf_s" "$pf_kb" "$pf_bytes" "$pf_files" "$out/browser.json"
done
echo "toolkit: index_s is the build's \"search index\" phase; peak_MB is the whole build's (pages included)."
