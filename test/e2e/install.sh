#!/usr/bin/env bash
# Installs everything the end-to-end tests need to run a real VS Code workbench headless:
#   * Debian packages (build deps for VS Code's native modules, ripgrep, chromium, a CJK font)
#   * code-server 4.100.3 (VS Code 1.100.3; needs Node 20) from the npm registry, into a cache
#     folder outside the project: ${GOVREPORT_E2E_CACHE:-$HOME/.cache/govreport-e2e}/code-server
#
# Idempotent: when the marker file exists and the install still looks intact, the second run is a
# fast no-op. Every network step is bounded by `timeout` and retried a bounded number of times.
# Only npm and Debian apt are reached; nothing is downloaded from GitHub (the ripgrep binary VS
# Code needs is copied from Debian's `ripgrep` package).
#
# Env:
#   GOVREPORT_E2E_CACHE   cache root (default: $HOME/.cache/govreport-e2e)
#   E2E_NET_TIMEOUT       seconds allowed for each network command (default: 900)
#   E2E_NET_RETRIES       attempts for each network command (default: 3)
#   E2E_FORCE_REINSTALL=1 ignore the marker and reinstall code-server from scratch
set -euo pipefail

CODE_SERVER_VERSION="4.100.3"
REQUIRED_NODE_MAJOR="20"
CACHE_ROOT="${GOVREPORT_E2E_CACHE:-$HOME/.cache/govreport-e2e}"
CS_ROOT="$CACHE_ROOT/code-server"
MARKER="$CS_ROOT/.govreport-e2e-installed"
MARKER_CONTENT="code-server@$CODE_SERVER_VERSION node-major=$REQUIRED_NODE_MAJOR"
NET_TIMEOUT="${E2E_NET_TIMEOUT:-900}"
NET_RETRIES="${E2E_NET_RETRIES:-3}"
# fonts-wqy-zenhei: a CJK font, so Chinese text in screenshots is legible (7 MB, against 56 MB for
# fonts-noto-cjk).
APT_PACKAGES=(libkrb5-dev libsecret-1-dev libxkbfile-dev pkg-config ripgrep chromium fonts-wqy-zenhei)

SECONDS=0
log() { printf '[e2e-install %3ds] %s\n' "$SECONDS" "$*"; }
die() { printf '[e2e-install %3ds] ERROR: %s\n' "$SECONDS" "$*" >&2; exit 1; }

# retry <what> <command...>: runs the command under `timeout`, up to NET_RETRIES times.
retry() {
  local what="$1"; shift
  local attempt=1 rc
  while true; do
    log "  $what (attempt $attempt/$NET_RETRIES, timeout ${NET_TIMEOUT}s)"
    rc=0
    timeout --kill-after=30 "$NET_TIMEOUT" "$@" || rc=$?
    if [ "$rc" -eq 0 ]; then return 0; fi
    if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then log "  $what timed out"; else log "  $what failed (exit $rc)"; fi
    if [ "$attempt" -ge "$NET_RETRIES" ]; then die "$what failed after $attempt attempts"; fi
    attempt=$((attempt + 1))
    sleep $((attempt * 5))
  done
}

# Bounded local (non-network) step: native builds etc.
bounded() {
  local what="$1" secs="$2"; shift 2
  log "  $what (timeout ${secs}s)"
  timeout --kill-after=30 "$secs" "$@" || die "$what failed (exit $?)"
}

# npm settings for every npm call below.
#  * npm 11 applies an `allowScripts` policy to dependency install scripts (this npm only warns,
#    stricter configs skip them). We install with --ignore-scripts and then run exactly the builds
#    we want via `npm rebuild` with the policy bypassed, only inside the code-server cache folder.
#  * `--unsafe-perm` (REAL-VSCODE.md) is a no-op since npm 7 and only produces a warning: omitted.
#  * node-pty's build calls `npx node-gyp`: npm_config_yes avoids the interactive prompt.
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
export npm_config_fetch_timeout=120000 npm_config_fetch_retries=3
export npm_config_yes=true
NPM_REBUILD=(env npm_config_dangerously_allow_all_scripts=true npm rebuild)
# argon2's install is `node-pre-gyp install --fallback-to-build`, which first tries a GitHub
# download. Build from source straight away (npm warns "Unknown env config build-from-source";
# node-pre-gyp reads it from the environment, so the warning is expected).
NPM_REBUILD_FROM_SOURCE=(env npm_config_dangerously_allow_all_scripts=true npm_config_build_from_source=true npm rebuild)

# ---------------------------------------------------------------------------------------------
log "cache: $CS_ROOT"

# 1. Node version (code-server 4.100.3 requires exactly Node 20).
node_major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo none)"
[ "$node_major" = "$REQUIRED_NODE_MAJOR" ] ||
  die "code-server $CODE_SERVER_VERSION needs Node $REQUIRED_NODE_MAJOR, found: $node_major ($(command -v node || echo 'no node'))"
log "node $(node -v), npm $(npm -v)"

# 2. Debian packages.
missing=()
for p in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if [ "${#missing[@]}" -eq 0 ]; then
  log "apt: all packages present (${APT_PACKAGES[*]}), skipped apt-get"
