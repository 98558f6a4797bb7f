#!/usr/bin/env bash
# Rebuilds the example credentials in this folder with a fresh throwaway did:key issuer.
# Run from anywhere: docs/examples/make.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
mc="$here/../../microcred"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export MICROCRED_PASSPHRASE="example only, never use for real credentials"
"$mc" keygen --out "$work/ed25519.key" >/dev/null
"$mc" keygen --type p256 --out "$work/p256.key" >/dev/null
common=(--issuer-name "Example Academy" --issuer-url "https://academy.example"
        --name "Data Literacy" --description "Reads, questions and presents data."
        --criteria "Passed the **final assessment** (80% or more)."
        --achievement-id "https://academy.example/achievements/data-literacy"
        --skill "http://data.europa.eu/esco/skill/2b92a5b2-6758-4ee3-9fb4-b6387a55cc8f=perform data analysis"
        --email learner@example.org --valid-until 2036-01-01T00:00:00Z)
"$mc" issue --key "$work/ed25519.key" "${common[@]}" --format ldp-rdfc --out "$here/data-literacy.ldp-rdfc.json" \
    --bake "$here/data-literacy.png"
"$mc" issue --key "$work/ed25519.key" "${common[@]}" --format ldp-jcs --out "$here/data-literacy.ldp-jcs.json"
"$mc" issue --key "$work/p256.key" "${common[@]}" --format jwt-es256 --out "$here/data-literacy.es256.jwt" \
    --bake "$here/data-literacy.svg"
