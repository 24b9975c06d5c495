#!/usr/bin/env bash
# Installs a Debian package unless one of the commands it provides is on PATH already:
#   scripts/install-debian-package.sh PACKAGE COMMAND [COMMAND ...]
# As root apt-get runs directly, otherwise through sudo. The environment variable goes through
# `env`: `$SUDO DEBIAN_FRONTEND=… apt-get` with an empty SUDO would run the assignment as a command.
set -euo pipefail
package=$1
shift
for command in "$@"; do
  if command -v "$command" > /dev/null; then
    exit 0
  fi
done
as_root=(env DEBIAN_FRONTEND=noninteractive)
if [ "$(id -u)" != 0 ]; then
  as_root=(sudo "${as_root[@]}")
fi
echo "installing Debian's $package (no $* on PATH)"
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq "$package" > /dev/null
