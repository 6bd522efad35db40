#!/usr/bin/env bash
# Installs a pinned code-server (VS Code in a browser, run from Node) for the integration tests,
# and Neovim for the language server's, from the npm registry and Debian packages only.
# Idempotent: a finished install is reused.
#
#   bash scripts/install-code-server.sh        # prints the code-server entry point on its last line
#
# Environment:
#   SRLENS_CODE_SERVER_DIR   where to install (default: ~/.cache/srlens/code-server-<version>)
#
# Installing Debian packages needs root (or password-less sudo); the script fails with the exact
# command to run otherwise.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3 # VS Code 1.100.3; needs Node 20
# neovim: the language server's real-client test (test/integration/neovim/), run next to the VS Code suites.
DEBIAN_PACKAGES=(pkg-config libx11-dev libxkbfile-dev libsecret-1-dev libkrb5-dev ripgrep chromium make g++ python3 neovim)

say() { echo "[code-server] $*" >&2; }
fail() {
  echo "[code-server] ERROR: $*" >&2
  exit 1
}

command -v node >/dev/null || fail "node is not on PATH"
command -v npm >/dev/null || fail "npm is not on PATH"
NODE_MAJOR=$(node -p 'process.versions.node.split(".")[0]')
NODE_ABI=$(node -p 'process.versions.modules')
[ "$NODE_MAJOR" = 20 ] || say "warning: code-server $CODE_SERVER_VERSION is built for Node 20; this is Node $(node --version)"

TARGET=${SRLENS_CODE_SERVER_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/srlens/code-server-$CODE_SERVER_VERSION}
STAMP="code-server $CODE_SERVER_VERSION node-abi $NODE_ABI"
ENTRY="$TARGET/node_modules/code-server/out/node/entry.js"

# --- Debian packages ------------------------------------------------------------------------------
missing=()
for pkg in "${DEBIAN_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  command -v apt-get >/dev/null || fail "missing packages (${missing[*]}) and no apt-get: install them by hand"
  if [ "$(id -u)" = 0 ]; then
    SUDO=()
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    SUDO=(sudo -n)
  else
    fail "missing Debian packages: ${missing[*]}; run as root: apt-get update && apt-get install -y ${missing[*]}"
  fi
  say "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -qq >/dev/null || fail "apt-get update failed"
  "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || fail "apt-get install ${missing[*]} failed"
fi
RG=$(command -v rg) || fail "ripgrep (rg) is not on PATH"

# --- code-server ----------------------------------------------------------------------------------
if [ -f "$TARGET/.srlens-installed" ] && [ "$(cat "$TARGET/.srlens-installed")" = "$STAMP" ] && [ -f "$ENTRY" ]; then
  say "code-server $CODE_SERVER_VERSION already installed in $TARGET"
  echo "$ENTRY"
  exit 0
fi

# Native modules compile against this Node's headers; point node-gyp at them so it never downloads.
if [ -z "${npm_config_nodedir:-}" ]; then
  NODE_PREFIX=$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")
  [ -f "$NODE_PREFIX/include/node/node.h" ] && export npm_config_nodedir="$NODE_PREFIX"
fi
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false npm_config_loglevel=error

started=$(date +%s)
WORK="$TARGET.partial.$$"
trap 'rm -rf "$WORK"' EXIT
rm -rf "$WORK"
mkdir -p "$WORK" 2>/dev/null || fail "cannot create $WORK (set SRLENS_CODE_SERVER_DIR to a writable folder)"
printf '{ "name": "srlens-code-server", "private": true }\n' >"$WORK/package.json"

say "1/5 npm install code-server@$CODE_SERVER_VERSION (no install scripts)"
(cd "$WORK" && npm install --ignore-scripts --no-package-lock "code-server@$CODE_SERVER_VERSION" >/dev/null) || fail "npm install code-server@$CODE_SERVER_VERSION failed"
CS="$WORK/node_modules/code-server"
[ -f "$CS/lib/vscode/package.json" ] || fail "unexpected code-server layout: $CS/lib/vscode/package.json is missing"

say "2/5 npm install VS Code's dependencies (lib/vscode)"
(cd "$CS/lib/vscode" && npm install --omit=dev --ignore-scripts >/dev/null) || fail "npm install in lib/vscode failed"
# @vscode/ripgrep's install script would download rg; use Debian's.
mkdir -p "$CS/lib/vscode/node_modules/@vscode/ripgrep/bin"
cp "$RG" "$CS/lib/vscode/node_modules/@vscode/ripgrep/bin/rg"

say "3/5 compiling VS Code's native modules"
(cd "$CS/lib/vscode" && npm_config_yes=true npm rebuild >"$WORK/rebuild.log" 2>&1) || {
  tail -n 40 "$WORK/rebuild.log" >&2
  fail "npm rebuild in lib/vscode failed (needs make, g++, python3 and the Node headers)"
}
ln -sfn node_modules "$CS/lib/vscode/node_modules.asar"

say "4/5 npm install the built-in extensions' dependencies"
(cd "$CS/lib/vscode/extensions" && npm install --omit=dev --ignore-scripts >/dev/null) || fail "npm install in lib/vscode/extensions failed"

say "5/5 compiling code-server's own native module (argon2)"
(cd "$WORK" && npm rebuild argon2 >"$WORK/argon2.log" 2>&1) || {
  tail -n 40 "$WORK/argon2.log" >&2
  fail "npm rebuild argon2 failed"
}

# (code-server writes a config file and logs under the XDG folders: keep them out of the home folder.)
(cd "$WORK" && XDG_CONFIG_HOME="$WORK/.probe" XDG_DATA_HOME="$WORK/.probe" node node_modules/code-server/out/node/entry.js --version >/dev/null) || fail "the installed code-server does not start (node node_modules/code-server/out/node/entry.js --version)"
echo "$STAMP" >"$WORK/.srlens-installed"
rm -rf "$WORK/rebuild.log" "$WORK/argon2.log" "$WORK/.probe"
rm -rf "$TARGET"
mkdir -p "$(dirname "$TARGET")"
mv "$WORK" "$TARGET"
trap - EXIT
say "installed code-server $CODE_SERVER_VERSION in $TARGET ($(($(date +%s) - started)) s)"
echo "$ENTRY"
