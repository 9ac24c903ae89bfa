#!/usr/bin/env bash
# Time from saving a page to the live-reload event, on a generated corpus (default 1,000 pages).
#   bench/serve.sh [PAGES] [ROUNDS]
# Needs build/toolkit and ../shared/bench/make-corpus.py (or CORPUS_SCRIPT=...).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PAGES=${1:-1000}
ROUNDS=${2:-20}
BIN=${BIN:-$ROOT/build/toolkit}
MAKE_CORPUS=${CORPUS_SCRIPT:-$ROOT/../shared/bench/make-corpus.py}
[[ -f $MAKE_CORPUS ]] || MAKE_CORPUS=/work/shared/bench/make-corpus.py
THEME=${THEME:-$ROOT/themes/toolkit}
[[ -d $THEME/templates ]] || THEME=$ROOT/tests/themes/minimal

WORK=$(mktemp -d)
SERVER=
trap '[[ -n $SERVER ]] && kill "$SERVER" 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"' EXIT
python3 "$MAKE_CORPUS" "$WORK/site" "$PAGES" >/dev/null
# The corpus names the theme "toolkit"; point it at a theme folder instead.
sed -i "s#^theme = .*#theme = \"$THEME\"#" "$WORK/site/config.toml"
PAGE=$(ls "$WORK/site/content/strategy/"[a-z]*.md | head -n 1 || true)

"$BIN" serve --config "$WORK/site/config.toml" --port 0 --no-git ${VERBOSE:+--verbose} >"$WORK/out" 2>"$WORK/err" &
SERVER=$!
for _ in $(seq 1 600); do grep -q '^Serving ' "$WORK/out" 2>/dev/null && break; sleep 0.1; done
URL=$(sed -n 's/^Serving \(http:\/\/[^/]*\).*/\1/p' "$WORK/out")
[[ -n $URL ]] || { cat "$WORK/out" "$WORK/err"; exit 1; }
echo "$(grep '^Built' "$WORK/out") (first build, $PAGES-page corpus, theme $(basename "$THEME"))"
python3 bench/serve_client.py "$URL" "$PAGE" --rounds "$ROUNDS"
if [[ -n ${VERBOSE:-} ]]; then tail -12 "$WORK/out"; fi
