#!/usr/bin/env bash
# Installs what Dqe's build, demo and tests need on a fresh Debian machine with the .NET SDK.
# Idempotent: each step is skipped when its tool is already there. Safe to run repeatedly.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '[setup] %s\n' "$*" >&2; }

if ! command -v dotnet >/dev/null 2>&1; then
  log "the .NET 10 SDK is required (https://dot.net); install it, then re-run."
  exit 1
fi

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# Debian packages: real Prometheus (promtool), Alertmanager (amtool) and ClickHouse for the tests.
need_apt=()
command -v promtool >/dev/null 2>&1 || need_apt+=(prometheus)
command -v amtool >/dev/null 2>&1 || need_apt+=(prometheus-alertmanager)
[ -x /usr/sbin/clickhouse-server ] || need_apt+=(clickhouse-server clickhouse-client)
command -v node >/dev/null 2>&1 || need_apt+=(nodejs npm)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "installing Debian packages: ${need_apt[*]}"
  as_root apt-get update -qq
  # Services must not start on install: tests start their own instances on free loopback ports.
  as_root env DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
  as_root sh -c 'for s in prometheus prometheus-alertmanager prometheus-node-exporter clickhouse-server; do systemctl stop "$s" 2>/dev/null || service "$s" stop 2>/dev/null || true; done' || true
fi

# npm tooling pinned by package-lock.json: aws-cdk CLI, kubectl layer, ASL validator, local Step Functions.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "installing npm packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi

log "restoring .NET packages"
dotnet restore Dqe.sln --verbosity quiet
