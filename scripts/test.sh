#!/usr/bin/env bash
# Installs what the tests need, builds everything with warnings as errors, runs every test project,
# and ends with one line: "N passed, N failed" (totals over all test projects).
set -uo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh || exit 1
dotnet build Dqe.sln -c Release --nologo --verbosity quiet || { echo "0 passed, 1 failed"; exit 1; }

results=out/test-results
rm -rf "$results"
dotnet test Dqe.sln -c Release --no-build --nologo --verbosity quiet \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" "$@"
status=$?

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
