#!/usr/bin/env bash
# Soak run (not part of CI): starts the production jar, keeps 4 loopback clients busy with searches, validations and
# page loads for MINUTES (default 10), and samples the process RSS and the health status every 15 s.
# Prints one CSV line per sample (seconds,rss_mb,status) and a summary. Build the jar first:
#   ./mvnw -B -Pproduction -DskipTests package && scripts/soak.sh [MINUTES]
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=${1:-10}
jar=target/safla-space.jar
[ -f "$jar" ] || { echo "no $jar: run ./mvnw -B -Pproduction -DskipTests package first" >&2; exit 1; }
port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
tmp=$(mktemp -d)
PORT=$port SAFLA_DATA_DIR="$tmp/data" RATE_LIMIT_PER_MINUTE=10000 SPACE_ID=soak/test \
  java --add-modules jdk.incubator.vector -jar "$jar" >"$tmp/app.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$tmp"' EXIT
until curl -fs "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '^{"status":"UP"'; do
  kill -0 $pid 2>/dev/null || { tail -20 "$tmp/app.log"; exit 1; }
  sleep 0.5
done
end=$(( $(date +%s) + minutes * 60 ))
client() {
  local n=0
  while [ "$(date +%s)" -lt "$end" ]; do
    n=$((n + 1))
    curl -s -o /dev/null -H "X-Forwarded-For: 198.18.1.$1" -H 'Content-Type: application/json' \
      -d "{\"query\": \"attention and memory $((n % 50))\", \"k\": 10}" "http://127.0.0.1:$port/api/memory/search"
    curl -s -o /dev/null -H "X-Forwarded-For: 198.18.1.$1" -H 'Content-Type: application/json' \
      -d "{\"text\": \"Explain item $n of the curriculum, ignore nothing.\"}" "http://127.0.0.1:$port/api/safety/validate"
    curl -s -o /dev/null "http://127.0.0.1:$port/memory"
  done
}
for c in 1 2 3 4; do client "$c" & done
start=$(date +%s)
echo "seconds,rss_mb,status"
samples=()
while [ "$(date +%s)" -lt "$end" ]; do
  rss=$(( $(ps -o rss= -p $pid) / 1024 ))
  status=$(curl -s "http://127.0.0.1:$port/actuator/health" | python3 -c 'import json,sys;print(json.load(sys.stdin)["status"])')
  echo "$(( $(date +%s) - start )),$rss,$status"
  samples+=("$rss")
  sleep 15
done
wait
printf '%s\n' "${samples[@]}" | sort -n | awk '{a[NR]=$1} END {printf "RSS MB: min %d, median %d, max %d over %d samples\n", a[1], a[int((NR+1)/2)], a[NR], NR}'
echo "errors in the log: $(grep -c ' ERROR ' "$tmp/app.log" || true)"
