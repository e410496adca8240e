#!/usr/bin/env bash
# The browser tests drive a real Chromium. Install Debian's (and Hangul fonts) when it is missing and we may;
# otherwise say exactly what to do. CHROMIUM_PATH points the tests at another Chromium or Chrome.
set -euo pipefail
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$browser" ]; then exit 0; fi
if command -v apt-get >/dev/null 2>&1; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing Debian's chromium and fonts-noto-cjk for the browser tests…"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
  exit 0
fi
echo "No Chromium at $browser: install Chromium (or Chrome) and set CHROMIUM_PATH to it." >&2
exit 1
