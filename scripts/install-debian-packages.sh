#!/usr/bin/env bash
# Installs the Debian packages a test needs when they are missing, as scripts/install-code-server.sh
# does for its own: with apt-get, as root or through password-less sudo; otherwise it fails with the
# exact command to run. Idempotent.
#
#   bash scripts/install-debian-packages.sh pre-commit
set -euo pipefail

fail() {
  echo "[debian-packages] ERROR: $*" >&2
  exit 1
}
[ "$#" -gt 0 ] || fail "name the packages to install"

missing=()
for pkg in "$@"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
[ ${#missing[@]} -gt 0 ] || exit 0

command -v apt-get >/dev/null || fail "missing packages (${missing[*]}) and no apt-get: install them by hand"
if [ "$(id -u)" = 0 ]; then
  SUDO=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  SUDO=(sudo -n)
else
  fail "missing Debian packages: ${missing[*]}; run as root: apt-get update && apt-get install -y ${missing[*]}"
fi
echo "[debian-packages] installing: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq >/dev/null || fail "apt-get update failed"
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || fail "apt-get install ${missing[*]} failed"
