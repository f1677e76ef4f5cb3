#!/usr/bin/env bash
# Batch matching at registry scale, side by side with Python peers, in one run and one
# environment: the index core against FAISS IndexFlatIP (same vectors, same k), one-query
# latency, the raw sgemm rate, and `scenario-match batch` CSV→CSV against a scikit-learn +
# FAISS pipeline; each at 1 and 2 threads. Results: Benchmarks/work/results.jsonl and
# Benchmarks/work/results.md. The Python peers are benchmark-only (Benchmarks/.venv).
#
#   bash Benchmarks/run.sh                   # the full run (about half an hour on 2 cores)
#   RUNS=1 QUERIES=20000 COMPANIES=10000 bash Benchmarks/run.sh   # a quick look
#   BENCHES="core latency" THREADS=2 bash Benchmarks/run.sh         # some of it
#
# OPENBLAS_CORETYPE is never changed here: it is printed, and both sides run under it.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BENCH=$ROOT/Benchmarks
WORK=$BENCH/work
SCRATCH=${SCRATCH:-.build-bench}
RUNS=${RUNS:-3}
E2E_RUNS=${E2E_RUNS:-$RUNS}
THREADS=${THREADS:-"1 2"}
BENCHES=${BENCHES:-"sgemm core latency e2e"}
QUERIES=${QUERIES:-100000}
ITEMS=${ITEMS:-10000}
DIM=${DIM:-256}
K=${K:-20}
LATENCY_REPEATS=${LATENCY_REPEATS:-2000}
COMPANIES=${COMPANIES:-100000}
SCENARIOS=${SCENARIOS:-10000}
MODELS=${MODELS:-$ROOT/Models}
TODAY=2026-11-23
SEED=1

section() { printf '\n== %s\n' "$*"; }
wanted() { [[ " $BENCHES " == *" $1 "* ]]; }

section "build (release, scratch $SCRATCH)"
swift build -c release --scratch-path "$SCRATCH" 2>&1 | tail -1
BIN=$ROOT/$SCRATCH/release/scenario-match

section "Python peers (Benchmarks/.venv)"
[ -x "$BENCH/.venv/bin/python" ] || python3 -m venv "$BENCH/.venv"
"$BENCH/.venv/bin/pip" install -q --disable-pip-version-check faiss-cpu scikit-learn numpy threadpoolctl
PY=$BENCH/.venv/bin/python
PEER=$BENCH/peer_core.py

mkdir -p "$WORK"
RESULTS=$WORK/results.jsonl
: >"$RESULTS"
record() { tee -a "$RESULTS"; }

section "machine and environment"
lscpu | grep -E '^(Model name|CPU\(s\)|Thread\(s\) per core|Core\(s\) per socket|L2 cache|L3 cache)' || true
echo "OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE-(unset)} OPENBLAS_L2_SIZE=${OPENBLAS_L2_SIZE-(unset)}"
echo "libblas.so.3 -> $(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3)"
update-alternatives --display libblas.so.3-x86_64-linux-gnu 2>/dev/null | head -2 || true
uptime
"$PY" "$PEER" info | record

for T in $THREADS; do
    export OPENBLAS_NUM_THREADS=$T OMP_NUM_THREADS=$T

    if wanted sgemm; then
    section "raw sgemm, $T thread(s): C(4096×$ITEMS) = A(4096×$DIM)·B($ITEMS×$DIM)ᵀ, median of 5 each"
    for _ in $(seq "$RUNS"); do
        "$BIN" bench sgemm --m 4096 --n "$ITEMS" --k "$DIM" --repeats 5 --json | record
        "$PY" "$PEER" sgemm --m 4096 --n "$ITEMS" --k "$DIM" --repeats 5 --threads "$T" | record
    done
    fi

    # The latency peer reads the vectors that the core run writes.
    if wanted core || [ ! -f "$WORK/vectors/items.f32" ]; then
    section "core, $T thread(s): $QUERIES queries × $ITEMS items × $DIM, k=$K (engine and FAISS taking turns)"
    for r in $(seq "$RUNS"); do
        write=()
        [ "$r" = 1 ] && write=(--write-vectors "$WORK/vectors")
        "$BIN" bench core --queries "$QUERIES" --items "$ITEMS" --dim "$DIM" --k "$K" --seed "$SEED" --repeats 1 \
            --threads "$T" --ids-out "$WORK/engine-ids.i32" "${write[@]}" --json | record
        "$PY" "$PEER" core --vectors "$WORK/vectors" --queries "$QUERIES" --items "$ITEMS" --dim "$DIM" --k "$K" \
            --repeats 1 --threads "$T" --engine-ids "$WORK/engine-ids.i32" | record
    done
    fi

    if wanted latency; then
    section "latency, $T thread(s): 1 query × $ITEMS items, $LATENCY_REPEATS queries per run"
    for _ in $(seq "$RUNS"); do
        "$BIN" bench latency --items "$ITEMS" --dim "$DIM" --k "$K" --seed "$SEED" --repeats "$LATENCY_REPEATS" \
            --threads "$T" --json | record
        "$PY" "$PEER" latency --vectors "$WORK/vectors" --items "$ITEMS" --dim "$DIM" --k "$K" \
            --repeats "$LATENCY_REPEATS" --threads "$T" | record
    done
    fi
