#!/usr/bin/env bash
# Starts a local Hardhat 2 node (chain id 31337, automining, the well-known public dev accounts) on
# 127.0.0.1:8545 for the EVM anchoring integration tests, in the background, and waits (bounded) until it
# answers eth_chainId. Installs Node.js and npm from the Debian archive when `node` is missing, and Hardhat
# from the npm registry with `npm ci` (exact versions from .ci/hardhat/package-lock.json). Idempotent: a node
# already answering on the port is reused. The caller sets MICROCRED_TEST_EVM_URL=http://127.0.0.1:8545.
# Hardhat 2.28.6 (not 3): Hardhat 3 needs a newer Node than Debian's. The CI machines have Node 20; Debian 12's
# own nodejs (the fallback below) is 18, under the ">= 20" that Hardhat's runtime (EDR) declares: refused below.
set -euo pipefail
cd "$(dirname "$0")/hardhat"

url=http://127.0.0.1:8545
need_apt=()
command -v curl >/dev/null 2>&1 || need_apt+=(curl)
command -v node >/dev/null 2>&1 || need_apt+=(nodejs)
command -v npm  >/dev/null 2>&1 || need_apt+=(npm)
if [ ${#need_apt[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
# Hardhat 2.28's runtime (EDR) needs Node.js 20 or newer; Debian 12's own nodejs is 18: say so instead of failing later
node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 20 ]; then
  echo "hardhat: Node.js $(node --version) is too old: Hardhat 2.28 needs Node.js 20 or newer" >&2
  exit 2
fi

chain_id() {
  curl -s -m 2 -H 'Content-Type: application/json' \
    -d '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}' "$url" 2>/dev/null | grep -o '"result":"0x[0-9a-f]*"' || true
}

if [ -n "$(chain_id)" ]; then
  echo "hardhat: a node already answers on $url ($(chain_id))"
  exit 0
fi

started=$(date +%s)
if [ ! -x node_modules/.bin/hardhat ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
# Hardhat asks whether to send telemetry on first use in a terminal; answer no without asking.
export HARDHAT_DISABLE_TELEMETRY_PROMPT=true
# (the binary itself rather than `npx hardhat`, so that the recorded pid is the node's own)
nohup node_modules/.bin/hardhat node --hostname 127.0.0.1 --port 8545 > hardhat-node.log 2>&1 &
echo $! > hardhat-node.pid

for _ in $(seq 1 120); do
  if [ -n "$(chain_id)" ]; then
    echo "hardhat: node $(node_modules/.bin/hardhat --version) ready on $url ($(chain_id)) in $(( $(date +%s) - started )) s (pid $(cat hardhat-node.pid), log .ci/hardhat/hardhat-node.log)"
    exit 0
  fi
  if ! kill -0 "$(cat hardhat-node.pid)" 2>/dev/null; then
    echo "hardhat: the node exited; its log:"; cat hardhat-node.log; exit 2
  fi
  sleep 0.5
done
echo "hardhat: no answer on $url after 60 s; its log:"; tail -50 hardhat-node.log; exit 2
