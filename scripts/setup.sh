#!/usr/bin/env bash
# Installs whatever the suite needs and is missing: npm dependencies, a Chromium
# (Debian's, unless BROWSER_PATH or Playwright's own browser is there) and Japanese fonts
# and the Debian tools listed below. Safe to run again: it skips what is there.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x node_modules/.bin/playwright ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm dependencies (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi

need=()
if [ -z "${BROWSER_PATH:-}" ] && [ ! -x /usr/bin/chromium ] \
  && ! node -e "process.exit(require('fs').existsSync(require('@playwright/test').chromium.executablePath())?0:1)" 2>/dev/null; then
  need+=(chromium)
fi
# fonts-noto-cjk: Japanese glyphs in screenshots. libnss3-tools: certutil, for the run-private
# NSS trust store Chromium reads. dovecot-imapd + dovecot-lmtpd: the real IMAP server the mail
# reader's tests and the staging double deliver into. chromium-headless-shell: the lean headless
# browser. sslscan: cross-check of the preflight's protocol probes.
for pkg in fonts-noto-cjk libnss3-tools dovecot-imapd dovecot-lmtpd chromium-headless-shell sslscan; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    need+=("$pkg")
  fi
done

if [ ${#need[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null; then
    echo "setup: missing ${need[*]} and no apt-get here: install them, or set BROWSER_PATH to a Chromium." >&2
    exit 1
  fi
  SUDO=""
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null; then SUDO="sudo"; else
      echo "setup: missing ${need[*]}; run as root: apt-get update && apt-get install -y ${need[*]}" >&2
      exit 1
    fi
  fi
  echo "setup: installing Debian packages: ${need[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
