#!/usr/bin/env bash
# Runs every test (Java, JavaScript, browser, cluster) on a Debian machine that has only Java 17,
# Maven and Node 20: installs what the tests need (Debian's chromium, redis-server and nginx) when missing,
# then runs the build's verify with the mutation profile. `.ci/run` calls this script.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)          # playwright-core drives it; never downloads a browser
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)  # each cluster test starts its own on a free port
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need+=(nginx)  # the cluster's documented entry (ClusterProxyIT)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing Debian packages the tests need: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  sudo_=""; [ "$(id -u)" -eq 0 ] || sudo_="sudo"
  $sudo_ apt-get update -qq
  $sudo_ apt-get install -y -qq "${need[@]}" >/dev/null
  # the redis package starts a system service; the tests use their own servers
  if [[ " ${need[*]} " == *" redis-server "* ]]; then
    ($sudo_ service redis-server stop >/dev/null 2>&1) || true
  fi
  if [[ " ${need[*]} " == *" nginx "* ]]; then
    ($sudo_ service nginx stop >/dev/null 2>&1) || true  # likewise: the test runs its own on a free port
  fi
fi

java -version 2>&1 | sed -n 1p   # sed reads it all: `head` could break the pipe (pipefail)
mvn -v | sed -n 1p
echo "node $(node -v), npm $(npm -v), $(chromium --version 2>/dev/null || echo 'no chromium'), $(redis-server --version | cut -d' ' -f1-3), $(PATH="$PATH:/usr/sbin" nginx -v 2>&1)"

# -Pmutation: each module's PIT run (the mutation floors of issue 18) after its own tests; see the README.
exec mvn -B -ntp -Pmutation verify "$@"
