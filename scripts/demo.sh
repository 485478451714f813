#!/usr/bin/env bash
# The main job on a fresh machine: install what is needed, synthesize the whole platform for an
# environment (default dev) and print what was produced.
set -euo pipefail
cd "$(dirname "$0")/.."
# The jsii runtime behind the CDK warns on every start that node 20 is past end-of-life; it works, so keep logs readable.
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20 JSII_SILENCE_WARNING_UNTESTED_NODE_VERSION=1
env_name="${1:-dev}"

bash scripts/setup.sh
echo "[demo] synthesizing the platform for env=$env_name" >&2
npx --no-install cdk synth --quiet -c env="$env_name" >/dev/null
./dqe synth-summary cdk.out
