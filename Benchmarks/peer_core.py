#!/usr/bin/env python3
"""FAISS (and raw BLAS) side of Benchmarks/run.sh. Benchmark-only: never a runtime dependency.

Modes, each printing one JSON object per line:
  info                         BLAS and OpenMP libraries loaded by numpy and faiss (threadpoolctl)
  core    --vectors DIR ...    IndexFlatIP over the engine's own vectors (items.f32, queries.f32);
                               with --engine-ids, compares the top-k lists with the engine's
  latency --vectors DIR ...    one query at a time, p50 / p99 in microseconds
  sgemm   --m --n --k ...      C = A·Bᵀ through numpy's BLAS and through the BLAS inside faiss-cpu
  summarize RESULTS.jsonl      medians per measurement, engine vs peer, as a Markdown table
"""
import argparse
import ctypes
import glob
import json
import os
import resource
import statistics
import sys
import time

import numpy as np
import faiss
from threadpoolctl import threadpool_info, threadpool_limits


def emit(record):
    print(json.dumps(record), flush=True)


def cpu_seconds():
    """User + system time of the whole process, every thread."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def set_threads(threads):
    faiss.omp_set_num_threads(threads)


def load(directory, name, rows, dim):
    data = np.fromfile(os.path.join(directory, name), dtype="<f4")
    if data.size != rows * dim:
        sys.exit(f"{name}: {data.size} floats, expected {rows}×{dim}")
    return np.ascontiguousarray(data.reshape(rows, dim))


def info(_args):
    emit({"bench": "info", "faiss": faiss.__version__, "numpy": np.__version__,
          "OPENBLAS_CORETYPE": os.environ.get("OPENBLAS_CORETYPE", "(unset)"),
          "libraries": [{k: lib.get(k) for k in ("user_api", "internal_api", "prefix", "version", "architecture",
                                                  "threading_layer", "num_threads")}
                        for lib in threadpool_info()]})


def compare(engine_ids, faiss_ids, queries, items, k):
    """Share of identical lists; every difference must be a tie: position by position, the
    exact (float64) scores of the two lists' ids agree within 1e-5."""
    same = np.all(engine_ids == faiss_ids, axis=1)
    differing = np.nonzero(~same)[0]
    worst = 0.0
    for start in range(0, len(differing), 4096):
        rows = differing[start:start + 4096]
        q = queries[rows].astype(np.float64)
        e = np.einsum("qd,qkd->qk", q, items[engine_ids[rows]].astype(np.float64))
        f = np.einsum("qd,qkd->qk", q, items[faiss_ids[rows]].astype(np.float64))
        worst = max(worst, float(np.max(np.abs(e - f))))
    return {"identical_share": float(same.mean()), "differing_lists": int(len(differing)),
            "max_tie_gap": worst, "differences_are_ties": bool(worst <= 1e-5)}


def core(args):
    set_threads(args.threads)
    items = load(args.vectors, "items.f32", args.items, args.dim)
    queries = load(args.vectors, "queries.f32", args.queries, args.dim)
    index = faiss.IndexFlatIP(args.dim)
    index.add(items)
    index.search(queries[:64], args.k)
    seconds, cpu, ids = [], [], None
    for _ in range(args.repeats):
        before = cpu_seconds()
        start = time.perf_counter()
        _, ids = index.search(queries, args.k)
        seconds.append(time.perf_counter() - start)
        cpu.append(cpu_seconds() - before)
    median = statistics.median(seconds)
    flops = 2 * args.queries * args.items * args.dim
    record = {"bench": "core", "peer": "faiss.IndexFlatIP", "queries": args.queries, "items": args.items,
              "dim": args.dim, "k": args.k, "threads": args.threads, "median_s": median,
              "queries_per_s": args.queries / median, "gflops": flops / median / 1e9, "runs_s": seconds,
              "cpu_s": statistics.median(cpu), "gflops_per_cpu_s": flops / statistics.median(cpu) / 1e9}
    if args.engine_ids:
        engine = np.fromfile(args.engine_ids, dtype="<i4").reshape(args.queries, args.k)
        record.update(compare(engine, ids.astype(np.int32), queries, items, args.k))
    emit(record)


