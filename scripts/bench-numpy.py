#!/usr/bin/env python3
"""numpy baseline for scripts/bench-search.sh: the same shapes and protocol (seeded random unit vectors, one query
at a time, X @ q then argpartition for the top k), one JSON line per run. Threads: set OPENBLAS_NUM_THREADS
before starting (scripts/bench-compare.sh does).
Usage: bench-numpy.py --n N --dim D --k K [--queries Q] [--seed S]"""
import argparse
import json
import os
import time

import numpy as np

p = argparse.ArgumentParser()
p.add_argument("--n", type=int, required=True)
p.add_argument("--dim", type=int, required=True)
p.add_argument("--k", type=int, default=10)
p.add_argument("--queries", type=int, default=200)
p.add_argument("--seed", type=int, default=42)
a = p.parse_args()

rng = np.random.default_rng(a.seed)
x = rng.standard_normal((a.n, a.dim), dtype=np.float32)
x /= np.linalg.norm(x, axis=1, keepdims=True)
q = rng.standard_normal((a.queries, a.dim), dtype=np.float32)
q /= np.linalg.norm(q, axis=1, keepdims=True)


def top_k(v):
    scores = x @ v
    idx = np.argpartition(-scores, a.k)[: a.k]
    return idx[np.argsort(-scores[idx])]


for v in q[: min(50, a.queries)]:  # warm-up
    top_k(v)
times = []
for v in q:
    t0 = time.perf_counter_ns()
    top_k(v)
    times.append((time.perf_counter_ns() - t0) / 1000.0)
times.sort()
median = times[len(times) // 2]
p99 = times[min(len(times) - 1, int(0.99 * len(times)))]
print(json.dumps({"impl": "numpy " + np.__version__, "n": a.n, "dim": a.dim, "k": a.k,
                  "threads": int(os.environ.get("OPENBLAS_NUM_THREADS", "0")), "mode": "exact",
                  "median_us": round(median, 1), "p99_us": round(p99, 1),
                  "qps": round(1e6 / (sum(times) / len(times)), 1), "recall_at_k": 1.0}))
