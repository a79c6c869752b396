#!/usr/bin/env bash
# Times exact or int8 vector search on seeded random unit vectors; prints one JSON line per run:
#   {"n","dim","k","threads","mode","median_us","p99_us","qps","recall_at_k"}
# Usage: scripts/bench-search.sh --n N --dim D --k K --threads T --mode exact|quantized [--queries Q]
#                                [--oversample O] [--seed S] [--warmup-seconds W (default 5)]
# Needs only JDK 17: the Maven wrapper fetches Maven and the JMH profile's dependencies on first use.
# Extra JVM flags: JVM_ARGS="-Xmx4g" scripts/bench-search.sh ...
set -euo pipefail
cd "$(dirname "$0")/.."

args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --n|--dim|--k|--threads|--queries|--oversample|--seed|--warmup-seconds)
      [[ $# -ge 2 && "$2" =~ ^[0-9]+$ ]] || { echo "$1 needs a non-negative integer" >&2; exit 2; }
      args+=("$1" "$2"); shift 2 ;;
    --mode)
      [[ $# -ge 2 && ( "$2" == exact || "$2" == quantized ) ]] || { echo "--mode must be exact or quantized" >&2; exit 2; }
      args+=("$1" "$2"); shift 2 ;;
    -h|--help) sed -n '2,7p' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done

exec ./mvnw -q -B -Pjmh -DskipTests compile exec:exec \
  -Djmh.main=io.safla.memory.vector.SearchBench \
  -Djmh.jvmArgs="${JVM_ARGS:--Xmx3g}" \
  -Djmh.args="${args[*]}"
