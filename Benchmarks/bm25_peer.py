#!/usr/bin/env python3
"""The lexical peer for the ablation table: BM25 (bm25s) over jieba tokens, each company's
text as the query against the scenario catalog, with the engine's hard constraints applied
as the same filters (closed, past deadline, eligible districts, literal qualifications).
Writes a TREC run. Benchmark only: bm25s and jieba are never runtime dependencies.

usage: bm25_peer.py SCENARIOS.jsonl COMPANIES.jsonl QRELS RUN_OUT [--today YYYY-MM-DD] [--no-filters]
Only the companies judged in QRELS are ranked.
"""
import argparse, json, logging

import bm25s
import jieba

jieba.setLogLevel(logging.WARNING)


def tokens(text):
    return [t for t in jieba.lcut(text.lower()) if t.strip() and not all(not ch.isalnum() for ch in t)]


def scenario_text(s):
    return "\n".join([s["title"], s["description"]] + s.get("requirements", []) + s.get("domains", []))


def company_text(c):
    return "\n".join([c["name"], c["description"]] + c.get("products", []) + c.get("technologies", []) + c.get("industries", []))


def allowed(c, s, today):
    if s.get("status", "open") == "closed":
        return False
    if s.get("deadline") and s["deadline"] < today:
        return False
    if s.get("eligible_districts") and c.get("district") not in s["eligible_districts"]:
        return False
    return all(q in c.get("qualifications", []) for q in s.get("qualifications", []))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("scenarios"); ap.add_argument("companies"); ap.add_argument("qrels"); ap.add_argument("run")
    ap.add_argument("--today", default="2026-11-23"); ap.add_argument("--no-filters", action="store_true")
    ap.add_argument("--depth", type=int, default=100)
    a = ap.parse_args()
    scenarios = [json.loads(l) for l in open(a.scenarios, encoding="utf-8") if l.strip()]
    companies = {c["id"]: c for c in (json.loads(l) for l in open(a.companies, encoding="utf-8") if l.strip())}
    judged = sorted({l.split()[0] for l in open(a.qrels, encoding="utf-8") if l.strip()})
    retriever = bm25s.BM25()
    retriever.index([tokens(scenario_text(s)) for s in scenarios], show_progress=False)
    with open(a.run, "w", encoding="utf-8") as out:
        for cid in judged:
            c = companies[cid]
            scores = retriever.get_scores(tokens(company_text(c)))
            ranked = sorted(range(len(scenarios)), key=lambda j: (-scores[j], j))
            rank = 0
            for j in ranked:
                if not a.no_filters and not allowed(c, scenarios[j], a.today):
                    continue
                rank += 1
                out.write(f"{cid} Q0 {scenarios[j]['id']} {rank} {scores[j]:.6f} bm25-jieba\n")
                if rank == a.depth:
                    break


if __name__ == "__main__":
    main()
