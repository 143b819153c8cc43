#!/usr/bin/env bash
# Soak benchmark: connect/close churn, polling churn, slow readers, a rooms flood and an input flood
# at once against a fresh server for a set time (bench/soak-load.mjs), then checks that the server
# returns to its baseline: RSS, live heap after a full GC, open file descriptors, live sessions,
# pending handshakes, TCP connections, rooms. Prints every limit's counter. A benchmark, not a test:
# it builds nothing (needs game-server/target/game-server.jar and game-client-js/node_modules).
#   bench/soak.sh [--seconds 600] [--settle 60] [--out DIR]
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
seconds=600
settle=60
out=""
server_opts="-Xmx512m"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --seconds) seconds=$2; shift 2 ;;
    --settle) settle=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --server-opts) server_opts=$2; shift 2 ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
out=${out:-$(mktemp -d "${TMPDIR:-/tmp}/skirmish-soak.XXXXXX")}
mkdir -p "$out"

# Short graces so that what the load left behind (empty rooms, kept seats) is due well within --settle.
java $server_opts -jar "$repo/game-server/target/game-server.jar" --host 127.0.0.1 --port 0 \
  --empty-room-grace 5 --seat-grace 5 >"$out/server.log" 2>&1 &
server_pid=$!
load_pid=""
cleanup() {
  [[ -n "$load_pid" ]] && kill "$load_pid" 2>/dev/null || true
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
}
trap cleanup EXIT
port=""
for _ in $(seq 1 100); do
  port=$(sed -n 's|.*listening on http://127\.0\.0\.1:\([0-9]*\).*|\1|p' "$out/server.log" | head -n 1)
  [[ -n "$port" ]] && break
  sleep 0.2
done
[[ -n "$port" ]] || { echo "server did not report its port" >&2; exit 1; }
url="http://127.0.0.1:$port"

metric() { # sum of a metric's series matching an optional label filter
  awk -v name="$1" -v filt="${2:-}" '
    !/^#/ { key = $1; base = key; i = index(key, "{"); if (i) base = substr(key, 1, i - 1)
            if (base == name && index(key, filt)) s += $NF }
    END { printf "%.0f", s }' "$3"
}
snapshot() { # label: full GC, then RSS, fds, heap and gauges into $out/$1.*
  jcmd "$server_pid" GC.run >/dev/null
  curl -s "$url/metrics" >"$out/$1.metrics"
  local rss fds heap
  rss=$(awk '/VmRSS/ {print $2}' /proc/"$server_pid"/status)
  fds=$(ls /proc/"$server_pid"/fd | wc -l)
  heap=$(metric jvm_memory_used_bytes 'area="heap"' "$out/$1.metrics")
  printf '%-9s rss %6d MB  heap-after-gc %6.1f MB  fds %5d  sessions %s  pending %s  tcp %s  rooms %s\n' "$1" \
    $((rss / 1024)) "$(echo "$heap / 1048576" | bc -l)" "$fds" \
    "$(metric skirmish_connections '' "$out/$1.metrics")" "$(metric skirmish_pending_handshakes '' "$out/$1.metrics")" \
    "$(metric skirmish_tcp_connections '' "$out/$1.metrics")" "$(metric skirmish_rooms '' "$out/$1.metrics")" | tee -a "$out/summary.txt"
  echo "$rss $fds $heap" >"$out/$1.raw"
}

echo "server $url (pid $server_pid), soak ${seconds}s, output in $out" | tee "$out/summary.txt"
snapshot baseline
node "$repo/bench/soak-load.mjs" --url "$url" --seconds "$seconds" >"$out/load.log" 2>&1 &
load_pid=$!
peak_rss=0; peak_fds=0
while kill -0 "$load_pid" 2>/dev/null; do
  r=$(awk '/VmRSS/ {print $2}' /proc/"$server_pid"/status); f=$(ls /proc/"$server_pid"/fd | wc -l)
  (( r > peak_rss )) && peak_rss=$r; (( f > peak_fds )) && peak_fds=$f
  sleep 5
done
wait "$load_pid" || true
load_pid=""
tail -n 1 "$out/load.log" | tee -a "$out/summary.txt"
printf 'during    peak rss %6d MB  peak fds %5d\n' $((peak_rss / 1024)) "$peak_fds" | tee -a "$out/summary.txt"
sleep "$settle" # the load's connections time out and its empty rooms expire: what returning to baseline needs
snapshot after
echo "limit counters:" | tee -a "$out/summary.txt"
grep -E '^skirmish_(limit_hits_total|handshakes_refused_total|rate_limit_actions_total|rejected_total)' "$out/after.metrics" \
  | sort | tee -a "$out/summary.txt"

read -r b_rss b_fds b_heap <"$out/baseline.raw"
read -r a_rss a_fds a_heap <"$out/after.raw"
verdict=ok
(( a_fds <= b_fds + 5 )) || { echo "fds did not return: $b_fds -> $a_fds"; verdict=leak; }
awk -v a="$a_heap" -v b="$b_heap" 'BEGIN { exit !(a <= b + 16 * 1048576) }' \
  || { echo "live heap did not return: $b_heap -> $a_heap bytes"; verdict=leak; }
for g in skirmish_connections skirmish_pending_handshakes skirmish_rooms; do
  v=$(metric "$g" '' "$out/after.metrics"); [[ "$v" == 0 ]] || { echo "$g is $v after the load"; verdict=leak; }
done
v=$(metric skirmish_tcp_connections '' "$out/after.metrics"); (( v <= 1 )) || { echo "skirmish_tcp_connections is $v"; verdict=leak; }
echo "verdict: $verdict (RSS is reported, not judged: the JVM keeps heap it grew)" | tee -a "$out/summary.txt"
