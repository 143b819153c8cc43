#!/usr/bin/env bash
# Benchmark, not a test: input -> applied-snapshot latency (the bots' "input -> ack") for a few
# bots on loopback, against a fresh server on a free port. Prints p50/p90/p99 after the warm-up.
#   bench/input-latency.sh [BOTS=50] [DURATION=30s] [SERVER_JAR] [BOTS_JAR]
# Build the jars first (mvn package -DskipTests). Needs java and jq.
set -euo pipefail
cd "$(dirname "$0")/.."
bots=${1:-50}
duration=${2:-30s}
server_jar=${3:-game-server/target/game-server.jar}
bots_jar=${4:-load-bots/target/load-bots.jar}
out=$(mktemp -d "${TMPDIR:-/tmp}/input-latency.XXXXXX")

java -jar "$server_jar" --host 127.0.0.1 --port 0 >"$out/server.log" 2>&1 &
server_pid=$!
trap 'kill $server_pid 2>/dev/null; wait $server_pid 2>/dev/null || true' EXIT
port=""
for _ in $(seq 1 200); do
  port=$(sed -n 's|.*listening on http://127\.0\.0\.1:\([0-9]*\).*|\1|p' "$out/server.log" | head -n 1)
  [[ -n "$port" ]] && break
  kill -0 $server_pid 2>/dev/null || { cat "$out/server.log" >&2; exit 1; }
  sleep 0.1
done
[[ -n "$port" ]] || { echo "server did not report its port" >&2; exit 1; }

java -jar "$bots_jar" --url "http://127.0.0.1:$port" --bots "$bots" --duration "$duration" --warmup 5s \
  --out "$out/report.json" >"$out/bots.log" 2>&1 || true
jq -r --arg load "$(cut -d' ' -f1-3 /proc/loadavg)" '
  "bots \(.players.joined)  input->ack p50 \(.players.inputAckMs.p50) ms  p90 \(.players.inputAckMs.p90 // "-") ms  p99 \(.players.inputAckMs.p99) ms  (n=\(.players.inputAckMs.count))  age p99 \(.players.snapshotAgeMs.p99) ms  verdict \(if .verdict.pass then "PASS" else "FAIL" end)  load \($load)"' \
  "$out/report.json"
echo "report: $out/report.json"
