#!/usr/bin/env python3
"""Makes the lexicon parts in Models/lexicon/ agree with each other, in place: a surface form
may belong to one concept only. Parts were written separately, so the same term can stand
in two of them. When two concepts share their label they are the same concept: the later
one is merged into the earlier (its forms and links added, links to it redirected). Any
other shared form stays with the earlier concept (files in name order). A concept left
with no forms is dropped. Prints what it changed; run it after adding or editing a part.
"""
import json, os, sys, unicodedata

DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Models", "lexicon")


def key(form):
    s = unicodedata.normalize("NFKC", form).lower()
    return "".join(ch for ch in s if not unicodedata.category(ch).startswith(("P", "Z", "S", "C")))


def main():
    names = sorted(n for n in os.listdir(DIR) if n.endswith(".json"))
    parts = {n: json.load(open(os.path.join(DIR, n), encoding="utf-8")) for n in names}
    owner = {}      # form key -> concept id
    by_id = {}
    redirect = {}
    changes = []
    for n in names:
        kept = []
        for c in parts[n]["concepts"]:
            label_owner = owner.get(key(c["label"]))
            if label_owner and by_id[label_owner]["label"] == c["label"]:
                target = by_id[label_owner]
                redirect[c["id"]] = target["id"]
                for f in c["forms"]:
                    if key(f) not in owner:
                        owner[key(f)] = target["id"]; target["forms"].append(f)
                target["serves"] = list(dict.fromkeys(target.get("serves", []) + c.get("serves", [])))
                changes.append(f"merged {c['id']} into {target['id']} ({c['label']})")
                continue
            forms = []
            for f in [c["label"]] + c["forms"]:
                k = key(f)
                if not k:
                    continue
                if k in owner and owner[k] != c["id"]:
                    changes.append(f"{n}: '{f}' left to {owner[k]}, dropped from {c['id']}")
                    continue
                if f not in forms:
                    forms.append(f)
                owner[k] = c["id"]
            if not forms:
                changes.append(f"{n}: dropped {c['id']} (no forms left)")
                redirect[c["id"]] = None
                continue
            if key(c["label"]) not in {key(f) for f in forms}:
                c["label"] = forms[0]
            c["forms"] = [f for f in forms if f != c["label"]] or forms
            by_id[c["id"]] = c
            kept.append(c)
        parts[n]["concepts"] = kept
    for n in names:
        for c in parts[n]["concepts"]:
            serves = []
            for t in c.get("serves", []):
                while t in redirect and redirect[t] is not None:
                    t = redirect[t]
                if t in by_id and t != c["id"] and t not in serves:
                    serves.append(t)
            c["serves"] = serves
        with open(os.path.join(DIR, n) + ".tmp", "w", encoding="utf-8") as f:
            json.dump(parts[n], f, ensure_ascii=False, indent=1)
            f.write("\n")
        os.replace(os.path.join(DIR, n) + ".tmp", os.path.join(DIR, n))
    print("\n".join(changes) or "no conflicts")
    print(f"{sum(len(p['concepts']) for p in parts.values())} concepts in {len(names)} files", file=sys.stderr)


if __name__ == "__main__":
    main()
