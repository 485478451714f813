#!/usr/bin/env bash
# The main job on a fresh machine: install what is needed, synthesize the whole platform for an environment
# (default dev), then run the synthesized benchmark state machine locally (`dqe workflow run benchmark`): the
# real bench handlers in-process against a throwaway local clickhouse-server, reports in a local directory.
# Ends by printing the path of the report.html that run produced.
# Tunables (environment): DQE_DEMO_SCALE (hits rows, default 10k), DQE_DEMO_ITERATIONS (default 3),
# DQE_DEMO_REPORTS (report store directory, default .dqe/demo; kept, so later runs compare with it).
set -euo pipefail
cd "$(dirname "$0")/.."
# The jsii runtime behind the CDK warns on every start that node 20 is past end-of-life; it works, so keep logs readable.
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20 JSII_SILENCE_WARNING_UNTESTED_NODE_VERSION=1
env_name="${1:-dev}"
scale="${DQE_DEMO_SCALE:-10k}"
iterations="${DQE_DEMO_ITERATIONS:-3}"
reports="${DQE_DEMO_REPORTS:-$PWD/.dqe/demo}"

log() { printf '[demo] %s\n' "$*" >&2; }

bash scripts/setup.sh
log "synthesizing the platform for env=$env_name"
# The jsii runtime unpacks ~65 MB under TMPDIR on every start and never removes it: give the synth its own.
synth_tmp="$(mktemp -d "${TMPDIR:-/tmp}/dqe-synth-XXXXXX")"
if TMPDIR="$synth_tmp" npx --no-install cdk synth --quiet -c env="$env_name" >/dev/null; then
  rm -rf "$synth_tmp"
else
  status=$?
  rm -rf "$synth_tmp"
  exit "$status"
fi
./dqe synth-summary cdk.out

# A throwaway clickhouse-server: free loopback ports, its own config and data under a temp dir, stopped on exit.
binary=""
for candidate in /usr/sbin/clickhouse-server /usr/bin/clickhouse-server /usr/bin/clickhouse; do
  [ -x "$candidate" ] && { binary="$candidate"; break; }
done
[ -n "$binary" ] || { log "clickhouse-server is not installed: run scripts/setup.sh"; exit 1; }
work="$(mktemp -d "${TMPDIR:-/tmp}/dqe-demo-XXXXXX")"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Three distinct free ports, held open together while chosen.
read -r http_port tcp_port interserver_port < <(node -e '
  const net = require("node:net");
  Promise.all([0, 1, 2].map(() => new Promise((ok) => { const s = net.createServer(); s.listen(0, "127.0.0.1", () => ok(s)); })))
    .then((servers) => { console.log(servers.map((s) => s.address().port).join(" ")); servers.forEach((s) => s.close()); });')
[ -n "${interserver_port:-}" ] || { log "could not pick free loopback ports"; exit 1; }

# The flags the Debian 18.16 server needs, as tests/Dqe.TestServers/ClickHouseLocalServer.cs writes them.
cat >"$work/config.xml" <<EOF
<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>$work/clickhouse-server.log</log><errorlog>$work/clickhouse-server.err.log</errorlog><console>0</console></logger>
  <http_port>$http_port</http_port>
  <tcp_port>$tcp_port</tcp_port>
  <interserver_http_port>$interserver_port</interserver_http_port>
  <listen_host>127.0.0.1</listen_host>
  <path>$work/data/</path>
  <tmp_path>$work/tmp/</tmp_path>
  <user_files_path>$work/user_files/</user_files_path>
  <format_schema_path>$work/format_schemas/</format_schema_path>
  <users_config>$work/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <mark_cache_size>5368709120</mark_cache_size>
  <max_concurrent_queries>50</max_concurrent_queries>
</yandex>
EOF
cat >"$work/users.xml" <<'EOF'
<?xml version="1.0"?>
<yandex>
  <profiles><default></default></profiles>
  <users>
    <default><password></password><networks><ip>127.0.0.1</ip></networks><profile>default</profile><quota>default</quota></default>
  </users>
  <quotas><default></default></quotas>
</yandex>
EOF
server_args=(--config-file="$work/config.xml")
[ "${binary##*/}" = "clickhouse" ] && server_args=(server "${server_args[@]}")
log "starting clickhouse-server on 127.0.0.1:$http_port (data in $work)"
(cd "$work" && exec "$binary" "${server_args[@]}") >"$work/stdout.log" 2>&1 &
server_pid=$!

ping_server() {
  (exec 3<>"/dev/tcp/127.0.0.1/$http_port" && printf 'GET /ping HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3 && grep -q '^Ok\.' <&3) 2>/dev/null
}
for _ in $(seq 1 600); do
  ping_server && break
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.1
done
if ! ping_server; then
  log "clickhouse-server did not answer /ping on 127.0.0.1:$http_port; error log tail:"
  tail -n 20 "$work/clickhouse-server.err.log" >&2 2>/dev/null || true
  exit 1
fi

# The benchmark state machine as synthesized above; its Prepare step fills `hits` with the deterministic generator.
cat >"$work/input.json" <<EOF
{"engine": "clickhouse", "suite": "clickbench", "scale": "$scale", "server": "http://127.0.0.1:$http_port/",
 "warmups": 1, "iterations": $iterations, "concurrency": [1], "maxConcurrency": 2}
EOF
mkdir -p "$reports"
log "running the synthesized benchmark workflow locally (clickbench, $scale rows, $iterations iterations per query)"
if ! ./dqe workflow run benchmark --env "$env_name" --assembly cdk.out --input "$work/input.json" --reports-dir "$reports" >"$work/output.json"; then
  log "the benchmark workflow failed (see above); its partial report is under $reports/reports"
  exit 1
fi
html_key="$(node -e 'const o = JSON.parse(require("node:fs").readFileSync(process.argv[1], "utf8")); process.stdout.write(o.report.htmlKey);' "$work/output.json")"
log "benchmark report:"
echo "$reports/$html_key"