else
  log "apt: installing missing packages: ${missing[*]}"
  SUDO=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || die "not root and no sudo; install manually: apt-get install ${missing[*]}"
    SUDO=(sudo -n)
  fi
  export DEBIAN_FRONTEND=noninteractive
  retry "apt-get update" "${SUDO[@]}" apt-get -q update
  retry "apt-get install" "${SUDO[@]}" apt-get -q -y --no-install-recommends \
    -o Acquire::http::Timeout=60 -o Acquire::Retries=3 install "${missing[@]}"
fi
command -v rg >/dev/null || die "ripgrep (rg) not found after apt install"
[ -x /usr/bin/chromium ] || die "/usr/bin/chromium not found after apt install"

# 3. code-server.
VSCODE_DIR="$CS_ROOT/node_modules/code-server/lib/vscode"
ENTRY="$CS_ROOT/node_modules/code-server/out/node/entry.js"

install_looks_intact() {
  [ -f "$MARKER" ] && [ "$(cat "$MARKER")" = "$MARKER_CONTENT" ] &&
    [ -f "$ENTRY" ] &&
    [ -x "$VSCODE_DIR/node_modules/@vscode/ripgrep/bin/rg" ] &&
    [ -L "$VSCODE_DIR/node_modules.asar" ] &&
    [ -f "$VSCODE_DIR/node_modules/node-pty/build/Release/pty.node" ] &&
    [ -f "$VSCODE_DIR/node_modules/@vscode/spdlog/build/Release/spdlog.node" ]
}

if [ "${E2E_FORCE_REINSTALL:-0}" != "1" ] && install_looks_intact; then
  log "code-server: $(cat "$MARKER") already installed (marker $MARKER), skipped npm install/rebuild"
  log "done (nothing to do)"
  exit 0
fi

if [ -e "$CS_ROOT" ]; then
  log "code-server: removing incomplete/outdated install in $CS_ROOT"
  rm -rf "$CS_ROOT"
fi
mkdir -p "$CS_ROOT"
printf '{\n  "name": "govreport-e2e-code-server",\n  "private": true\n}\n' > "$CS_ROOT/package.json"

log "code-server: [1/6] npm install code-server@$CODE_SERVER_VERSION (scripts disabled)"
(cd "$CS_ROOT" && retry "npm install code-server" npm install --ignore-scripts --save-exact "code-server@$CODE_SERVER_VERSION")
[ -f "$ENTRY" ] || die "code-server entry point missing: $ENTRY"

log "code-server: [2/6] install VS Code's runtime dependencies (lib/vscode)"
(cd "$VSCODE_DIR" && retry "npm install (lib/vscode)" npm install --omit=dev --ignore-scripts)

log "code-server: [3/6] provide ripgrep from Debian (its postinstall would download from GitHub)"
mkdir -p "$VSCODE_DIR/node_modules/@vscode/ripgrep/bin"
cp "$(command -v rg)" "$VSCODE_DIR/node_modules/@vscode/ripgrep/bin/rg"
chmod 755 "$VSCODE_DIR/node_modules/@vscode/ripgrep/bin/rg"

log "code-server: [4/6] build VS Code's native modules (node-pty, spdlog, kerberos, ...)"
(cd "$VSCODE_DIR" && bounded "npm rebuild (lib/vscode)" 1200 "${NPM_REBUILD[@]}")
for f in node-pty/build/Release/pty.node @vscode/spdlog/build/Release/spdlog.node; do
  [ -f "$VSCODE_DIR/node_modules/$f" ] || die "native module was not built: $f (check build deps: g++, make, python3)"
done

log "code-server: [5/6] symlinks (node_modules.asar, remote-cli, browser helper) + built-in extensions' deps"
ln -sfn node_modules "$VSCODE_DIR/node_modules.asar"
ln -sfn code-linux.sh "$VSCODE_DIR/bin/remote-cli/code-server"
ln -sfn browser-linux.sh "$VSCODE_DIR/bin/helpers/browser.sh"
(cd "$VSCODE_DIR/extensions" && retry "npm install (lib/vscode/extensions)" npm install --omit=dev --ignore-scripts)
(cd "$VSCODE_DIR/extensions" && bounded "trim extensions' typescript" 120 node postinstall.mjs >/dev/null)

log "code-server: [6/6] build argon2 (code-server's password hashing; from source, no GitHub prebuilt)"
(cd "$CS_ROOT" && bounded "npm rebuild argon2" 600 "${NPM_REBUILD_FROM_SOURCE[@]}" argon2)

log "code-server: smoke check (--version)"
# code-server writes a default config.yaml under $XDG_CONFIG_HOME: keep that out of $HOME.
xdg_tmp="$(mktemp -d)"
version_rc=0
version_out="$(XDG_CONFIG_HOME="$xdg_tmp/config" XDG_DATA_HOME="$xdg_tmp/data" XDG_CACHE_HOME="$xdg_tmp/cache" \
  timeout 60 node "$ENTRY" --version 2>&1)" || version_rc=$?
rm -rf "$xdg_tmp"
version_line="$(printf '%s\n' "$version_out" | grep -m1 "^$CODE_SERVER_VERSION " || true)"
if [ "$version_rc" -ne 0 ] || [ -z "$version_line" ]; then
  die "code-server --version failed (exit $version_rc): $version_out"
fi
log "  $version_line"

echo "$MARKER_CONTENT" > "$MARKER"
log "done: code-server installed in $CS_ROOT (marker written)"
