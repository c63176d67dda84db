#!/usr/bin/env bash
# Installs what visitplan needs on Debian: GLPK's headers and library (libglpk-dev) to build, and
# with --tests also Chromium and its WebDriver for the server's browser test, and PostgreSQL for the
# store tests (scripts/with-postgres starts a throwaway cluster).
# Safe to run again: it installs only what is missing.
set -euo pipefail
packages=()
if ! [ -f /usr/include/glpk.h ] || ! ls /usr/lib/*/libglpk.so >/dev/null 2>&1; then packages+=(libglpk-dev); fi
if [ "${1:-}" = "--tests" ]; then
  [ -x /usr/bin/chromium ] || packages+=(chromium)
  [ -x /usr/bin/chromedriver ] || packages+=(chromium-driver)
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || packages+=(postgresql)
fi
[ ${#packages[@]} -eq 0 ] && exit 0
echo "visitplan: installing ${packages[*]} with apt-get" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${packages[@]}" >/dev/null
