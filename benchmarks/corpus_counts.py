"""Counts of the labelled corpus (fixtures/train and fixtures/dev), as docs/data.md lists them.

Reads each folder's annotations.jsonl and its article texts, checks that every
record's text is its span of the article and that every article has records,
then prints the "Counts" figures of docs/data.md as Markdown: train and dev
together, each split, and one row per writing round (the middle part of the
doc_id: h1 to h7 are the seven periods, h8 on the rounds added to train).

Usage: python benchmarks/corpus_counts.py [FIXTURES_DIR]
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

LABELS = ("supporting", "questioning", "neutral")
TARGETS = ("treaty", "chairmanship")
KINDS = ("direct", "indirect", "narrative")
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def load(folder: Path) -> list[dict]:
    """The folder's records, after checking them against the article texts."""
    records = [json.loads(line) for line in (folder / "annotations.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    texts: dict[str, str] = {}
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        texts[path.stem] = text[1:] if text.startswith("\ufeff") else text
    annotated = {r["doc_id"] for r in records}
    if set(texts) != annotated:
        raise SystemExit(f"{folder}: texts without records {sorted(set(texts) - annotated)}, records without texts {sorted(annotated - set(texts))}")
    for r in records:
        if texts[r["doc_id"]][r["start"]:r["end"]] != r["text"]:
            raise SystemExit(f"{folder}: {r['doc_id']} {r['start']}: text is not its span")
    return records


def label(r: dict, target: str) -> str:
    return r.get("stances", {}).get(target, "neutral")


def round_of(doc_id: str) -> str:
    return doc_id.split("_", 1)[1].rsplit("_", 1)[0]


def round_key(name: str) -> tuple[int, str]:
    m = re.match(r"h(\d+)(.*)", name)
    return (int(m.group(1)), m.group(2)) if m else (10**6, name)


def summary(records: list[dict]) -> tuple[int, int, int, Counter, Counter]:
    labels = Counter((t, label(r, t)) for r in records for t in TARGETS)
    kinds = Counter(r["kind"] for r in records)
    return len({r["doc_id"] for r in records}), len(records), sum(bool(r.get("ambiguous")) for r in records), labels, kinds


def sqn(labels: Counter, target: str) -> str:
    return " / ".join(str(labels[target, lab]) for lab in LABELS)


def main() -> None:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else FIXTURES
    split = {name: load(root / name) for name in ("train", "dev")}
    both = split["train"] + split["dev"]
    docs, statements, ambiguous, labels, kinds = summary(both)
    print(f"Train and dev together: {docs} documents, {statements} statements ({ambiguous} marked ambiguous).\n")
    print("| target | supporting | questioning | neutral |\n|---|---|---|---|")
    for t in TARGETS:
        print(f"| {t} | " + " | ".join(str(labels[t, lab]) for lab in LABELS) + " |")
    print("\n| kind | statements |\n|---|---|")
    for k in KINDS:
        print(f"| {k} | {kinds[k]} |")
    print("\n| genre | documents | statements |\n|---|---|---|")
    genre_docs = Counter(d.split("_", 1)[0] for d in {r["doc_id"] for r in both})
    genre_statements = Counter(r["doc_id"].split("_", 1)[0] for r in both)
    for g in sorted(genre_docs):
        print(f"| {g} | {genre_docs[g]} | {genre_statements[g]} |")
    print("\n| split | documents | statements | ambiguous | direct / indirect / narrative | treaty sup/que/neu | chairmanship sup/que/neu |")
    print("|---|---:|---:|---:|---|---|---|")
    for name, records in split.items():
        docs, statements, ambiguous, labels, kinds = summary(records)
        print(f"| {name} | {docs} | {statements} | {ambiguous} | {' / '.join(str(kinds[k]) for k in KINDS)} | {sqn(labels, 'treaty')} | {sqn(labels, 'chairmanship')} |")
    print("\n| round | train documents | train statements | dev documents | ambiguous (train) | treaty sup/que/neu (train) | chairmanship sup/que/neu (train) |")
    print("|---|---:|---:|---:|---:|---|---|")
    rounds = sorted({round_of(r["doc_id"]) for r in both}, key=round_key)
    for name in rounds:
        records = [r for r in split["train"] if round_of(r["doc_id"]) == name]
        dev_docs = len({r["doc_id"] for r in split["dev"] if round_of(r["doc_id"]) == name})
        docs, statements, ambiguous, labels, _ = summary(records)
        print(f"| `{name}` | {docs} | {statements} | {dev_docs} | {ambiguous} | {sqn(labels, 'treaty')} | {sqn(labels, 'chairmanship')} |")


if __name__ == "__main__":
    main()
