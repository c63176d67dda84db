#!/usr/bin/env bash
# Installs what visitplan needs to build on Debian: GLPK's headers and library (libglpk-dev).
# Safe to run again: it does nothing when GLPK is already there.
set -euo pipefail
if [ -f /usr/include/glpk.h ] && ls /usr/lib/*/libglpk.so >/dev/null 2>&1; then
  exit 0
fi
echo "visitplan: installing libglpk-dev (GLPK) with apt-get" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libglpk-dev >/dev/null
