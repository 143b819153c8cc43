#!/usr/bin/env bash
# Ramps load bots against a fresh Skirmish server in steps and prints, per step, what the server
# spent and what the players felt. A benchmark, not a test: it builds nothing and judges nothing.
# See bench/README.md.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
steps="100,250,500,1000,2000"
step_duration=30
warmup=10
ramp_rate=200
behaviour=fight
server_jar="$repo/game-server/target/game-server.jar"
bots_jar="$repo/load-bots/target/load-bots.jar"
server_opts="-Xmx1g"
# Every bot comes from 127.0.0.1: lift the per-address connection cap (500 by default).
server_args="--max-connections-per-address 100000"
bots_opts="-Xmx1g"
out=""

usage() {
  cat <<EOF
usage: bench/ramp.sh [options]
  --steps LIST          bot counts, one run each (default $steps)
  --step-duration SECS  how long each step plays after its ramp (default $step_duration, at least 8)
  --warmup SECS         an unmeasured run of up to 100 bots first, so that the first step does not
                        meet a cold server (default $warmup; 0 skips it)
  --ramp-rate N         bots started per second (default $ramp_rate)
  --behaviour NAME      wander | fight | idle (default $behaviour)
  --server-jar PATH     (default game-server/target/game-server.jar)
  --bots-jar PATH       (default load-bots/target/load-bots.jar)
  --server-opts OPTS    JVM options of the server (default "$server_opts")
  --server-args ARGS    options of the server itself (default "$server_args")
  --bots-opts OPTS      JVM options of the bots (default "$bots_opts")
  --out DIR             where reports and logs go (default: a new directory under \${TMPDIR:-/tmp})
EOF
}

while [[ $# -gt 0 ]]; do
  case "$1" in
    --steps) steps=$2; shift 2 ;;
    --step-duration) step_duration=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --ramp-rate) ramp_rate=$2; shift 2 ;;
    --behaviour) behaviour=$2; shift 2 ;;
    --server-jar) server_jar=$2; shift 2 ;;
    --bots-jar) bots_jar=$2; shift 2 ;;
    --server-opts) server_opts=$2; shift 2 ;;
    --server-args) server_args=$2; shift 2 ;;
    --bots-opts) bots_opts=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
done

for tool in java jq curl awk; do
  command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 2; }
done
for jar in "$server_jar" "$bots_jar"; do
  [[ -f "$jar" ]] || { echo "no $jar: build it first (mvn package)" >&2; exit 2; }
done
if ! [[ "$step_duration" =~ ^[0-9]+$ ]] || (( step_duration < 8 )); then
  echo "--step-duration must be a whole number of seconds, at least 8" >&2; exit 2
fi
if ! [[ "$warmup" =~ ^[0-9]+$ ]]; then
  echo "--warmup must be a whole number of seconds" >&2; exit 2
fi
out=${out:-$(mktemp -d "${TMPDIR:-/tmp}/skirmish-bench-XXXXXX")}
mkdir -p "$out"
clk_tck=$(getconf CLK_TCK)

server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" && wait "$server_pid" 2>/dev/null || true
  fi
}
trap cleanup EXIT INT TERM

# The server picks a free port itself (--port 0) and logs it.
# shellcheck disable=SC2086 # the JVM options are meant to split
java $server_opts -jar "$server_jar" --host 127.0.0.1 --port 0 $server_args >"$out/server.log" 2>&1 &
server_pid=$!
port=""
for _ in $(seq 1 100); do
  port=$(sed -n 's|.*listening on http://127\.0\.0\.1:\([0-9]*\).*|\1|p' "$out/server.log" | head -n 1)
  [[ -n "$port" ]] && break
  kill -0 "$server_pid" 2>/dev/null || { echo "server died:" >&2; cat "$out/server.log" >&2; exit 1; }
  sleep 0.2
done
[[ -n "$port" ]] || { echo "server did not report its port" >&2; exit 1; }
url="http://127.0.0.1:$port"

cpu_ticks() { awk '{print $14 + $15}' "/proc/$server_pid/stat"; }
rss_mb() { awk '/^VmRSS:/ {printf "%.0f", $2 / 1024}' "/proc/$server_pid/status"; }
metrics() { curl -sf "$url/metrics" || true; }
snapshots_out() { awk '/^skirmish_events_out_total\{.*event="snapshot"/ {print $2}' "$1" | head -n 1; }
# The p99 tick duration in ms between two scrapes of the tick histogram; n/a when it is not exported.
tick_p99_ms() {
  awk '
    /^skirmish_tick_duration_seconds_bucket/ {
      match($0, /le="[^"]*"/); le = substr($0, RSTART + 4, RLENGTH - 5)
      if (FILENAME == ARGV[1]) before[le] = $2; else { after[le] = $2; order[n++] = le }
    }
    END {
      if (n == 0) { print "n/a"; exit }
      total = after["+Inf"] - before["+Inf"]
      if (total <= 0) { print "n/a"; exit }
      for (i = 0; i < n; i++) {
        if (after[order[i]] - before[order[i]] >= 0.99 * total) {
          if (order[i] == "+Inf") print ">max"; else printf "%.2f\n", order[i] * 1000
          exit
        }
      }
    }' "$1" "$2"
}

