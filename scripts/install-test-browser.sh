#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests when it is missing.
# (playwright-core cannot download its own browser on these machines.)
set -euo pipefail
# The tests start ${CHROMIUM_PATH:-/usr/bin/chromium}: that one must exist, not just any chromium.
if [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "Chromium ontbreekt: voer dit script uit als root (apt-get install chromium)." >&2; exit 1; }
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get install -y --no-install-recommends chromium || { $SUDO apt-get update && $SUDO apt-get install -y --no-install-recommends chromium; }
