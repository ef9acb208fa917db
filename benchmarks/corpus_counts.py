"""Counts of the labelled corpus (fixtures/train and fixtures/dev), as docs/data.md lists them.

Reads each folder with stancekit._data.read_labelled (every problem it finds, a
record's text that is not its span of the article among them, stops the count),
checks that every article has records, then prints the "Counts" figures of docs/data.md as Markdown: train and dev
together, each split, and one row per writing round (the middle part of the
doc_id: h1 to h7 are the seven periods, h8 on the rounds added to train).

Usage: python benchmarks/corpus_counts.py [FIXTURES_DIR]   (--help: the options)
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from stancekit._data import LabelledStatement, read_labelled  # noqa: E402

LABELS = ("supporting", "questioning", "neutral")
TARGETS = ("treaty", "chairmanship")
KINDS = ("direct", "indirect", "narrative")
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def load(folder: Path) -> list[LabelledStatement]:
    """The folder's statements (:func:`read_labelled`: each record checked against its article
    text), after checking that every article text has records."""
    data, problems = read_labelled([folder], TARGETS, strict=False)
    if problems:
        raise SystemExit(f"{folder}: " + "; ".join(problems))
    texts = {path.stem for path in folder.glob("*.txt")}
    annotated = {s.doc_id for s in data.statements}
    if texts != annotated:
        raise SystemExit(f"{folder}: texts without records {sorted(texts - annotated)}, records without texts {sorted(annotated - texts)}")
    return data.statements


def label(r: LabelledStatement, target: str) -> str:
    return r.labels.get(target, "neutral")


def round_of(doc_id: str) -> str:
    return doc_id.split("_", 1)[1].rsplit("_", 1)[0]


def round_key(name: str) -> tuple[int, str]:
    m = re.match(r"h(\d+)(.*)", name)
    return (int(m.group(1)), m.group(2)) if m else (10**6, name)


def summary(records: list[LabelledStatement]) -> tuple[int, int, int, Counter, Counter]:
    labels = Counter((t, label(r, t)) for r in records for t in TARGETS)
    kinds = Counter(r.kind for r in records)
    return len({r.doc_id for r in records}), len(records), sum(r.ambiguous for r in records), labels, kinds


def sqn(labels: Counter, target: str) -> str:
    return " / ".join(str(labels[target, lab]) for lab in LABELS)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="Print the 'Counts' tables of docs/data.md for a fixtures folder.")
    ap.add_argument("fixtures", nargs="?", type=Path, default=FIXTURES,
                    help="a folder holding train/ and dev/ (SPEC section 6 folders; default: this repository's fixtures/)")
    root = ap.parse_args(argv).fixtures
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
    genre_docs = Counter(d.split("_", 1)[0] for d in {r.doc_id for r in both})
    genre_statements = Counter(r.doc_id.split("_", 1)[0] for r in both)
    for g in sorted(genre_docs):
        print(f"| {g} | {genre_docs[g]} | {genre_statements[g]} |")
    print("\n| split | documents | statements | ambiguous | direct / indirect / narrative | treaty sup/que/neu | chairmanship sup/que/neu |")
    print("|---|---:|---:|---:|---|---|---|")
    for name, records in split.items():
        docs, statements, ambiguous, labels, kinds = summary(records)
        print(f"| {name} | {docs} | {statements} | {ambiguous} | {' / '.join(str(kinds[k]) for k in KINDS)} | {sqn(labels, 'treaty')} | {sqn(labels, 'chairmanship')} |")
    print("\n| round | train documents | train statements | dev documents | ambiguous (train) | treaty sup/que/neu (train) | chairmanship sup/que/neu (train) |")
    print("|---|---:|---:|---:|---:|---|---|")
    rounds = sorted({round_of(r.doc_id) for r in both}, key=round_key)
    for name in rounds:
        records = [r for r in split["train"] if round_of(r.doc_id) == name]
        dev_docs = len({r.doc_id for r in split["dev"] if round_of(r.doc_id) == name})
        docs, statements, ambiguous, labels, _ = summary(records)
        print(f"| `{name}` | {docs} | {statements} | {dev_docs} | {ambiguous} | {sqn(labels, 'treaty')} | {sqn(labels, 'chairmanship')} |")


if __name__ == "__main__":
    main()
