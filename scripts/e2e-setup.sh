#!/bin/sh
# Prepares a real VS Code (code-server) for the end-to-end test, offline except for npm and Debian:
# chromium + libkrb5-dev from apt when missing, Node 24 (npm package node@24, code-server's postinstall
# demands it exactly), code-server 4.139.1. Everything lands in $E2E_ROOT so a second run is a no-op.
# Recipe: /work/shared/e2e-recipe/RECIPE.md (verified on this kind of machine).
set -e
E2E_ROOT=${E2E_ROOT:-$HOME/.cache/prompt-cost-e2e}
CS_VERSION=4.139.1
mkdir -p "$E2E_ROOT/node24" "$E2E_ROOT/cs"

missing=""
[ -x /usr/bin/chromium ] || missing="$missing chromium"
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing="$missing libkrb5-dev"   # kerberos builds from source
if [ -n "$missing" ]; then
  echo "e2e-setup: apt-get install$missing"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing
fi

NODE24="$E2E_ROOT/node24/node_modules/.bin"
if ! "$NODE24/node" --version 2>/dev/null | grep -q '^v24\.'; then
  echo "e2e-setup: installing node@24"
  (cd "$E2E_ROOT/node24" && { [ -f package.json ] || npm init -y >/dev/null; } && npm install --no-audit --no-fund node@24)
fi

CS="$E2E_ROOT/cs/node_modules/.bin/code-server"
CS_PKG="$E2E_ROOT/cs/node_modules/code-server/package.json"
# Version from package.json: `code-server --version` would write ~/.config/code-server/config.yaml.
if [ ! -x "$CS" ] || ! grep -q "\"version\": \"$CS_VERSION\"" "$CS_PKG" 2>/dev/null; then
  echo "e2e-setup: installing code-server@$CS_VERSION (a few minutes)"
  (cd "$E2E_ROOT/cs" && { [ -f package.json ] || npm init -y >/dev/null; } \
    && PATH="$NODE24:$PATH" npm install --no-audit --no-fund --foreground-scripts "code-server@$CS_VERSION")
fi
grep '"version"' "$CS_PKG" | head -1
echo "e2e-setup: ready in $E2E_ROOT"
