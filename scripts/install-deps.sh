#!/usr/bin/env bash
# Installs what the project needs, and only what is missing.
# Debian/Ubuntu: uses apt. Elsewhere: prints the package list and exits 1 if anything is missing.
# Usage: scripts/install-deps.sh [--browser]   (--browser adds chromium and the npm test packages)
set -euo pipefail
cd "$(dirname "$0")/.."

core=(build-essential cmake pkg-config git
  libmd4c-dev libtomlplusplus-dev libkainjow-mustache-dev libgit2-dev libboost-filesystem-dev
  libgtest-dev libcli11-dev libfmt-dev libcpp-httplib-dev libgumbo-dev libstemmer-dev
  libcurl4-openssl-dev libxxhash-dev nlohmann-json3-dev libzip-dev zlib1g-dev libjemalloc-dev libdeflate-dev libabsl-dev)
browser=(chromium nodejs npm)

want=("${core[@]}")
if [[ "${1:-}" == "--browser" ]]; then want+=("${browser[@]}"); fi

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for p in "${want[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    # nodejs/npm may come from elsewhere (nvm, nodesource): accept the command
    if [[ "$p" == nodejs ]] && command -v node >/dev/null 2>&1; then continue; fi
    if [[ "$p" == npm ]] && command -v npm >/dev/null 2>&1; then continue; fi
    [[ "$status" == "install ok installed" ]] || missing+=("$p")
  done
else
  echo "Not a Debian system. Install these packages (or their equivalents):" >&2
  printf '  %s\n' "${want[@]}" >&2
  exit 1
fi

if ((${#missing[@]})); then
  echo "install-deps: installing ${missing[*]}"
  sudo=""
  [[ $(id -u) -ne 0 ]] && sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [[ "${1:-}" == "--browser" ]]; then
  if [[ ! -d tests/e2e/node_modules ]] || [[ tests/e2e/package-lock.json -nt tests/e2e/node_modules ]]; then
    (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)
    touch tests/e2e/node_modules
  fi
fi
