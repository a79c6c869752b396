#!/usr/bin/env bash
# Measures the production jar's cold start and memory: for each of RUNS runs, the seconds from `java -jar` to the
# first HTTP 200 on /actuator/health and on /, and the process RSS once it is ready (+5 s idle) and after 50 page
# loads. Prints each run and a summary (median, min, max). Build the jar first:
#   ./mvnw -B -Pproduction -DskipTests package && scripts/measure-startup.sh [RUNS]
# Runs the jar on a JDK 25 (scripts/jdk25.sh finds one or stops with one line).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk25.sh
runs=${1:-5}
jar=target/safla-space.jar
[ -f "$jar" ] || { echo "no $jar: run ./mvnw -B -Pproduction -DskipTests package first" >&2; exit 1; }
port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $("$JAVA_HOME/bin/java" -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
ready=() page=() rss_idle=() rss_busy=()
for i in $(seq 1 "$runs"); do
  t0=$(date +%s.%N)
  # shellcheck disable=SC2086 # JAVA_OPTS: extra JVM flags, word-split on purpose
  PORT=$port SAFLA_DATA_DIR="$tmp/data" "$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector ${JAVA_OPTS:-} -jar "$jar" >"$tmp/app.log" 2>&1 &
  pid=$!
  # the top-level status: first key with Jackson 2 (Boot 3), last key with Jackson 3 (Boot 4); components have their own
  until curl -fs "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -Eq '^\{"status":"UP"|,"status":"UP"\}$'; do
    kill -0 $pid 2>/dev/null || { echo "app died:"; tail -20 "$tmp/app.log"; exit 1; }
    sleep 0.05
  done
  t1=$(date +%s.%N)
  curl -fs -o /dev/null "http://127.0.0.1:$port/"
  t2=$(date +%s.%N)
  sleep 5
  idle=$(( $(ps -o rss= -p $pid) / 1024 ))
  for _ in $(seq 1 50); do curl -fs -o /dev/null "http://127.0.0.1:$port/"; done
  busy=$(( $(ps -o rss= -p $pid) / 1024 ))
  kill $pid; wait $pid 2>/dev/null || true
  r=$(awk "BEGIN{print $t1 - $t0}"); p=$(awk "BEGIN{print $t2 - $t0}")
  ready+=("$r"); page+=("$p"); rss_idle+=("$idle"); rss_busy+=("$busy")
  printf 'run %d: health 200 after %.2f s, / after %.2f s, RSS idle %d MB, after 50 GETs %d MB, load %s\n' \
    "$i" "$r" "$p" "$idle" "$busy" "$(cut -d' ' -f1 /proc/loadavg)"
done
stats() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "median %.2f (min %.2f, max %.2f)", m, a[1], a[NR]}'; }
echo "health 200:     $(stats "${ready[@]}") s"
echo "first page:     $(stats "${page[@]}") s"
echo "RSS idle:       $(stats "${rss_idle[@]}") MB"
echo "RSS 50 GETs:    $(stats "${rss_busy[@]}") MB"
