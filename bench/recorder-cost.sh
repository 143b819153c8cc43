#!/usr/bin/env bash
# What the flight recorder adds to a room's tick (CPU time per tick with and without it; see
# game-server/src/test/java/io/skirmish/recorder/RecorderCostBench.java). A benchmark: prints figures,
# asserts nothing. Usage: bench/recorder-cost.sh [BOTS]   (default 8; run from the repository root)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q -pl game-server -am test-compile -DskipTests -Dskip.npm >/dev/null
mvn -B -ntp -q -pl game-server exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=io.skirmish.recorder.RecorderCostBench -Dexec.args="${1:-8}"
