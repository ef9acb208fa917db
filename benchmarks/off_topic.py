"""Stance on real news about neither target: how often the model sees a position that is not there.

PolNeAR's 840 training articles (``../shared/benchmarks/polnear/train.tar.gz``, read in place)
are US political news from 2016: almost none of them is about Medvedev's European Security
Treaty or Kazakhstan's OSCE chairmanship, so almost every statement in them is ``neutral``
toward both. A ``supporting`` or ``questioning`` label there is stance read from words and
speakers rather than from a position (issue #14), and its rate is a floor on the false
positives the model adds to any article's passages that are off the targets.

Usage:
  python benchmarks/off_topic.py [--model models/stancekit-default.joblib] [--show 0]

Prints, per target: the statements labelled non-neutral (share, and how many of them with
confidence >= 0.7 and >= 0.9), apart for documents that name what the target is about
(:data:`ABOUT`: "OSCE", "Kazakhstan", "Astana"; "security treaty", "Medvedev") and the rest. ``--show N`` prints N
of the non-neutral statements of documents not about the target, for reading (the text
is PolNeAR's: it stays on the screen, never in the repository).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from stancekit import analyze, load_model  # noqa: E402
from stancekit.attribution._corpus import read_polnear_tar  # noqa: E402

DATA = HERE.parent.parent / "shared" / "benchmarks" / "polnear" / "train.tar.gz"
# Words that show a document is about a target (whole words, any case). The targets' own phrases
# are too broad for this ("elections", "human rights", "treaty" occur in any political news).
ABOUT = {
    "treaty": re.compile(r"\b(?:security treaty|medvedev|corfu process|european security)\b", re.IGNORECASE),
    "chairmanship": re.compile(r"\b(?:osce|kazakhstan|kazakh|astana)\b", re.IGNORECASE),
}


def about(text: str, target: str) -> bool:
    pattern = ABOUT.get(target)
    return pattern is not None and pattern.search(text) is not None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DATA, help="PolNeAR's train.tar.gz")
    ap.add_argument("--model", type=Path, default=None, help="a model file (default: the shipped model)")
    ap.add_argument("--show", type=int, default=0, help="print this many non-neutral statements of each target")
    a = ap.parse_args()
    docs = read_polnear_tar(a.data)
    model = load_model(a.model) if a.model else load_model()
    targets = model.targets
    t0 = time.perf_counter()
    rows: dict[tuple[str, bool], list[tuple[str, float, str]]] = {}
    counts: dict[tuple[str, bool], int] = {}
    n_statements = 0
    for d in docs:
        scored = analyze(d.text, d.doc_id, model=model)
        n_statements += len(scored)
        for t in targets:
            named = about(d.text, t.id)
            counts[(t.id, named)] = counts.get((t.id, named), 0) + len(scored)
            for s in scored:
                st = s.stances[t.id]
                if st.label != "neutral":
                    rows.setdefault((t.id, named), []).append((st.label, st.confidence, s.text))
    secs = time.perf_counter() - t0
    print(f"{len(docs)} PolNeAR articles, {n_statements:,} statements ({secs:.1f} s)")
    print(f"{'target':<14}{'documents':<26}{'statements':>11}{'non-neutral':>13}{'share':>8}"
          f"{'conf>=0.7':>11}{'conf>=0.9':>11}")
    for t in targets:
        for named in (False, True):
            n = counts.get((t.id, named), 0)
            got = rows.get((t.id, named), [])
            docs_named = sum(about(d.text, t.id) == named for d in docs)
            label = f"{docs_named} {'about it' if named else 'not about it'}"
            share = len(got) / n if n else 0.0
            print(f"{t.id:<14}{label:<26}{n:>11,}{len(got):>13,}{share:>8.2%}"
                  f"{sum(c >= 0.7 for _, c, _ in got):>11,}{sum(c >= 0.9 for _, c, _ in got):>11,}")
    if a.show:
        rng = random.Random(0)
        for t in targets:
            got = rows.get((t.id, False), [])
            print(f"\n{t.id}: {min(a.show, len(got))} of {len(got)} non-neutral statements in documents not about it")
            for label, conf, text in rng.sample(got, min(a.show, len(got))):
                print(f"  {label:<11} {conf:.2f}  {' '.join(text.split())[:140]}")


if __name__ == "__main__":
    main()
