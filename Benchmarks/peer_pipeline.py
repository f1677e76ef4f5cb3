#!/usr/bin/env python3
"""The Python peer of `scenario-match batch`, CSV to CSV. Benchmark-only: never a runtime dependency.

Reads the same companies.csv and scenarios.jsonl, builds scikit-learn TF-IDF over character
1–2-grams, reduces it with TruncatedSVD to 256 dimensions, L2-normalises, ranks every company's
top 10 scenarios with a FAISS IndexFlatIP and writes company_id,rank,scenario_id,score.

The vectorizer and the SVD are fitted on the scenario catalog only (10,000 short texts), the
cheapest fit that still sees the catalog's vocabulary: the engine loads a model trained
beforehand, so the peer is not charged for fitting on the whole registry. Stage times go to
stderr and, with --json, one JSON line to stdout.
"""
import argparse
import csv
import json
import sys
import time

import numpy as np
import faiss
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

COMPANY_TEXT = ("name", "description", "industries", "products", "technologies", "qualifications")
SCENARIO_TEXT = ("title", "description", "domains", "requirements", "qualifications")


def scenario_text(record):
    parts = []
    for field in SCENARIO_TEXT:
        value = record.get(field)
        if isinstance(value, list):
            parts.extend(str(v) for v in value)
        elif value:
            parts.append(str(value))
    return " ".join(parts)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--companies", required=True)
    parser.add_argument("--scenarios", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--top", type=int, default=10)
    parser.add_argument("--dim", type=int, default=256)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    faiss.omp_set_num_threads(args.threads)

    stages = {}
    clock = time.perf_counter()

    def stage(name):
        nonlocal clock
        now = time.perf_counter()
        stages[name] = now - clock
        clock = now

    scenario_ids, scenario_docs = [], []
    with open(args.scenarios, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                record = json.loads(line)
                scenario_ids.append(record["id"])
                scenario_docs.append(scenario_text(record))
    company_ids, company_docs = [], []
    with open(args.companies, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            company_ids.append(row["id"])
            company_docs.append(" ".join(row.get(field) or "" for field in COMPANY_TEXT).replace("|", " "))
    stage("read")

    vectorizer = TfidfVectorizer(analyzer="char", ngram_range=(1, 2), dtype=np.float32)
    scenario_tfidf = vectorizer.fit_transform(scenario_docs)
    company_tfidf = vectorizer.transform(company_docs)
    stage("tfidf")

    svd = TruncatedSVD(n_components=args.dim, algorithm="randomized", random_state=0)
    scenario_vectors = normalize(svd.fit_transform(scenario_tfidf)).astype(np.float32)
    company_vectors = normalize(svd.transform(company_tfidf)).astype(np.float32)
    stage("svd")

    index = faiss.IndexFlatIP(args.dim)
    index.add(np.ascontiguousarray(scenario_vectors))
    scores, ids = index.search(np.ascontiguousarray(company_vectors), args.top)
    stage("search")

    with open(args.out, "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["company_id", "rank", "scenario_id", "score"])
        for company, row_ids, row_scores in zip(company_ids, ids, scores):
            for rank, (j, s) in enumerate(zip(row_ids, row_scores), start=1):
                if j >= 0:
                    out.writerow([company, rank, scenario_ids[j], f"{s:.6f}"])
    stage("write")

    total = sum(stages.values())
    print("pipeline: " + ", ".join(f"{k} {v:.2f}s" for k, v in stages.items()) + f", total {total:.2f}s "
          f"({len(company_ids)} companies × {len(scenario_ids)} scenarios, vocabulary {len(vectorizer.vocabulary_)})",
          file=sys.stderr)
    if args.json:
        print(json.dumps({"bench": "pipeline_stages", "stages_s": stages, "total_s": total,
                          "vocabulary": len(vectorizer.vocabulary_)}))


if __name__ == "__main__":
    main()
