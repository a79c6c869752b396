#!/usr/bin/env bash
# Reproducible learning-curve experiment of the feedback loop (docs/learning.md): loads the labelled retrieval set
# (src/main/resources/cognition/retrieval-set.json) into a real MemoryEngine, measures nDCG@10 on the held-out and
# control splits, runs R rounds of simulated feedback on the feedback split, and prints one line per round; the
# last line is JSON {"baseline_ndcg","final_ndcg","rounds","control_baseline_ndcg","control_final_ndcg",...}.
# Usage: scripts/learning-curve.sh [--rounds R] [--seed S] [--batch B] [--embedder minilm|hashing]
#                                  [--diagnose feedback]  (per-kind nDCG of each fixed strategy, for method design)
# Needs only JDK 17; compiles the classes if needed (the Maven wrapper fetches Maven on first use).
set -euo pipefail
cd "$(dirname "$0")/.."

args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rounds|--seed|--batch)
      [[ $# -ge 2 && "$2" =~ ^[0-9]+$ ]] || { echo "$1 needs a non-negative integer" >&2; exit 2; }
      args+=("$1" "$2"); shift 2 ;;
    --embedder)
      [[ $# -ge 2 && ( "$2" == minilm || "$2" == hashing ) ]] || { echo "--embedder must be minilm or hashing" >&2; exit 2; }
      args+=("$1" "$2"); shift 2 ;;
    --diagnose)
      [[ $# -ge 2 && "$2" == feedback ]] || { echo "--diagnose takes only the feedback split (never tune on held-out)" >&2; exit 2; }
      args+=("$1" "$2"); shift 2 ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done

./mvnw -q -B -DskipTests compile dependency:build-classpath -Dmdep.outputFile=target/learning-curve.classpath >&2
exec java ${JVM_ARGS:--Xmx1g} -cp "target/classes:$(cat target/learning-curve.classpath)" \
  io.safla.cognition.experiment.LearningCurve "${args[@]}"
