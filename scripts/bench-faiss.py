#!/usr/bin/env python3
"""FAISS baseline for scripts/bench-search.sh (SearchBench), one JSON line per run on stdout:
  {"impl","n","dim","k","threads","mode","k_factor","median_us","p95_us","p99_us","qps","recall_at_k",...}

Data: seeded random unit vectors, numpy's default_rng(seed).standard_normal in float32, each row divided by its
norm (as bench-numpy.py does); first the n stored vectors, then max(20, queries // 4) warm-up queries, then the
timed queries. SearchBench draws its own data from java.util.Random, which numpy cannot replay bit for bit, so both
sides read one file instead: --write-data FILE writes it (and exits), --data FILE reads it (bench-search.sh --data
FILE gives SearchBench the same file). Format: b"SFV1", int32 n, dim, number of queries (little-endian), then
n * dim and queries * dim float32 (little-endian).

Protocol, as SearchBench: warm up with the warm-up queries for at least --warmup-seconds (default 5), then time
the timed queries one at a time, back to back (index.search on a 1 x dim array), with faiss.omp_set_num_threads(T);
recall@k afterwards against an exact top-k computed in float64 with numpy.
  --mode exact      IndexFlatIP
  --mode quantized  IndexScalarQuantizer(dim, QT_8bit, inner product), trained on the stored vectors, wrapped in
                    IndexRefineFlat (the k * k_factor best int8 candidates rescored exactly in float32).
                    --k-factor auto (default) takes the smallest of 1, 1.5, 2, 3, 4, 5, 6, 8, 10, 16, 32 whose
                    recall@k on the warm-up queries reaches --target-recall (default 0.99); the recall printed is
                    that of the timed queries, which the choice never saw.

Usage: bench-faiss.py --write-data FILE --n N --dim D --queries Q [--seed S]
       bench-faiss.py (--data FILE | --n N --dim D [--seed S]) --k K --threads T --mode exact|quantized
                      [--queries Q] [--warmup-seconds W] [--k-factor F|auto] [--target-recall R]
Needs faiss-cpu and numpy (pip install faiss-cpu numpy)."""
import argparse
import json
import os
import sys
import time

import numpy as np

MAGIC = b"SFV1"
K_FACTORS = [1, 1.5, 2, 3, 4, 5, 6, 8, 10, 16, 32]


