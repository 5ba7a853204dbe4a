#!/usr/bin/env bash
# Browser tests and benchmarks drive Debian's Chromium; install it (and the Noto fonts the
# Arabic screenshots are made with) when missing. Never let a test tool download a browser.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
missing=()
[ -x "$CHROMIUM" ] || missing+=(chromium)
if ! { command -v fc-list >/dev/null && fc-list | grep -q 'Noto Naskh Arabic'; }; then
  missing+=(fonts-noto-core)
fi
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing Debian packages: ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
"$CHROMIUM" --version
