#!/usr/bin/env bash
# What the flight recorder adds to a room's tick: CPU time per tick with and without it (see
# game-server/src/test/java/io/skirmish/recorder/RecorderCostBench.java). A benchmark: prints figures,
# asserts nothing. Usage: bench/recorder-cost.sh [BOTS]   (default 8; from anywhere in the repository)
set -euo pipefail
cd "$(dirname "$0")/.."
cp_file=$(mktemp)
trap 'rm -f "$cp_file"' EXIT
mvn -B -ntp -q -pl game-server -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test >/dev/null
java -cp "game-server/target/test-classes:game-server/target/classes:$(cat "$cp_file")" \
  io.skirmish.recorder.RecorderCostBench "${1:-8}"