def warmup_count(queries):
    return max(20, queries // 4)  # SearchBench: Math.max(20, queries / 4)


def generate(n, dim, nq, seed):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((n, dim), dtype=np.float32)
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    q = rng.standard_normal((nq, dim), dtype=np.float32)
    q /= np.linalg.norm(q, axis=1, keepdims=True)
    return x, q


def write_data(path, x, q):
    tmp = path + ".tmp"
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(tmp, "wb") as f:
        f.write(MAGIC)
        f.write(np.array([x.shape[0], x.shape[1], q.shape[0]], dtype="<i4").tobytes())
        f.write(np.ascontiguousarray(x, dtype="<f4").tobytes())
        f.write(np.ascontiguousarray(q, dtype="<f4").tobytes())
    os.replace(tmp, path)


def read_data(path):
    with open(path, "rb") as f:
        if f.read(4) != MAGIC:
            sys.exit(f"{path}: not a bench-faiss.py data file (no SFV1 header)")
        n, dim, nq = (int(v) for v in np.frombuffer(f.read(12), dtype="<i4"))
        body = np.frombuffer(f.read(), dtype="<f4")
    if body.size != dim * (n + nq):
        sys.exit(f"{path}: header n={n}, dim={dim}, queries={nq} does not match the file size")
    x = body[: n * dim].reshape(n, dim).astype(np.float32)
    q = body[n * dim:].reshape(nq, dim).astype(np.float32)
    return x, q


def exact_top_k(x, queries, k, chunk=64):
    """Top-k rows by inner product in float64 (ties to the smaller row), one row of ids per query."""
    x64 = x.astype(np.float64)
    out = np.empty((len(queries), k), dtype=np.int64)
    for s in range(0, len(queries), chunk):
        scores = x64 @ queries[s:s + chunk].astype(np.float64).T  # n x chunk
        for j in range(scores.shape[1]):
            col = scores[:, j]
            idx = np.argpartition(-col, k)[: k + 1]  # k + 1 so that a tie at the boundary is seen
            idx = idx[np.lexsort((idx, -col[idx]))][:k]
            out[s + j] = idx
    return out


def recall(found, truth):
    k = truth.shape[1]
    return float(np.mean([len(set(f[f >= 0].tolist()) & set(t.tolist())) / k for f, t in zip(found, truth)]))


def search_all(index, queries, k):
    return np.vstack([index.search(queries[i:i + 1], k)[1] for i in range(len(queries))])


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--write-data")
    p.add_argument("--data")
    p.add_argument("--n", type=int)
    p.add_argument("--dim", type=int)
    p.add_argument("--k", type=int, default=10)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--mode", choices=["exact", "quantized"], default="exact")
    p.add_argument("--queries", type=int, default=200)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--warmup-seconds", type=float, default=5)
    p.add_argument("--k-factor", default="auto")
    p.add_argument("--target-recall", type=float, default=0.99)
    a = p.parse_args()
    warm = warmup_count(a.queries)

    if a.write_data:
        if not (a.n and a.dim):
            sys.exit("--write-data needs --n and --dim")
        x, q = generate(a.n, a.dim, warm + a.queries, a.seed)
        write_data(a.write_data, x, q)
        print(f"wrote {a.write_data}: n={a.n} dim={a.dim} queries={len(q)} ({warm} warm-up + {a.queries} timed)"
              f" seed={a.seed}", file=sys.stderr)
        return

    if a.data:
        x, q = read_data(a.data)
        if (a.n and a.n != x.shape[0]) or (a.dim and a.dim != x.shape[1]):
            sys.exit(f"{a.data} holds n={x.shape[0]} dim={x.shape[1]}, not n={a.n} dim={a.dim}")
        if len(q) < warm + a.queries:
            sys.exit(f"{a.data} holds {len(q)} queries, {warm + a.queries} needed")
    else:
        if not (a.n and a.dim):
            sys.exit("give --data FILE or --n and --dim")
        x, q = generate(a.n, a.dim, warm + a.queries, a.seed)
    n, dim = x.shape
    warm_q = q[:warm]
    timed_q = q[warm:warm + a.queries]

    import faiss  # after the data, so that --write-data works without faiss
    faiss.omp_set_num_threads(a.threads)

    truth = exact_top_k(x, timed_q, a.k)
    k_factor = None
    t_build = time.perf_counter()
    if a.mode == "exact":
        index = faiss.IndexFlatIP(dim)
        index.add(x)
    else:
        sq = faiss.IndexScalarQuantizer(dim, faiss.ScalarQuantizer.QT_8bit, faiss.METRIC_INNER_PRODUCT)
        sq.train(x)
        index = faiss.IndexRefineFlat(sq)
        index.add(x)
        if a.k_factor == "auto":
            warm_truth = exact_top_k(x, warm_q, a.k)
            for f in K_FACTORS:
                index.k_factor = f
                if recall(search_all(index, warm_q, a.k), warm_truth) >= a.target_recall:
                    k_factor = f
                    break
            if k_factor is None:
                sys.exit(f"no k_factor up to {K_FACTORS[-1]} reaches recall {a.target_recall} on the warm-up queries")
        else:
            k_factor = float(a.k_factor)
        index.k_factor = k_factor
    build_s = time.perf_counter() - t_build

    deadline = time.perf_counter() + a.warmup_seconds
    warmed = 0
    while warmed < warm or time.perf_counter() < deadline:
        index.search(warm_q[warmed % warm:warmed % warm + 1], a.k)
        warmed += 1

    times = np.empty(len(timed_q))
    found = np.empty((len(timed_q), a.k), dtype=np.int64)
    for i in range(len(timed_q)):
        v = timed_q[i:i + 1]
        t0 = time.perf_counter_ns()
        _, ids = index.search(v, a.k)
        times[i] = (time.perf_counter_ns() - t0) / 1000.0
        found[i] = ids[0]
    times_sorted = np.sort(times)
    nt = len(times_sorted)

    def pct(p):  # the same rank as SearchBench: ceil(nt * p) - 1
        return float(times_sorted[min(nt - 1, int(np.ceil(nt * p)) - 1)])

    print(f"# faiss {faiss.__version__}, numpy {np.__version__}, omp threads {faiss.omp_get_max_threads()}; "
          f"data={a.data or f'default_rng({a.seed})'}; index built in {build_s:.1f} s; warm-up queries={warmed}",
          file=sys.stderr)
    print(json.dumps({"impl": "faiss " + faiss.__version__, "n": n, "dim": dim, "k": a.k, "threads": a.threads,
                      "mode": a.mode, "index": "IndexFlatIP" if a.mode == "exact"
                      else "IndexRefineFlat(IndexScalarQuantizer(QT_8bit))",
                      "k_factor": k_factor, "median_us": round(float(times_sorted[nt // 2]), 1),
                      "p95_us": round(pct(0.95), 1), "p99_us": round(pct(0.99), 1),
                      "qps": round(1e6 / float(times.mean()), 1), "recall_at_k": round(recall(found, truth), 4)}))


if __name__ == "__main__":
    main()
