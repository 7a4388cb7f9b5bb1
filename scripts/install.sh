#!/usr/bin/env bash
# Installs everything the project needs on a fresh Debian machine: Debian's Chromium (end-to-end tests and
# the browser host), poppler-utils (PDF text checks), then the npm dependencies from the lockfile.
# Electron's own install script (a binary download) is left unapproved, so this works offline too.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

npm ci --no-audit --no-fund
