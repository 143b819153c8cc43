#!/usr/bin/env bash
# Where the server's time and garbage go (issue 10): starts a fresh Skirmish with the README's command
# (no JVM flags; plus the per-address caps one client address meets), connects CLIENTS raw WebSocket
# clients of bench/ws-load/load.mjs (MODE idle: they only receive; inputs: each also sends 30 inputs a
# second), waits WARMUP_S, then records WINDOW_S with Java Flight Recorder (attached by jcmd: the server
# itself starts without flags) and prints:
#   - delivered snapshots, server CPU per delivered snapshot (/proc/PID/stat), RSS (/proc/PID/status);
#   - that CPU by thread group, user and kernel apart (/proc/PID/task/*/stat): what the system calls
#     and the loopback stack under them cost, beside what the Java code costs;
#   - bytes allocated per delivered snapshot, split by thread group (JFR's per-thread allocation
#     counters: exact, not sampled), and per input (I/O threads) in inputs mode;
#   - the top frames of the Java threads' CPU samples and of the threads in native code (system calls),
#     and the top allocation sites of the I/O and game threads (JFR samples; counts, not weights).
# A benchmark, not a test. Usage:
#   bench/profile.sh [CLIENTS [MODE [WARMUP_S [WINDOW_S]]]]     defaults: 2000 idle 8 12
# SERVER_JAR picks another build; OUT keeps the recording (default: a new directory under /tmp). JFR=0
# records nothing and prints only the /proc figures (CPU, its split by thread group, RSS): with inputs,
# attaching the recorder sends the JIT back to work and the run collapses (measured: 23,042 snapshots
# delivered in 17 s at 1,000 clients, 5% of the rate), so its thread split is read without it.
# Needs: java and jcmd/jfr (a JDK), node; npm ci in bench/ws-load.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-2000} mode=${2:-idle} warm=${3:-8} win=${4:-12}
jar=${SERVER_JAR:-game-server/target/game-server.jar}
out=${OUT:-$(mktemp -d /tmp/profile.XXXXXX)}
mkdir -p "$out"
srv= gens=()
trap '[ ${#gens[@]} -eq 0 ] || kill "${gens[@]}" 2>/dev/null || true; [ -z "$srv" ] || kill "$srv" 2>/dev/null || true' EXIT
java -jar "$jar" --port 0 --max-connections-per-address 100000 --max-tcp-per-address 100000 >"$out/server.log" 2>&1 &
srv=$!
port=
for _ in $(seq 300); do
  port=$(grep -oE 'listening on http://[^:]+:[0-9]+' "$out/server.log" 2>/dev/null | grep -oE '[0-9]+$' | head -1 || true)
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { echo "the server did not start, see $out/server.log" >&2; exit 1; }
inputs=$([ "$mode" = inputs ] && echo 1 || echo 0)
for g in 1 2; do
  node bench/ws-load/load.mjs "http://127.0.0.1:$port" $((n / 2)) "$inputs" "p${g}x" >"$out/gen$g.out" 2>&1 &
  gens+=($!)
done
for g in 1 2; do
  until grep -q '^ready' "$out/gen$g.out" 2>/dev/null; do kill -0 "${gens[$((g - 1))]}" || exit 1; sleep 0.2; done
done
sleep "$warm"
cpu_ticks() { sed 's/.*) //' "/proc/$srv/stat" | awk '{print $12 + $13}'; }
# Each thread's name, user and kernel CPU ticks (utime, stime), for the split by thread group.
task_cpu() {
  for t in /proc/"$srv"/task/*; do
    printf '%s %s\n' "$(tr ' ' '_' <"$t/comm")" "$(sed 's/.*) //' "$t/stat" | awk '{print $12, $13}')"
  done 2>/dev/null
}
jfr=${JFR:-1}
[ "$jfr" = 0 ] || jcmd "$srv" JFR.start name=bench settings=profile filename="$out/window.jfr" >/dev/null
c0=$(cpu_ticks)
task_cpu >"$out/tasks0"
kill -USR1 "${gens[@]}"
sleep "$win"
c1=$(cpu_ticks)
task_cpu >"$out/tasks1"
kill -USR2 "${gens[@]}"
[ "$jfr" = 0 ] || jcmd "$srv" JFR.stop name=bench >/dev/null
rss=$(awk '/^VmRSS/ {print $2}' "/proc/$srv/status")
wait "${gens[@]}" || true
gens=()
kill "$srv"; wait "$srv" || true; srv=
node bench/ws-load/jfr-summary.mjs "$([ "$jfr" = 0 ] && echo - || echo "$out/window.jfr")" "$out/gen1.out" "$out/gen2.out" \
  "{\"clients\":$n,\"mode\":\"$mode\",\"inputs\":$inputs,\"cpuTicks\":$((c1 - c0)),\"rssKB\":$rss,\"load\":\"$(cut -d' ' -f1 /proc/loadavg)\"}" \
  "$out/tasks0" "$out/tasks1"
[ "$jfr" = 0 ] || echo "recording: $out/window.jfr"
