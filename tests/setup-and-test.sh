#!/usr/bin/env bash
# Installs what the tests need on a fresh Debian machine, then runs every test.
# This is `npm test`; .ci/run calls exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages: Chromium for end-to-end and print tests, poppler-utils to
# read printed PDFs, fonts so printed documents render the same everywhere.
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v pdfinfo >/dev/null 2>&1 || missing+=(poppler-utils)
dpkg -s fonts-liberation >/dev/null 2>&1 || missing+=(fonts-liberation)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  sudo_cmd=""
  if [ "$(id -u)" != 0 ]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# npm packages, exactly as locked. better-sqlite3 uses its bundled prebuilt
# binary (package.json allowScripts keeps npm from rebuilding it).
if [ "${SKIP_NPM_CI:-}" != "1" ]; then
  npm ci --no-audit --no-fund
fi

# Node 24 from node_modules/.bin for everything below (better-sqlite3 13 needs 22+).
export PATH="$PWD/node_modules/.bin:$PATH"
node -e "if (+process.versions.node.split('.')[0] < 22) { console.error('Node 22+ needed, found ' + process.version); process.exit(1) } console.log('node ' + process.version)"

npm run test:all
