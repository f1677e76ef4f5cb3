#!/usr/bin/env python3
"""Makes the lexicon parts in Models/lexicon/ agree with each other, in place: a surface form
may belong to one concept only. The parts were written separately, so one idea can stand in
two of them under different ids (AI.substation_inspection, EN.substation_inspection). Two
concepts of the same kind that share a surface form are taken to be the same concept and
merged into the earlier one (files in name order): forms, domains and links united, links
to the later id redirected. A merge that would make a concept of more than MAX_FORMS forms
is not made. A form still shared after merging (by concepts of different kinds, or by a
merge refused) stays with the earlier concept. Prints what it changed; run it after adding
or editing a part.
"""
import json, os, sys, unicodedata

DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Models", "lexicon")
MAX_FORMS = 24
# Pairs written separately under different ids and forms for one idea (found by reading the
# parts side by side): the second is merged into the first, whatever the form count.
SAME = [
    ("LA.medical_delivery_drone", "BIO.medical_logistics_drone"),
    ("LA.medical_sample_delivery", "BIO.medical_sample_air_delivery"),
    ("RB.exoskeleton", "BIO.lower_limb_exoskeleton"),
    ("RB.medical_logistics_robot", "BIO.hospital_logistics_robot"),
    ("RB.rehab_robot", "BIO.upper_limb_rehab_robot"),
    ("AI.deepfake_detection", "DATA.deepfake_detection"),
    ("AI.adaptive_signal_control", "MOB.adaptive_signal_control"),
    ("AI.video_ai_platform", "MOB.video_ai_platform"),
    ("AI.medical_llm", "BIO.medical_llm"),
    ("AI.medical_imaging_ai", "BIO.ai_imaging_software"),
    ("AI.medical_imaging_diagnosis", "BIO.radiology_reading_assist"),
    ("AI.substation_inspection", "RB.substation_inspection"),
    ("AI.patient_triage_guidance", "BIO.smart_triage_guidance"),
    ("AI.crowd_flow_management", "MOB.crowd_management"),
    ("AI.urban_management_event", "MOB.urban_governance_event"),
]


def key(form):
    s = unicodedata.normalize("NFKC", form).lower()
    return "".join(ch for ch in s if not unicodedata.category(ch).startswith(("P", "Z", "S", "C")))


def main():
    names = sorted(n for n in os.listdir(DIR) if n.endswith(".json"))
    parts = {n: json.load(open(os.path.join(DIR, n), encoding="utf-8")) for n in names}
    order, concept, home = [], {}, {}
    for n in names:
        for c in parts[n]["concepts"]:
            order.append(c["id"]); concept[c["id"]] = c; home[c["id"]] = n
    parent = {i: i for i in order}
    rank = {i: r for r, i in enumerate(order)}

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]; i = parent[i]
        return i

    size = {i: len({key(f) for f in [concept[i]["label"]] + concept[i]["forms"]}) for i in order}
    owner, changes = {}, []
    for keep, gone in SAME:
        if keep in parent and gone in parent and find(keep) != find(gone):
            a, b = find(keep), find(gone)
            parent[b] = a; size[a] += size[b]
            changes.append(f"merged {gone} into {keep} (same idea)")
    for i in order:
        c = concept[i]
        for f in [c["label"]] + c["forms"]:
            k = key(f)
            if not k:
                continue
            if k not in owner:
                owner[k] = i; continue
            a, b = find(owner[k]), find(i)
            if a == b or concept[a]["kind"] != c["kind"] or c["kind"] == "generic":
                continue
            if size[a] + size[b] > MAX_FORMS:
                continue
            keep, gone = (a, b) if rank[a] < rank[b] else (b, a)
            parent[gone] = keep; size[keep] += size[gone]
            changes.append(f"merged {gone} into {keep} (shared '{f}')")

    merged = {}
    for i in order:
        if find(i) == i:
            merged[i] = dict(concept[i]); merged[i]["forms"] = list(concept[i]["forms"])
            merged[i]["domains"] = list(concept[i].get("domains", [])); merged[i]["serves"] = list(concept[i].get("serves", []))
    for i in order:
        r = find(i)
        if r != i:
            m = merged[r]; c = concept[i]
            m["forms"] += [c["label"]] + c["forms"]
            m["domains"] += [d for d in c.get("domains", []) if d not in m["domains"]]
            m["serves"] += c.get("serves", [])

    owner = {}
    for r, m in merged.items():
        forms = []
        for f in [m["label"]] + m["forms"]:
            k = key(f)
            if not k or (k in owner and owner[k] != r):
                if k:
                    changes.append(f"'{f}' left to {owner[k]}, dropped from {r}")
                continue
            owner[k] = r
            if all(key(x) != k for x in forms):
                forms.append(f)
        m["label"] = forms[0] if forms else m["label"]
        m["forms"] = forms[1:] if len(forms) > 1 else forms
        m["serves"] = list(dict.fromkeys(find(t) for t in m["serves"] if t in parent and find(t) != r))

    for n in names:
        parts[n]["concepts"] = [merged[i] for i in order if home[i] == n and i in merged and merged[i]["forms"]]
        with open(os.path.join(DIR, n) + ".tmp", "w", encoding="utf-8") as f:
            json.dump(parts[n], f, ensure_ascii=False, indent=1)
            f.write("\n")
        os.replace(os.path.join(DIR, n) + ".tmp", os.path.join(DIR, n))
    print("\n".join(changes) or "no conflicts")
    print(f"{sum(len(p['concepts']) for p in parts.values())} concepts in {len(names)} files", file=sys.stderr)


if __name__ == "__main__":
    main()
