#!/usr/bin/env bash
# Installs Debian's PostgreSQL for the server tests when it is missing. The tests start
# their own throwaway cluster (initdb + pg_ctl, tests/server/support/global-setup.ts);
# nothing here starts or configures a database service.
set -euo pipefail
if compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "PostgreSQL ontbreekt: voer dit script uit als root (apt-get install postgresql)." >&2; exit 1; }
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update && $SUDO apt-get install -y --no-install-recommends postgresql
