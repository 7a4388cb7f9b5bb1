#!/usr/bin/env bash
# Debian packages the tests need: Chromium (end-to-end tests drive the real UI in it), poppler-utils
# (pdftotext, pdffonts: PDF checks) and, for the PostgreSQL tests run as root, useradd (embedded-postgres runs
# PostgreSQL as a `postgres` user it creates). Skips what is already there; uses sudo when not root.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
[ "$(id -u)" -ne 0 ] || command -v useradd >/dev/null 2>&1 || need+=(passwd)
[ ${#need[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
