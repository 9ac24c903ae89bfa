#!/usr/bin/env bash
# The whole test suite, in the order a failure is cheapest to find.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}

echo "== unit and integration tests (CTest)"
ctest --test-dir "$BUILD" --output-on-failure -j "$(nproc 2>/dev/null || echo 2)"

echo "== build the real site (strict: no warnings allowed)"
"$BUILD/toolkit" build --strict

if [[ -x "$BUILD/toolkit" ]] && "$BUILD/toolkit" help 2>/dev/null | grep -q '^  check'; then
  echo "== content check"
  "$BUILD/toolkit" check --content
  echo "== link check of the built site"
  "$BUILD/toolkit" check site
fi

if [[ -f tests/check/compare-linkinator.mjs && -d tests/e2e/node_modules ]]; then
  echo "== link check against linkinator (a fixture with planted faults)"
  (cd tests/e2e && node ../check/compare-linkinator.mjs "../../$BUILD/toolkit")
fi

if [[ -f tests/e2e/package.json ]]; then
  echo "== browser tests"
  (cd tests/e2e && node run.mjs)
fi

if [[ -f tests/tools/run.mjs ]]; then
  echo "== browser tests of the interactive tools"
  node tests/tools/run.mjs
fi

if [[ -f tests/ci/actionlint.mjs ]]; then
  echo "== workflow lint"
  (cd tests/e2e && node ../ci/actionlint.mjs ../../.github/workflows)
fi
echo "All tests passed."
