#!/usr/bin/env bash
# Load figures for the service (Benchmarks/SERVICE.md): a release build of `scenario-match
# serve` over 10,000 generated scenarios on loopback, and wrk POSTing /v1/match with one
# request in ten malformed (Benchmarks/service-match.lua). Bounded: one wrk run of DURATION.
#   bash Benchmarks/service-load.sh [DURATION=30s] [THREADS=2] [CONNECTIONS=16]
# Environment: MODELS (default Models), PORT (default 18080), SCRATCH (default .build-server).
# Needs wrk (apt-get install wrk). Run from the package root.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-30s}; threads=${2:-2}; connections=${3:-16}
scratch=${SCRATCH:-.build-server}
work=$(mktemp -d /tmp/scenario-match-load.XXXXXX)
port=${PORT:-18080}

command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install wrk" >&2; exit 1; }
swift build -c release --scratch-path "$scratch" --product scenario-match >&2
bin="$scratch/release/scenario-match"
"$bin" generate --companies 10 --scenarios 10000 --out "$work/gen" >&2

"$bin" serve --port "$port" --scenarios "$work/gen/scenarios.jsonl" --database "$work/load.sqlite" \
  --models "${MODELS:-Models}" --log-level warning >"$work/serve.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true' EXIT
start=$(date +%s.%N)
for _ in $(seq 1 600); do
  curl -fsS "http://127.0.0.1:$port/healthz" >"$work/health.json" 2>/dev/null && break
  sleep 0.1
done
ready=$(date +%s.%N)
echo "ready after $(echo "$ready - $start" | bc) s: $(cat "$work/health.json")"
echo "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/ {print $2}') GiB"
echo "command: wrk -t$threads -c$connections -d$duration --latency -s Benchmarks/service-match.lua http://127.0.0.1:$port"
# CPU seconds the server used (utime + stime from /proc), before and after: cost per request
# whatever else the machine is doing.
cpu() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' "/proc/$server/stat"; }
cpu_before=$(cpu)
wrk -t"$threads" -c"$connections" -d"$duration" --latency -s Benchmarks/service-match.lua "http://127.0.0.1:$port" | tee "$work/wrk.txt"
cpu_after=$(cpu)
requests=$(awk '/requests in/ {print $1}' "$work/wrk.txt")
echo "server CPU: $(echo "$cpu_after - $cpu_before" | bc) s for $requests requests ($(echo "scale=1; 1000 * ($cpu_after - $cpu_before) / $requests" | bc) ms per request)"
echo "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "server /metrics after the run:"
curl -fsS "http://127.0.0.1:$port/metrics" | grep -E '^scenario_match_http_requests_total|^scenario_match_catalog_scenarios'
echo "server RSS: $(ps -o rss= -p "$server" | awk '{printf "%.0f MiB", $1/1024}')"
