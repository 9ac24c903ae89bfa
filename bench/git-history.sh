#!/usr/bin/env bash
# Time to read "Last updated" dates and change notes from git, on a generated repository of
# COMMITS commits over PAGES pages (default 5,000 over 1,000), beside `git log --name-only`.
#   bench/git-history.sh [PAGES] [COMMITS]
# The repository is made with git fast-import, so making it takes seconds, not minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PAGES=${1:-1000}
COMMITS=${2:-5000}
BIN=${BIN:-$ROOT/build/toolkit}
MAKE_CORPUS=${CORPUS_SCRIPT:-$ROOT/../shared/bench/make-corpus.py}
[[ -f $MAKE_CORPUS ]] || MAKE_CORPUS=/work/shared/bench/make-corpus.py
THEME=${THEME:-$ROOT/tests/themes/minimal}

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
python3 "$MAKE_CORPUS" "$WORK/site" "$PAGES" >/dev/null 2>&1
sed -i "s#^theme = .*#theme = \"$THEME\"#" "$WORK/site/config.toml"
cd "$WORK/site"
git init -q -b main .
python3 "$ROOT/bench/git_history_stream.py" . "$COMMITS" | git fast-import --quiet
git reset -q --hard main
echo "repository: $(git rev-list --count HEAD) commits, $(git ls-files content | wc -l) files under content/"

best() { sort -n | head -1; }
for _ in 1 2 3; do
  "$BIN" build --verbose -o "$WORK/out" | sed -n 's/^ *read git history *\([0-9.]*\) ms.*$/\1/p'
done | best | xargs printf 'toolkit, read git history (best of 3): %s ms\n'
for _ in 1 2 3; do
  s=$(date +%s%N); git log --name-only >/dev/null; e=$(date +%s%N); echo $(( (e - s) / 1000000 ))
done | best | xargs printf 'git log --name-only (best of 3):       %s ms\n'
echo "pages with a date: $(grep -l 'class="last-updated"' -r "$WORK/out" | wc -l); change notes on /whats-new/: $(grep -o '<li id="change-' "$WORK/out/whats-new/index.html" | wc -l)"
