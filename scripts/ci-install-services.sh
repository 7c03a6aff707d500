#!/usr/bin/env bash
# Installs the database servers the engine tests start (test/support/global-setup.ts): PostgreSQL 15 with its
# contrib modules (pg_trgm) and MariaDB. Idempotent: installs only what is missing. Debian/Ubuntu, run as root
# (or with sudo available). CI calls it before `npm test` and sets OTA_REQUIRE_DATABASES=1.
set -euo pipefail

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else echo "ci-install-services: need root or sudo" >&2; exit 1; fi
fi

missing=()
pg_bin="${OTA_PG_BIN:-/usr/lib/postgresql/15/bin}"
if [ ! -x "$pg_bin/postgres" ] || [ ! -x "$pg_bin/initdb" ]; then
  missing+=(postgresql-15)
fi
# pg_trgm is part of the server package since PostgreSQL 10 on Debian; older layouts ship it in -contrib.
if [ ! -f /usr/share/postgresql/15/extension/pg_trgm.control ]; then
  missing+=(postgresql-contrib-15)
fi
if ! command -v mariadbd >/dev/null 2>&1 && [ ! -x /usr/sbin/mariadbd ] && [ ! -x /usr/sbin/mysqld ]; then
  missing+=(mariadb-server)
fi

if [ "${#missing[@]}" -eq 0 ]; then
  echo "ci-install-services: PostgreSQL 15 and MariaDB already installed"
  exit 0
fi

echo "ci-install-services: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# postgresql-contrib-15 is a virtual package on newer Debian (provided by postgresql-15): fall back to the server.
if ! $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"; then
  $SUDO apt-get install -y -qq --no-install-recommends postgresql-15 mariadb-server
fi
# The packages' own services are not needed (the tests start private servers) and may not start in containers.
echo "ci-install-services: done"