done

if wanted e2e && [ "$E2E_RUNS" -gt 0 ]; then
    section "end to end: $COMPANIES companies × $SCENARIOS scenarios, CSV to CSV"
    "$BIN" generate --companies "$COMPANIES" --scenarios "$SCENARIOS" --seed 42 --out "$WORK/registry"
    # The engine needs its trained model. When Models/ does not load (a model trained with
    # another lexicon), train one from the same lexicon into work/models: same shapes, same speed.
    if ! "$BIN" match --profile Datasets/examples/company.json --models "$MODELS" --top 1 --today "$TODAY" >/dev/null 2>"$WORK/models-check.txt"; then
        echo "Models at $MODELS do not load ($(head -c 200 "$WORK/models-check.txt")); training one into $WORK/models"
        if ! "$BIN" match --profile Datasets/examples/company.json --models "$WORK/models" --top 1 --today "$TODAY" >/dev/null 2>&1; then
            rm -rf "$WORK/models" && mkdir -p "$WORK/models" && cp -r "$MODELS/lexicon" "$WORK/models/"
            "$BIN" train --models "$WORK/models" | tail -1
        fi
        MODELS=$WORK/models
    fi
    echo "models: $MODELS"

    # wall, user+sys and peak memory of one command, as a JSON record
    timed() {
        local side=$1 threads=$2
        shift 2
        local t0 t1
        t0=$(date +%s.%N)
        /usr/bin/time -f '%U %S %M' -o "$WORK/time.txt" "$@" >"$WORK/e2e-stdout.txt" 2>"$WORK/e2e-stderr.txt" ||
            { cat "$WORK/e2e-stderr.txt" >&2; return 1; }
        t1=$(date +%s.%N)
        read -r user sys rss <"$WORK/time.txt"
        "$PY" - "$side" "$threads" "$t0" "$t1" "$user" "$sys" "$rss" <<'PY'
import json, sys
side, threads, t0, t1, user, sys_, rss = sys.argv[1:]
record = {"bench": "e2e", "threads": int(threads), "wall_s": float(t1) - float(t0),
          "cpu_s": float(user) + float(sys_), "max_rss_mb": int(rss) / 1024}
if side != "engine":
    record["peer"] = side
print(json.dumps(record))
PY
    }

    for T in $THREADS; do
        export OPENBLAS_NUM_THREADS=$T OMP_NUM_THREADS=$T
        # One thread: both sides pinned to one CPU (the engine encodes on every core it may use).
        pin=()
        [ "$T" = 1 ] && pin=(taskset -c 0)
        for _ in $(seq "$E2E_RUNS"); do
            timed engine "$T" "${pin[@]}" "$BIN" batch --companies "$WORK/registry/companies.csv" \
                --scenarios "$WORK/registry/scenarios.jsonl" --out "$WORK/engine.csv" --quiet \
                --models "$MODELS" --today "$TODAY" | record
            timed python-pipeline "$T" "${pin[@]}" "$PY" "$BENCH/peer_pipeline.py" --companies "$WORK/registry/companies.csv" \
                --scenarios "$WORK/registry/scenarios.jsonl" --out "$WORK/peer.csv" --threads "$T" | record
            cat "$WORK/e2e-stderr.txt"
        done
        echo "rows: engine $(($(wc -l <"$WORK/engine.csv") - 1)), pipeline $(($(wc -l <"$WORK/peer.csv") - 1))"
    done
fi

section "summary (medians; the machine is shared, so wall times carry other tenants' load)"
"$PY" "$PEER" summarize "$RESULTS" | tee "$WORK/results.md"
