#!/usr/bin/env bash
# Long-polling delivery side by side (issue 11): starts one server, Skirmish (the README's command) or
# the Node socket.io 4.8 peer (bench/node-peer), runs game-client-js/bench/polling-delivery.mjs against
# it with CLIENTS polling clients split over PROCESSES generator processes, prints each process's line
# (delivery, its CPU and the server's, from /proc) and the mean over all clients, then stops the server.
# Not a test. Run under the shared lock on a shared machine:
#   flock /tmp/skirmish-heavy.lock bench/polling-peer.sh skirmish|node CLIENTS [PROCESSES] [WARMUP_S] [WINDOW_S]
# SERVER_JAR picks another build; SERVER_ARGS adds options to the Skirmish command (e.g. caps that one client address meets). Needs: mvn -pl game-server -am -DskipTests package; npm ci in game-client-js and in bench/node-peer.
set -euo pipefail
cd "$(dirname "$0")/.."
kind=$1 n=$2 procs=${3:-1} warm=${4:-6} win=${5:-10}
log=$(mktemp)
case $kind in
  skirmish) java ${JAVA_OPTS:-} -jar "${SERVER_JAR:-game-server/target/game-server.jar}" --port 0 ${SERVER_ARGS:-} >"$log" 2>&1 & ;;
  node) node bench/node-peer/server.mjs 0 "${BYTES:-100}" >"$log" 2>&1 & ;;
  *) echo "usage: $0 skirmish|node CLIENTS [PROCESSES] [WARMUP_S] [WINDOW_S]" >&2; exit 2 ;;
esac
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; cp "$log" "${KEEP_LOG:-${TMPDIR:-/tmp}/polling-peer-$kind-$n-$procs.log}"; rm -f "$log"' EXIT
port=
for _ in $(seq 600); do
  port=$(grep -oE 'listening on (http://[^:]+:|port )[0-9]+' "$log" | grep -oE '[0-9]+$' | head -1 || true)
  [ -n "$port" ] && break
  kill -0 $server 2>/dev/null || { cat "$log"; exit 1; }
  sleep 0.1
done
[ -n "$port" ] || { echo "server did not start" >&2; cat "$log"; exit 1; }
echo "$kind on port $port (pid $server), $n polling clients in $procs process(es), warm-up ${warm}s, window ${win}s, load $(cut -d' ' -f1-3 /proc/loadavg)"
pids=() outs=()
for i in $(seq "$procs"); do
  out=$(mktemp); outs+=("$out")
  SERVER_PID=$server node game-client-js/bench/polling-delivery.mjs "http://127.0.0.1:$port" $((n / procs)) "$warm" "$win" >"$out" 2>&1 &
  pids+=($!)
done
for p in "${pids[@]}"; do wait "$p" || true; done
lines=$(for i in "${!outs[@]}"; do echo "  process $((i + 1)): $(cat "${outs[$i]}")"; rm -f "${outs[$i]}"; done)
echo "$lines"
echo "$lines" | grep -oE 'delivered [0-9]+%' | grep -oE '[0-9]+' \
  | awk '{s += $1; k++} END {if (k) printf "  mean over processes: delivered %.0f%% of 30 Hz\n", s / k}'
