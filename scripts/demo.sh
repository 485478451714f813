#!/usr/bin/env bash
# The main job on a fresh machine: install what is needed, synthesize the whole platform for an
# environment (default dev) and print what was produced.
set -euo pipefail
cd "$(dirname "$0")/.."
env_name="${1:-dev}"

bash scripts/setup.sh
echo "[demo] synthesizing the platform for env=$env_name" >&2
npx --no-install cdk synth --quiet -c env="$env_name" >/dev/null
./dqe synth-summary cdk.out