echo "server $url (pid $server_pid), reports in $out"
IFS=',' read -r -a counts <<<"$steps"
if (( warmup > 0 )); then
  # A cold server stalls for a few seconds (JIT); inputs queued meanwhile would stay queued.
  n=$(( counts[0] < 100 ? counts[0] : 100 ))
  echo "warming the server up: $n bots for ${warmup}s"
  # shellcheck disable=SC2086
  java $bots_opts -jar "$bots_jar" --url "$url" --bots "$n" --ramp "$ramp_rate/s" --duration "${warmup}s" \
    --behaviour "$behaviour" >"$out/warmup.log" 2>&1 || true
  sleep 3
fi
printf '%6s %8s %8s %11s %8s %8s %10s %9s %8s %7s %7s  %s\n' \
  bots "srv cpu%" "srv MB" "snapshots/s" "age p50" "age p99" "input p99" "tick p99" "bots cpu%" joined errors verdict
for n in "${counts[@]}"; do
  ramp_secs=$(( (n + ramp_rate - 1) / ramp_rate ))
  report="$out/step-$n.json"
  # Thresholds are out of the way: a step is measured, not judged.
  # shellcheck disable=SC2086
  java $bots_opts -jar "$bots_jar" --url "$url" --bots "$n" --ramp "$ramp_rate/s" \
    --duration "${step_duration}s" --warmup 3s --behaviour "$behaviour" --out "$report" \
    --max-errors 1000000000 --max-p99-age-ms 1e9 --max-p99-input-ms 1e9 --min-snapshot-rate 0.001 \
    >"$out/step-$n.log" 2>&1 &
  bots_pid=$!
  # The window: from 3 s after the ramp (the bots' --warmup) to 1 s before the bots stop.
  sleep $(( ramp_secs + 3 ))
  window=$(( step_duration - 4 ))
  metrics >"$out/metrics-$n-before.txt"; t0=$(cpu_ticks); s0=$(date +%s.%N)
  sleep "$window"
  metrics >"$out/metrics-$n-after.txt"; t1=$(cpu_ticks); s1=$(date +%s.%N); rss=$(rss_mb)
  wait "$bots_pid" || true
  elapsed=$(awk -v a="$s0" -v b="$s1" 'BEGIN {print b - a}')
  cpu=$(awk -v a="$t0" -v b="$t1" -v hz="$clk_tck" -v s="$elapsed" 'BEGIN {printf "%.0f", 100 * (b - a) / hz / s}')
  snaps=$(awk -v a="$(snapshots_out "$out/metrics-$n-before.txt")" -v b="$(snapshots_out "$out/metrics-$n-after.txt")" \
    -v s="$elapsed" 'BEGIN {if (a == "" || b == "") print "n/a"; else printf "%.0f", (b - a) / s}')
  tick=$(tick_p99_ms "$out/metrics-$n-before.txt" "$out/metrics-$n-after.txt")
  if [[ -s "$report" ]]; then
    jq -r --arg n "$n" --arg cpu "$cpu" --arg rss "$rss" --arg snaps "$snaps" --arg tick "$tick" '
      [$n, $cpu, $rss, $snaps,
       (.players.snapshotAgeMs.p50 | tostring), (.players.snapshotAgeMs.p99 | tostring),
       (.players.inputAckMs.p99 | tostring), $tick, (.generator.cpuPercent | tostring),
       "\(.players.joined)/\(.players.bots)", (.errors.total | tostring),
       (if (.verdict.warnings | length) > 0 then "bots lagged: figures doubtful" else "" end)]
      | @tsv' "$report" |
      awk -F'\t' '{printf "%6s %8s %8s %11s %8s %8s %10s %9s %8s %7s %7s  %s\n", $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12}'
  else
    printf '%6s %8s %8s %11s  bots wrote no report, see %s\n' "$n" "$cpu" "$rss" "$snaps" "$out/step-$n.log"
  fi
  sleep 3 # let the server dispose of the step's seats before the next
done
