#!/usr/bin/env bash
# SAFLA against FAISS on the same data, as alternating pairs (SAFLA, FAISS, SAFLA, FAISS, ...): each pair is one
# scripts/bench-search.sh run and one scripts/bench-faiss.py run, each in a fresh process, over one shared data file
# (target/bench-data/, written once by bench-faiss.py --write-data). Prints every run with the load average before
# it, then the median and min-max of the per-run medians on each side, the ratio SAFLA / FAISS of those medians and
# the per-pair ratios. The raw lines are kept in target/bench-vs-faiss/.
# Usage: scripts/bench-vs-faiss.sh [--pairs P (5)] [--n N (100000)] [--dim D (384)] [--k K (10)] [--queries Q (300)]
#          [--threads T (1)] [--mode exact|quantized] [--oversample O (SAFLA, 5)] [--k-factor F|auto (FAISS, auto)]
#          [--seed S (42)] [--warmup-seconds W (5)]
# exact: VectorStore.search against IndexFlatIP; quantized: VectorStore.searchQuantized (int8, k * O candidates
# rescored exactly) against IndexRefineFlat(IndexScalarQuantizer(QT_8bit)) with k_factor F.
# PYTHON=/path/to/python (default python3) must import faiss and numpy: python3 -m venv V && V/bin/pip install
# faiss-cpu numpy. Threads: SearchBench's searchThreads and faiss.omp_set_num_threads; OPENBLAS_NUM_THREADS and
# OMP_NUM_THREADS are set to T for the FAISS process as well.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk25.sh

pairs=5 n=100000 dim=384 k=10 queries=300 threads=1 mode=exact oversample=5 kfactor=auto seed=42 warmup=5
while [[ $# -gt 0 ]]; do
  [[ $# -ge 2 ]] || { echo "$1 needs a value (see --help)" >&2; exit 2; }
  case "$1" in
    --pairs) pairs=$2 ;; --n) n=$2 ;; --dim) dim=$2 ;; --k) k=$2 ;; --queries) queries=$2 ;;
    --threads) threads=$2 ;; --oversample) oversample=$2 ;; --seed) seed=$2 ;; --warmup-seconds) warmup=$2 ;;
    --mode) mode=$2; [[ $mode == exact || $mode == quantized ]] || { echo "--mode must be exact or quantized" >&2; exit 2; } ;;
    --k-factor) kfactor=$2; [[ $kfactor == auto || $kfactor =~ ^[0-9]+(\.[0-9]+)?$ ]] || { echo "--k-factor: a number or auto" >&2; exit 2; } ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
  case "$1" in --mode|--k-factor) ;; *) [[ $2 =~ ^[0-9]+$ ]] || { echo "$1 needs a non-negative integer" >&2; exit 2; } ;; esac
  shift 2
done
py=${PYTHON:-python3}
"$py" -c 'import faiss, numpy' 2>/dev/null || { echo "$py cannot import faiss and numpy: set PYTHON (see --help)" >&2; exit 1; }

data=target/bench-data/sfv1-n$n-d$dim-q$queries-s$seed.bin
[ -f "$data" ] || "$py" scripts/bench-faiss.py --write-data "$data" --n "$n" --dim "$dim" --queries "$queries" --seed "$seed"
mkdir -p target/bench-vs-faiss
stamp=$(date -u +%Y%m%dT%H%M%SZ)
out=target/bench-vs-faiss/$stamp-$mode-t$threads.jsonl
log=target/bench-vs-faiss/$stamp-$mode-t$threads.log
./mvnw -q -B -Pjmh -DskipTests compile >>"$log" 2>&1 || { echo "compile failed, see $log" >&2; exit 1; }

safla=(scripts/bench-search.sh --data "$data" --k "$k" --threads "$threads" --mode "$mode" --queries "$queries"
  --oversample "$oversample" --warmup-seconds "$warmup")
faiss=("$py" scripts/bench-faiss.py --data "$data" --k "$k" --threads "$threads" --mode "$mode" --queries "$queries"
  --k-factor "$kfactor" --warmup-seconds "$warmup")
echo "# $(date -u '+%Y-%m-%d %H:%M:%S UTC'), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs),"\
  "$(java -version 2>&1 | head -1), $("$py" -c 'import faiss, numpy; print("faiss", faiss.__version__, "numpy", numpy.__version__)')"
echo "# SAFLA: ${safla[*]}"
echo "# FAISS: OPENBLAS_NUM_THREADS=$threads OMP_NUM_THREADS=$threads ${faiss[*]}"
for i in $(seq 1 "$pairs"); do
  for side in safla faiss; do
    load=$(cut -d' ' -f1-3 /proc/loadavg)
    t=$(date -u +%H:%M:%S)
    if [[ $side == safla ]]; then
      line=$("${safla[@]}" 2>>"$log" | tail -1)
    else
      line=$(OPENBLAS_NUM_THREADS=$threads OMP_NUM_THREADS=$threads "${faiss[@]}" 2>>"$log" | tail -1)
    fi
    [[ $line == \{* ]] || { echo "pair $i, $side: no result, see $log" >&2; exit 1; }
    echo "pair $i $side $t load $load $line"
    "$py" -c 'import json,sys; d=json.loads(sys.argv[1]); d.update(pair=int(sys.argv[2]), side=sys.argv[3], time_utc=sys.argv[4], load=sys.argv[5]); print(json.dumps(d))' \
      "$line" "$i" "$side" "$t" "$load" >>"$out"
  done
done
"$py" - "$out" <<'EOF'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
s = [r for r in rows if r["side"] == "safla"]
f = [r for r in rows if r["side"] == "faiss"]
def span(v, fmt="{:.1f}"):
    return f"median {fmt.format(statistics.median(v))} (min {fmt.format(min(v))}, max {fmt.format(max(v))})"
for name, side in (("SAFLA", s), ("FAISS", f)):
    print(f"{name}: median_us {span([r['median_us'] for r in side])}, p95_us {span([r['p95_us'] for r in side])},"
          f" recall@k {span([r['recall_at_k'] for r in side], '{:.4f}')}")
ratios = [a["median_us"] / b["median_us"] for a, b in zip(s, f)]
ms, mf = statistics.median(r["median_us"] for r in s), statistics.median(r["median_us"] for r in f)
loads = [float(r["load"].split()[0]) for r in rows]
print(f"SAFLA / FAISS: ratio of medians {ms / mf:.2f}x; per pair {span(ratios, '{:.2f}')}x; {len(ratios)} pairs;"
      f" 1-min load {min(loads):.2f}-{max(loads):.2f}")
kf = sorted({str(r.get("k_factor")) for r in f})
print(f"FAISS k_factor {', '.join(kf)}; SAFLA oversample {', '.join(sorted({str(r.get('oversample')) for r in s}))}")
print(f"raw: {sys.argv[1]}")
EOF
