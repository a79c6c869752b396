#!/usr/bin/env bash
# Times exact or int8 vector search on seeded random unit vectors; prints one JSON line per run:
#   {"n","dim","k","threads","mode","median_us","p95_us","p99_us","qps","recall_at_k"}
# Usage: scripts/bench-search.sh --n N --dim D --k K --threads T --mode exact|quantized [--queries Q]
#                                [--oversample O] [--seed S] [--warmup-seconds W (default 5)] [--data FILE]
# --data FILE: vectors and queries from a file written by scripts/bench-faiss.py --write-data (n and dim come from
# the file), so that SAFLA and FAISS search the same data; without it SearchBench generates them from --seed.
# Needs a JDK 25 (scripts/jdk25.sh finds one or stops); the Maven wrapper fetches Maven and the JMH profile's
# dependencies on first use. Extra JVM flags: JVM_ARGS="-Xmx4g" scripts/bench-search.sh ...
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk25.sh

args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --n|--dim|--k|--threads|--queries|--oversample|--seed|--warmup-seconds)
      [[ $# -ge 2 && "$2" =~ ^[0-9]+$ ]] || { echo "$1 needs a non-negative integer" >&2; exit 2; }
      args+=("$1" "$2"); shift 2 ;;
    --mode)
      [[ $# -ge 2 && ( "$2" == exact || "$2" == quantized ) ]] || { echo "--mode must be exact or quantized" >&2; exit 2; }
      args+=("$1" "$2"); shift 2 ;;
    --data)
      [[ $# -ge 2 && -f "$2" ]] || { echo "--data needs an existing file" >&2; exit 2; }
      [[ "$2" != *[[:space:]]* ]] || { echo "--data: the path must not contain spaces" >&2; exit 2; }
      args+=("$1" "$(realpath "$2")"); shift 2 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done

exec ./mvnw -q -B -Pjmh -DskipTests compile exec:exec \
  -Djmh.main=io.safla.memory.vector.SearchBench \
  -Djmh.jvmArgs="${JVM_ARGS:--Xmx3g}" \
  -Djmh.args="${args[*]}"
