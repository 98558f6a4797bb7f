#!/usr/bin/env bash
# Installs Debian's Chromium and its WebDriver (when missing) for the browser tests (*BrowserIT), which use
# /usr/bin/chromium and /usr/bin/chromedriver directly: nothing is downloaded at test time. Idempotent.
set -euo pipefail

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver >/dev/null
fi
echo "browser: $(/usr/bin/chromedriver --version 2>/dev/null | cut -d' ' -f1-2)"
