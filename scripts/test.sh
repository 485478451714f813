#!/usr/bin/env bash
# Installs what the tests need, builds everything with warnings as errors, runs every test project,
# and ends with one line: "N passed, N failed" (totals over all test projects).
set -uo pipefail
cd "$(dirname "$0")/.."
# The jsii runtime behind the CDK warns on every start that node 20 is past end-of-life; it works, so keep logs readable.
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20 JSII_SILENCE_WARNING_UNTESTED_NODE_VERSION=1

bash scripts/setup.sh || exit 1

# Everything the tests and their processes put under TMPDIR lives in one folder removed at the end: the jsii
# runtime behind every CDK app (tests and the synth processes they start) unpacks ~65 MB there and never cleans up.
run_tmp="$(mktemp -d "${TMPDIR:-/tmp}/dqe-test-XXXXXX")"
trap 'rm -rf "$run_tmp"' EXIT
export TMPDIR="$run_tmp"
dotnet build Dqe.sln -c Release --nologo --verbosity quiet || { echo "0 passed, 1 failed"; exit 1; }

results=out/test-results
rm -rf "$results"
status=0
# One project at a time, each with its own TRX file: counts stay exact and logs stay readable.
for project in tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  echo "[test] $name" >&2
  dotnet test "$project" -c Release --no-build --nologo --verbosity quiet \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" --results-directory "$results" "$@" || status=1
done

passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed"
exit "$status"
