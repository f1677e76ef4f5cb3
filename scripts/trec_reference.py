#!/usr/bin/env python3
"""Reference figures for `scenario-match eval`, computed by pytrec_eval (trec_eval's C code).

    python3 scripts/trec_reference.py QRELS RUN [-m MEASURE ...] [-l LEVEL]

Prints JSON on stdout:

    {"queries": {qid: {measure: value}}, "all": {measure: value}, "order": [qid, ...]}

"queries" holds pytrec_eval's per-query figures; "order" is trec_eval's query order (byte
order of the ids) and "all" the mean over those queries summed in that order, which is exactly
how trec_eval accumulates its "all" line (pytrec_eval itself has no "all").

The files are read with trec_eval's rules (get_qrels.c, get_trec_results.c): whitespace-separated
fields, blank and '#' lines skipped, qrels exactly 4 fields, runs at least 6 (the rest ignored).
pytrec_eval takes dicts and so would silently keep one of two lines naming the same (query,
document); trec_eval refuses such files, and so does this script (exit status 3).

Exit status 4 with a message on stderr when pytrec_eval is missing.
"""
import argparse
import json
import sys

DEFAULT_MEASURES = ["map", "recip_rank", "P", "recall", "ndcg", "ndcg_cut", "map_cut", "success"]


def fail(status, message):
    print(f"trec_reference.py: {message}", file=sys.stderr)
    sys.exit(status)


def fields_of(path):
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, start=1):
            fields = line.split()
            if not fields or fields[0].startswith("#"):
                continue
            yield number, fields


def read_qrels(path):
    qrels, first = {}, {}
    for number, fields in fields_of(path):
        if len(fields) != 4:
            fail(2, f"{path}:{number}: expected 4 fields, got {len(fields)}")
        query, _, doc, grade = fields
        if (query, doc) in first:
            fail(3, f"{path}:{number}: duplicate judgment of {doc} for {query} (first on line {first[query, doc]})")
        first[query, doc] = number
        qrels.setdefault(query, {})[doc] = int(grade)
    return qrels


def read_run(path):
    run, first = {}, {}
    for number, fields in fields_of(path):
        if len(fields) < 6:
            fail(2, f"{path}:{number}: expected 6 fields, got {len(fields)}")
        query, _, doc, _, score = fields[:5]
        if (query, doc) in first:
            fail(3, f"{path}:{number}: duplicate document {doc} for {query} (first on line {first[query, doc]})")
        first[query, doc] = number
        run.setdefault(query, {})[doc] = float(score)
    return run


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("qrels")
    parser.add_argument("run")
    parser.add_argument("-m", "--measure", action="append",
                        help="pytrec_eval measure (repeatable); default: " + ",".join(DEFAULT_MEASURES))
    parser.add_argument("-l", "--level-for-rel", type=int, default=1,
                        help="minimum grade counted as relevant (trec_eval -l), default 1")
    args = parser.parse_args()

    try:
        import pytrec_eval
    except ImportError:
        fail(4, "pytrec_eval is not installed (pip install pytrec-eval-terrier)")

    qrels = read_qrels(args.qrels)
    run = read_run(args.run)
    evaluator = pytrec_eval.RelevanceEvaluator(qrels, set(args.measure or DEFAULT_MEASURES),
                                               relevance_level=args.level_for_rel)
    per_query = evaluator.evaluate(run)

    order = sorted(per_query, key=lambda q: q.encode("utf-8"))
    measures = sorted({m for values in per_query.values() for m in values})
    averages = {}
    for m in measures:
        total = 0.0
        for q in order:
            total += per_query[q][m]
        averages[m] = total / len(order) if order else 0.0

    json.dump({"queries": per_query, "all": averages, "order": order}, sys.stdout, sort_keys=True)
    print()


if __name__ == "__main__":
    main()
