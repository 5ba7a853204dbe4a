#!/usr/bin/env bash
# Installs the Debian packages the tests and benchmarks need when they are missing:
# Chromium (browser tests; never let a test tool download a browser), the Noto fonts the Arabic
# screenshots are made with, poppler-utils and qpdf (the PDF tests check output with pdftotext,
# pdftoppm and qpdf --check) and PostgreSQL (the sync server's tests run on SQLite and PostgreSQL).
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
missing=()
[ -x "$CHROMIUM" ] || missing+=(chromium)
if ! { command -v fc-list >/dev/null && fc-list | grep -q 'Noto Naskh Arabic'; }; then
  missing+=(fonts-noto-core)
fi
command -v pdftotext >/dev/null || missing+=(poppler-utils)
command -v qpdf >/dev/null || missing+=(qpdf)
command -v pg_ctlcluster >/dev/null || missing+=(postgresql)
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing Debian packages: ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