def latency(args):
    set_threads(args.threads)
    items = load(args.vectors, "items.f32", args.items, args.dim)
    # The engine's latency queries are the first rows of its query stream.
    pool = np.fromfile(os.path.join(args.vectors, "queries.f32"), dtype="<f4", count=args.repeats * args.dim)
    pool = np.ascontiguousarray(pool.reshape(args.repeats, args.dim))
    index = faiss.IndexFlatIP(args.dim)
    index.add(items)
    for i in range(50):
        index.search(pool[i:i + 1], args.k)
    micros = []
    for i in range(args.repeats):
        q = pool[i:i + 1]
        start = time.perf_counter()
        index.search(q, args.k)
        micros.append((time.perf_counter() - start) * 1e6)
    emit({"bench": "latency", "peer": "faiss.IndexFlatIP", "items": args.items, "dim": args.dim, "k": args.k,
          "threads": args.threads, "repeats": args.repeats, "p50_us": float(np.percentile(micros, 50)),
          "p99_us": float(np.percentile(micros, 99)), "mean_us": float(np.mean(micros))})


def faiss_blas_sgemm():
    """The Fortran sgemm_ of the OpenBLAS that faiss-cpu ships and calls, if it can be found."""
    libs = glob.glob(os.path.join(os.path.dirname(faiss.__file__), "..", "faiss_cpu.libs", "libopenblas*.so*"))
    for path in libs:
        try:
            lib = ctypes.CDLL(path)
            return lib.sgemm_, os.path.basename(path)
        except (OSError, AttributeError):
            continue
    return None, None


def sgemm(args):
    rng = np.random.default_rng(args.seed)
    a = rng.standard_normal((args.m, args.k), dtype=np.float32)
    b = rng.standard_normal((args.n, args.k), dtype=np.float32)
    flops = 2 * args.m * args.n * args.k
    c = np.empty((args.m, args.n), dtype=np.float32)
    with threadpool_limits(limits=args.threads):
        np.matmul(a, b.T, out=c)
        runs, cpu = [], []
        for _ in range(args.repeats):
            before = cpu_seconds()
            start = time.perf_counter()
            np.matmul(a, b.T, out=c)
            runs.append(time.perf_counter() - start)
            cpu.append(cpu_seconds() - before)
    emit({"bench": "sgemm", "peer": "numpy", "m": args.m, "n": args.n, "k": args.k, "threads": args.threads,
          "median_s": statistics.median(runs), "gflops": flops / statistics.median(runs) / 1e9, "runs_s": runs,
          "cpu_s": statistics.median(cpu), "gflops_per_cpu_s": flops / statistics.median(cpu) / 1e9})

    fn, name = faiss_blas_sgemm()
    if fn is None:
        return
    # Row-major C(m×n) = A·Bᵀ is column-major Cᵀ(n×m) = B·Aᵀ: op(B) = 'T' on the k×n column-major view.
    i = ctypes.c_int
    f = ctypes.c_float
    ta, tb = ctypes.c_char(b"T"), ctypes.c_char(b"N")
    m_, n_, k_ = i(args.n), i(args.m), i(args.k)
    alpha, beta = f(1.0), f(0.0)
    lda, ldb, ldc = i(args.k), i(args.k), i(args.n)
    ptr = ctypes.POINTER(ctypes.c_float)
    pa, pb, pc = b.ctypes.data_as(ptr), a.ctypes.data_as(ptr), c.ctypes.data_as(ptr)

    def call():
        fn(ctypes.byref(ta), ctypes.byref(tb), ctypes.byref(m_), ctypes.byref(n_), ctypes.byref(k_), ctypes.byref(alpha),
           pa, ctypes.byref(lda), pb, ctypes.byref(ldb), ctypes.byref(beta), pc, ctypes.byref(ldc))

    with threadpool_limits(limits=args.threads):
        call()
        check = float(np.max(np.abs(c[:8, :8] - a[:8] @ b[:8].T)))
        runs, cpu = [], []
        for _ in range(args.repeats):
            before = cpu_seconds()
            start = time.perf_counter()
            call()
            runs.append(time.perf_counter() - start)
            cpu.append(cpu_seconds() - before)
    emit({"bench": "sgemm", "peer": f"faiss-cpu BLAS ({name})", "m": args.m, "n": args.n, "k": args.k,
          "threads": args.threads, "median_s": statistics.median(runs),
          "gflops": flops / statistics.median(runs) / 1e9, "runs_s": runs, "check_max_error": check,
          "cpu_s": statistics.median(cpu), "gflops_per_cpu_s": flops / statistics.median(cpu) / 1e9})


