#!/usr/bin/env bash
# Skirmish beside Node socket.io 4.8 (issue 10, item 5). For each client count and mode (idle: clients
# only receive; inputs: each also sends 30 inputs a second), starts a fresh Skirmish with the README's
# command (plus the per-address caps one client address meets), drives it with bench/ws-load/load.mjs
# split over PROCESSES generator processes, then does the same against a fresh Node peer
# (bench/node-peer) whose snapshots have the size Skirmish's had at that point. Over a window after a
# warm-up it reads each server's CPU time (/proc/PID/stat) and RSS (/proc/PID/status, at the window's
# end) and prints one table (bench/ws-load/report.mjs). A benchmark, not a test. Run it under the lock:
#   flock /tmp/skirmish-heavy.lock bench/side-by-side.sh [CLIENTS [MODES [WARMUP_S [WINDOW_S [PROCESSES]]]]]
#   defaults: 500,1000,2000,4000  idle,inputs  30  15  2
# The warm-up is 30 s because the JVM's compilers are still at work after 10 (measured at 1,000 clients
# with inputs: 8.9 µs of the server's CPU per delivered snapshot were the JIT's after a 10 s warm-up,
# 1.0 after 45 s); a game server runs for hours, so the table compares the two servers warm.
# Needs: mvn -B -q -o -pl game-server -am -DskipTests package; npm ci in bench/ws-load and bench/node-peer.
# SERVER_JAR picks another build; OUT keeps the results (default: a new directory under /tmp).
set -euo pipefail
cd "$(dirname "$0")/.."
IFS=, read -ra counts <<<"${1:-500,1000,2000,4000}"
IFS=, read -ra modes <<<"${2:-idle,inputs}"
warm=${3:-30} win=${4:-15} procs=${5:-2}
jar=${SERVER_JAR:-game-server/target/game-server.jar}
caps="--max-connections-per-address 100000 --max-tcp-per-address 100000"
out=${OUT:-$(mktemp -d /tmp/side-by-side.XXXXXX)}
mkdir -p "$out"
results=$out/results.jsonl
: >"$results"
server= gens=()

stop_server() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  server=
}
trap 'stop_server; [ ${#gens[@]} -eq 0 ] || kill "${gens[@]}" 2>/dev/null || true' EXIT

# utime + stime (fields 14 and 15; 12 and 13 after the command name), in 1/100 s; sys_ticks: stime
# alone, the time in the kernel (system calls, and the loopback stack's work done in their context).
cpu_ticks() { sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | awk '{print $12 + $13}'; }
sys_ticks() { sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | awk '{print $13}'; }
rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }

# run KIND CLIENTS MODE BYTES: one server at one point; appends its line to the results.
run() {
  local kind=$1 n=$2 mode=$3 bytes=$4 log=$out/$1-$2-$3.log port= files=()
  gens=()
  case $kind in
    skirmish) java -jar "$jar" --port 0 $caps >"$log" 2>&1 & ;;
    node) node bench/node-peer/server.mjs 0 "$bytes" >"$log" 2>&1 & ;;
  esac
  server=$!
  for _ in $(seq 600); do
    port=$(grep -oE 'listening on (http://[^:]+:|port )[0-9]+' "$log" 2>/dev/null | grep -oE '[0-9]+$' | head -1 || true)
    [ -n "$port" ] && break
    sleep 0.1
  done
  [ -n "$port" ] || { echo "$kind did not start, see $log" >&2; stop_server; return 0; }
  for i in $(seq "$procs"); do
    files+=("$out/$kind-$n-$mode-gen$i.out")
    node bench/ws-load/load.mjs "http://127.0.0.1:$port" $((n / procs)) "$([ "$mode" = inputs ] && echo 1 || echo 0)" "g${i}x" >"${files[-1]}" 2>&1 &
    gens+=($!)
  done
  for i in "${!files[@]}"; do
    until grep -q '^ready' "${files[$i]}" 2>/dev/null; do kill -0 "${gens[$i]}" 2>/dev/null || break; sleep 0.2; done
  done
  echo "  $kind $n $mode: $(grep -h '^ready' "${files[@]}" | tr '\n' ' ')"
  sleep "$warm"
  local c0 k0 t0 c1 k1 t1 rss
  c0=$(cpu_ticks "$server") k0=$(sys_ticks "$server") t0=$(date +%s.%N)
  kill -USR1 "${gens[@]}" || true
  sleep "$win"
  c1=$(cpu_ticks "$server") k1=$(sys_ticks "$server") t1=$(date +%s.%N) rss=$(rss_kb "$server")
  kill -USR2 "${gens[@]}" || true
  wait "${gens[@]}" || true
  gens=()
  local load
  load=$(cut -d' ' -f1 /proc/loadavg)
  stop_server
  printf '{"server":"%s","clients":%d,"mode":"%s","load":"%s","cpuTicks":%d,"sysTicks":%d,"secs":%s,"rssKB":%d,"gens":[%s]}\n' \
    "$kind" "$n" "$mode" "$load" $((c1 - c0)) $((k1 - k0)) "$(awk "BEGIN {print $t1 - $t0}")" "$rss" \
    "$(grep -h '^{' "${files[@]}" | paste -sd,)" >>"$results"
}

echo "side by side: clients ${counts[*]}, modes ${modes[*]}, warm-up ${warm}s, window ${win}s, $procs generator processes; results in $out"
for n in "${counts[@]}"; do
  for mode in "${modes[@]}"; do
    run skirmish "$n" "$mode" 0
    bytes=$(node bench/ws-load/report.mjs bytes "$(tail -1 "$results")")
    run node "$n" "$mode" "$bytes"
  done
done
node bench/ws-load/report.mjs table "$results" | tee "$out/table.md"
