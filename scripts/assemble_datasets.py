#!/usr/bin/env python3
"""Assembled the hand-written dataset parts (Datasets/parts/<group>/, one per group of
domains, written in parallel and not kept once merged) into the contract's files: Datasets/scenarios.jsonl, companies.jsonl, companies.csv, qrels/train.txt and
qrels/test.txt. The split is by company, deterministic: within each group, sorted by id,
every company whose position is 2, 5 or 8 modulo 10 goes to test (30%), the rest to train.

List items that contain a CSV list separator (; ； 、 |) are split into separate items in
both files, so the CSV reads back to exactly the JSONL records. Three company records carry
a comma, a double quote and a line break in a field, so the CSV exercises RFC 4180 quoting.
"""
import csv, io, json, os, sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Datasets")
SEPARATORS = ";；、|"
LIST_FIELDS = ["industries", "products", "technologies", "qualifications"]
COLUMNS = ["id", "name", "description", "district", "industries", "products", "technologies",
           "qualifications", "founded", "employees", "patents"]
S_ORDER = ["id", "title", "description", "publisher", "district", "domains", "requirements", "kind",
           "budget_wan", "qualifications", "eligible_districts", "published", "deadline", "status"]


def split_items(items):
    out = []
    for item in items:
        part = item
        for s in SEPARATORS:
            part = part.replace(s, "\x00")
        out += [p.strip() for p in part.split("\x00") if p.strip()]
    return out


def ordered(record, order):
    return {k: record[k] for k in order if k in record and record[k] not in (None, [], "")}


def main():
    parts_dir = os.path.join(ROOT, "parts")
    groups = sorted(d for d in os.listdir(parts_dir) if os.path.isdir(os.path.join(parts_dir, d)))
    scenarios, companies, train, test = [], [], [], []
    for g in groups:
        base = os.path.join(parts_dir, g)
        scenarios += [ordered(json.loads(l), S_ORDER) for l in open(os.path.join(base, "scenarios.jsonl"), encoding="utf-8") if l.strip()]
        group_companies = [json.loads(l) for l in open(os.path.join(base, "companies.jsonl"), encoding="utf-8") if l.strip()]
        group_companies.sort(key=lambda c: c["id"])
        test_ids = {c["id"] for i, c in enumerate(group_companies) if i % 10 in (2, 5, 8)}
        for c in group_companies:
            for f in LIST_FIELDS:
                if f in c:
                    c[f] = split_items(c[f])
            companies.append(ordered(c, COLUMNS))
        for line in open(os.path.join(base, "qrels.txt"), encoding="utf-8"):
            f = line.split()
            if not f:
                continue
            (test if f[0] in test_ids else train).append(" ".join(f))
    quoting = [c for c in companies if c["id"].endswith("-003")][:3]
    if len(quoting) == 3:
        quoting[0]["description"] += " 英文名称: Hangzhou Demo Tech Co., Ltd."
        quoting[1]["description"] += ' 核心产品代号"云岫一号"。'
        quoting[2]["description"] += "\n（第二段）可提供本地化部署与驻场服务。"
    write_jsonl(os.path.join(ROOT, "scenarios.jsonl"), scenarios)
    write_jsonl(os.path.join(ROOT, "companies.jsonl"), companies)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(COLUMNS)
    for c in companies:
        w.writerow(["|".join(c[k]) if k in LIST_FIELDS and k in c else str(c.get(k, "")) for k in COLUMNS])
    write(os.path.join(ROOT, "companies.csv"), buf.getvalue())
    os.makedirs(os.path.join(ROOT, "qrels"), exist_ok=True)
    write(os.path.join(ROOT, "qrels", "train.txt"), "\n".join(train) + "\n")
    write(os.path.join(ROOT, "qrels", "test.txt"), "\n".join(test) + "\n")
    print(f"{len(scenarios)} scenarios, {len(companies)} companies, {len(train)} train and {len(test)} test judgments from {groups}")


def write_jsonl(path, records):
    write(path, "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))


def write(path, text):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    os.replace(tmp, path)


if __name__ == "__main__":
    sys.exit(main())