def summarize(args):
    records = [json.loads(line) for line in open(args.results, encoding="utf-8") if line.startswith("{")]

    def pick(bench, threads, engine, **extra):
        out = []
        for r in records:
            if r.get("bench") != bench or r.get("threads") != threads or ("peer" not in r) != engine:
                continue
            if engine is False and extra.get("peer") and not r["peer"].startswith(extra["peer"]):
                continue
            out.append(r)
        return out

    def med(rows, key):
        values = [r[key] for r in rows if r.get(key) is not None]
        return statistics.median(values) if values else None

    def fmt(x, digits=1):
        return "–" if x is None else f"{x:,.{digits}f}"

    def ratio(a, b):
        return None if a is None or b is None or b == 0 else a / b

    lines = ["| measurement | threads | engine | peer | engine ÷ peer | runs |", "|---|---|---|---|---|---|"]
    verdicts = []
    threads_seen = sorted({r["threads"] for r in records if "threads" in r})
    for t in threads_seen:
        e_sgemm = pick("sgemm", t, True)
        n_sgemm, f_sgemm = pick("sgemm", t, False, peer="numpy"), pick("sgemm", t, False, peer="faiss")
        if e_sgemm:
            shape = f"{e_sgemm[0]['m']}×{e_sgemm[0]['n']}×{e_sgemm[0]['k']}"
            lines.append(f"| raw sgemm {shape}, GFLOP/s (peer: numpy's OpenBLAS) | {t} | {fmt(med(e_sgemm, 'gflops'))} | "
                         f"{fmt(med(n_sgemm, 'gflops'))} | {fmt(ratio(med(e_sgemm, 'gflops'), med(n_sgemm, 'gflops')), 2)} | {len(e_sgemm)} |")
            lines.append(f"| raw sgemm, GFLOP/s (peer: the OpenBLAS inside faiss-cpu) | {t} | {fmt(med(e_sgemm, 'gflops'))} | "
                         f"{fmt(med(f_sgemm, 'gflops'))} | {fmt(ratio(med(e_sgemm, 'gflops'), med(f_sgemm, 'gflops')), 2)} | {len(f_sgemm)} |")
        e_core, f_core = pick("core", t, True), pick("core", t, False)
        if e_core:
            eq, fq = med(e_core, "queries_per_s"), med(f_core, "queries_per_s")
            eg, fg = med(e_core, "gflops"), med(f_core, "gflops")
            shape = f"{e_core[0]['queries']}×{e_core[0]['items']}×{e_core[0]['dim']} k={e_core[0]['k']}"
            lines.append(f"| core {shape}, queries/s (peer: FAISS IndexFlatIP) | {t} | {fmt(eq, 0)} | {fmt(fq, 0)} | "
                         f"{fmt(ratio(eq, fq), 2)} | {len(e_core)} |")
            lines.append(f"| core, GFLOP/s | {t} | {fmt(eg)} | {fmt(fg)} | {fmt(ratio(eg, fg), 2)} | {len(e_core)} |")
            ec, fc = med(e_core, "gflops_per_cpu_s"), med(f_core, "gflops_per_cpu_s")
            lines.append(f"| core, GFLOP per CPU-second (user+sys of all threads) | {t} | {fmt(ec)} | {fmt(fc)} | "
                         f"{fmt(ratio(ec, fc), 2)} | {len(e_core)} |")
            share_of_sgemm = ratio(eg, med(e_sgemm, "gflops"))
            cpu_share = ratio(ec, med(e_sgemm, "gflops_per_cpu_s"))
            lines.append(f"| core ÷ the engine's raw sgemm (wall GFLOP/s; per CPU-second) | {t} | {fmt(share_of_sgemm, 2)}; "
                         f"{fmt(cpu_share, 2)} | – | – | – |")
            same = [r for r in f_core if "identical_share" in r]
            if same:
                lines.append(f"| top-20 lists identical to FAISS's (share) | {t} | {fmt(min(r['identical_share'] for r in same), 5)} | – | – | "
                             f"{len(same)} |")
                lines.append(f"| differing lists: largest score gap between positions | {t} | {max(r['max_tie_gap'] for r in same):.2e} | – | – | "
                             f"{len(same)} |")
                verdicts.append(f"T={t}: ids identical apart from ties within 1e-5: "
                                f"{'yes' if all(r['differences_are_ties'] for r in same) else 'NO'}")
            verdicts.append(f"T={t}: core ≥ FAISS: {'met' if eq and fq and eq >= fq else 'NOT met'} ({fmt(ratio(eq, fq), 2)}×)")
            verdicts.append(f"T={t}: core ≥ 80% of raw sgemm: {'met' if share_of_sgemm and share_of_sgemm >= 0.8 else 'NOT met'} "
                            f"({fmt(share_of_sgemm and share_of_sgemm * 100, 0)}% in wall time, "
                            f"{fmt(cpu_share and cpu_share * 100, 0)}% per CPU-second)")
        e_lat, f_lat = pick("latency", t, True), pick("latency", t, False)
        if e_lat:
            for key, label in (("p50_us", "p50"), ("p99_us", "p99")):
                e, f = med(e_lat, key), med(f_lat, key)
                lines.append(f"| 1 query × {e_lat[0]['items']} items latency {label}, µs (lower is better) | {t} | {fmt(e)} | {fmt(f)} | "
                             f"{fmt(ratio(e, f), 2)} | {len(e_lat)} |")
        e_e2e, f_e2e = pick("e2e", t, True), pick("e2e", t, False)
        if e_e2e:
            e, f = med(e_e2e, "wall_s"), med(f_e2e, "wall_s")
            lines.append(f"| end to end CSV→CSV, wall s (lower is better; peer: Python pipeline) | {t} | {fmt(e)} | {fmt(f)} | "
                         f"{fmt(ratio(e, f), 2)} | {len(e_e2e)} |")
            eu, fu = med(e_e2e, "cpu_s"), med(f_e2e, "cpu_s")
            lines.append(f"| end to end, CPU s (user+sys) | {t} | {fmt(eu)} | {fmt(fu)} | {fmt(ratio(eu, fu), 2)} | {len(e_e2e)} |")
            speedup = ratio(f, e)
            verdicts.append(f"T={t}: end to end ≥ 3× the Python pipeline: {'met' if speedup and speedup >= 3 else 'NOT met'} "
                            f"(engine is {fmt(speedup, 2)}× the pipeline's speed)")
    print("\n".join(lines))
    print()
    for v in verdicts:
        print(f"- {v}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="mode", required=True)
    sub.add_parser("info")
    for name in ("core", "latency"):
        p = sub.add_parser(name)
        p.add_argument("--vectors", required=True)
        p.add_argument("--items", type=int, default=10_000)
        p.add_argument("--dim", type=int, default=256)
        p.add_argument("--k", type=int, default=20)
        p.add_argument("--threads", type=int, default=1)
        if name == "core":
            p.add_argument("--queries", type=int, default=100_000)
            p.add_argument("--repeats", type=int, default=3)
            p.add_argument("--engine-ids")
        else:
            p.add_argument("--repeats", type=int, default=2000)
    p = sub.add_parser("sgemm")
    p.add_argument("--m", type=int, default=4096)
    p.add_argument("--n", type=int, default=10_000)
    p.add_argument("--k", type=int, default=256)
    p.add_argument("--repeats", type=int, default=5)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--seed", type=int, default=1)
    p = sub.add_parser("summarize")
    p.add_argument("results")
    args = parser.parse_args()
    {"info": info, "core": core, "latency": latency, "sgemm": sgemm, "summarize": summarize}[args.mode](args)


if __name__ == "__main__":
    main()
