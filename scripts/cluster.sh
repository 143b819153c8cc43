#!/usr/bin/env bash
# Runs a Skirmish cluster on this machine: one redis-server and three nodes, until Ctrl-C.
#   scripts/cluster.sh            # nodes on 3001, 3002, 3003; Redis on 6390
#   BASE_PORT=4001 REDIS_PORT=6400 HOST=127.0.0.1 scripts/cluster.sh
# Open any node (http://localhost:3001/): each one lists every room of the cluster, and quick play,
# codes and invite links work across nodes. Ctrl-C (or SIGTERM) drains the nodes one by one: the
# rooms of each move to the ones still running, then Redis stops.
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=game-server/target/game-server.jar
HOST=${HOST:-127.0.0.1}
BASE_PORT=${BASE_PORT:-3001}
REDIS_PORT=${REDIS_PORT:-6390}
NODES=${NODES:-3}
LOGS=${LOGS:-target/cluster}

[ -f "$JAR" ] || { echo "build first: mvn -B -q -DskipTests package" >&2; exit 1; }
command -v redis-server >/dev/null || { echo "needs redis-server (apt-get install redis-server)" >&2; exit 1; }
mkdir -p "$LOGS"

redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no >"$LOGS/redis.log" 2>&1 &
REDIS_PID=$!
PIDS=()

stop() {
  trap - INT TERM EXIT
  for pid in "${PIDS[@]}"; do
    kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true   # one at a time: its rooms move on
  done
  kill -TERM "$REDIS_PID" 2>/dev/null && wait "$REDIS_PID" 2>/dev/null || true
  echo "cluster stopped"
}
trap stop INT TERM EXIT

for i in $(seq 1 "$NODES"); do
  port=$((BASE_PORT + i - 1))
  java -jar "$JAR" --host "$HOST" --port "$port" --redis "redis://127.0.0.1:$REDIS_PORT" \
    --node-id "node-$i" --public-url "http://$HOST:$port" >"$LOGS/node-$i.log" 2>&1 &
  PIDS+=($!)
  echo "node-$i: http://$HOST:$port/  (log: $LOGS/node-$i.log)"
done
echo "redis: 127.0.0.1:$REDIS_PORT (log: $LOGS/redis.log). Ctrl-C stops the cluster."
wait "$REDIS_PID"
