#!/usr/bin/env bash
# Host benchmark: builds the Native AOT bootstrap and its JIT twin (same code, PublishAot=false), then
# runs `dqe bench-host` to compare cold start (process start -> first response) and peak RSS against
# the local Runtime API emulator. Extra arguments go to bench-host (e.g. --runs 10).
set -euo pipefail
cd "$(dirname "$0")/.."
out=out/host
echo "[bench-host] publishing the Native AOT bootstrap (takes a few minutes)..." >&2
dotnet publish functions/Dqe.Lambda/Dqe.Lambda.csproj -c Release -r linux-x64 -o "$out/aot" --nologo --verbosity quiet >&2
echo "[bench-host] publishing the JIT bootstrap..." >&2
dotnet publish functions/Dqe.Lambda/Dqe.Lambda.csproj -c Release -p:PublishAot=false -o "$out/jit" --nologo --verbosity quiet >&2
./dqe bench-host --aot "$out/aot/bootstrap" --jit "$out/jit/bootstrap.dll" "$@"
