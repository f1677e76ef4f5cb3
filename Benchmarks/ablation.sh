#!/usr/bin/env bash
# Regenerates the ablation table of Models/MODEL_CARD.md (between its ABLATION markers):
# NDCG@10, MAP and Recall@20 on the test split for each step of the model, each trained on
# the train split only, and for the BM25 peer (bm25s over jieba tokens) with and without the
# engine's constraint filters. Usage: Benchmarks/ablation.sh   (BIN=path overrides the binary)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${BIN:-}" ]; then swift build -c release --product scenario-match >&2; BIN=.build/release/scenario-match; fi
venv=Benchmarks/.venv-bm25
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -c "import bm25s, jieba" 2>/dev/null || "$venv/bin/pip" install -q bm25s jieba >&2

T=Datasets/qrels/test.txt; TR=Datasets/qrels/train.txt; M=ndcg_cut_10,map,recall_20; D=2026-11-23
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
row() {  # name, eval output file
  awk -v n="$1" '{v[$1]=$3} END {printf "| %s | %s | %s | %s |\n", n, v["ndcg_cut_10"], v["map"], v["recall_20"]}' "$2"
}
{
  echo "| configuration (trained on train, scored on test) | NDCG@10 | MAP | Recall@20 |"
  echo "| --- | ---: | ---: | ---: |"
  while IFS='|' read -r name flags; do
    # shellcheck disable=SC2086
    "$BIN" evaluate --qrels "$T" --train-on "$TR" --today "$D" --metrics "$M" $flags 2>/dev/null > "$work/e"
    row "$name" "$work/e"
  done <<'CONFIGS'
lexical only (character n-gram TF-IDF)|--blocks lexical --no-lexicon
+ lexicon (boilerplate removed, concept coverage)|--blocks lexical,concept
+ semantic (LSA over texts and lexicon)|--blocks lexical,concept,semantic
+ structured (domains, district)|--blocks lexical,concept,semantic,domain,district
CONFIGS
  "$BIN" evaluate --qrels "$T" --today "$D" --metrics "$M" 2>/dev/null > "$work/e"
  row "final (shipped Models/model.json)" "$work/e"
  for filters in "" "--no-filters"; do
    "$venv/bin/python" Benchmarks/bm25_peer.py Datasets/scenarios.jsonl Datasets/companies.jsonl "$T" "$work/bm25.run" --today "$D" $filters
    "$BIN" eval --qrels "$T" --run "$work/bm25.run" --metrics "$M" > "$work/e"
    if [ -n "$filters" ]; then label="no constraint filters"; else label="same constraint filters"; fi
    row "peer: BM25 over jieba tokens (bm25s), $label" "$work/e"
  done
} > "$work/table"
python3 - "$work/table" <<'PY'
import os, sys
card = "Models/MODEL_CARD.md"
table = open(sys.argv[1], encoding="utf-8").read()
text = open(card, encoding="utf-8").read()
start, end = "<!-- ABLATION:BEGIN -->", "<!-- ABLATION:END -->"
i, j = text.index(start) + len(start), text.index(end)
open(card + ".tmp", "w", encoding="utf-8").write(text[:i] + "\n" + table + text[j:])
os.replace(card + ".tmp", card)
print(table)
PY
