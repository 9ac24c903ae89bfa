#!/usr/bin/env bash
# Link checking speed: `toolkit check` (internal links, anchors, assets) against linkinator 8.1
# on the same built corpora, in one run.
#
#   bench/check.sh                    1,000 and 10,000 pages; linkinator on 1,000 only
#   LINKINATOR_10K=1 bench/check.sh   linkinator on 10,000 too (it takes the better part of an hour)
#   SIZES="1000" bench/check.sh       other corpus sizes
#   FULL_NAV_SIZES="1000 10000"       also check these sizes built with every stage page in the navigation
#
# Corpora come from shared/bench/make-corpus.py into bench/out/ (gitignored) and are built with
# the real theme when it is there, else the fixture theme. Both are built and checked with the
# base URL "/": the corpus links to example.org, which its config also names as the site's own
# address, and those links are meant to be external ones. linkinator skips external links
# (--skip), so both tools do the same work: every page, every link and image on it.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BUILD=${BUILD:-build}
TOOLKIT="$ROOT/$BUILD/toolkit"
OUT="$ROOT/bench/out"
SIZES=${SIZES:-"1000 10000"}
MAKE_CORPUS=""
for c in "${SHARED:-}" ../shared /work/shared; do
  if [[ -n "$c" && -f "$c/bench/make-corpus.py" ]]; then MAKE_CORPUS="$c/bench/make-corpus.py"; break; fi
done
[[ -n "$MAKE_CORPUS" ]] || { echo "bench/check.sh: shared/bench/make-corpus.py not found (set SHARED)" >&2; exit 2; }
[[ -x "$TOOLKIT" ]] || { echo "bench/check.sh: build the generator first (make generator)" >&2; exit 2; }
LINKINATOR="$ROOT/tests/e2e/node_modules/.bin/linkinator"
[[ -x "$LINKINATOR" ]] || (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)

theme="$ROOT/themes/toolkit"
[[ -d "$theme/templates" && -n "$(ls -A "$theme/templates")" ]] || theme="$ROOT/tests/themes/minimal"
mkdir -p "$OUT"

measure() { # measure OUTFILE COMMAND...: "wall cpu" in seconds, whatever the command's exit code
  local out=$1 times
  shift
  times=$(mktemp)
  local TIMEFORMAT='%R %U %S'
  { time "$@" >"$out" 2>/dev/null || true; } 2>"$times"
  awk '{ printf "%.2f %.2f\n", $1, $2 + $3 }' "$times"
  rm -f "$times"
}

echo "theme: $theme"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '| pages | navigation | HTML | links | toolkit check: wall (cpu) | linkinator: wall (cpu) | ratio, wall (cpu) |\n| ---: | --- | --- | ---: | ---: | ---: | ---: |\n' > "$OUT/check-results.md"
# Each corpus is checked as the site builds it ("default": the step-by-step navigation lists the
# group of 40 pages holding the current page) and, at the sizes in FULL_NAV_SIZES (default 1000),
# with step_nav_limit = 0 ("full": every page lists all of its stage's pages, as Hugo's layout for
# the corpus does; the issue's linkinator figure was measured on pages like these).
FULL_NAV_SIZES=${FULL_NAV_SIZES:-1000}
for n in $SIZES; do
  dir="$OUT/corpus-$n"
  python3 "$MAKE_CORPUS" "$dir" "$n" >/dev/null
  sed -i "s|^theme = .*|theme = \"$theme\"|" "$dir/config.toml"
  { echo "step_nav_limit = 0"; cat "$dir/config.toml"; } > "$dir/config-full.toml"
  navs="default"
  [[ " $FULL_NAV_SIZES " == *" $n "* ]] && navs="default full"
  for nav in $navs; do
    if [[ $nav == full ]]; then site="$dir/site-full"; config="$dir/config-full.toml"; else site="$dir/site"; config="$dir/config.toml"; fi
    "$TOOLKIT" build --config "$config" -o "$site" --base-url / --quiet
    size=$(du -sh "$site" | cut -f1)

    # Once untimed so that both tools find the files in the page cache.
    "$TOOLKIT" check "$site" --base-url / --format json > "$dir/toolkit.json" || true
    links=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['summary']['links'])" "$dir/toolkit.json")
    broken=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['summary']['broken'])" "$dir/toolkit.json")
    read -r t_toolkit c_toolkit < <(measure /dev/null "$TOOLKIT" check "$site" --base-url /)
    echo "$n pages, $nav navigation ($size, $links links): toolkit check ${t_toolkit} s (cpu ${c_toolkit} s), $broken broken"

    ratio="-"
    if [[ "$n" -le 1000 || -n "${LINKINATOR_10K:-}" ]]; then
      read -r t_linkinator c_linkinator < <(measure "$dir/linkinator.json" "$LINKINATOR" "$site" --recurse --skip '^https?://(?!localhost|127\.0\.0\.1)' --format json)
      lbroken=$(python3 -c "import json,sys; print(sum(1 for l in json.load(open(sys.argv[1]))['links'] if l['state']=='BROKEN'))" "$dir/linkinator.json" 2>/dev/null || echo "?")
      echo "$n pages, $nav navigation: linkinator found $lbroken broken"
      ratio="$(echo "scale=0; $t_linkinator / $t_toolkit" | bc)x ($(echo "scale=0; $c_linkinator / $c_toolkit" | bc)x)"
      echo "$n pages, $nav navigation: linkinator ${t_linkinator} s (cpu ${c_linkinator} s): toolkit check is $ratio faster"
      linkinator_cell="$t_linkinator s ($c_linkinator s)"
    else
      linkinator_cell="-"
    fi
    printf '| %s | %s | %s | %s | %s s (%s s) | %s | %s |\n' "$n" "$nav" "$size" "$links" "$t_toolkit" "$c_toolkit" \
      "$linkinator_cell" "$ratio" >> "$OUT/check-results.md"
  done
done
cat "$OUT/check-results.md"
