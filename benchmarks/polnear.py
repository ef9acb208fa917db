"""PolNeAR attribution benchmark: stancekit's statements against gold Source / Cue / Content.

Usage::

    python benchmarks/polnear.py [--data ../shared/benchmarks/polnear/train.tar.gz]
                                 [--limit N] [--jobs N] [--folds 5] [--systems rules,model]
                                 [--out-json FILE]

The archive is read in place (nothing is unpacked into the repository): one annotation file
per article, the first in sorted order (as its README says). Articles are sorted by id and
article ``i`` goes to fold ``i % folds``. The measure is issue #13's, implemented in
:mod:`stancekit.attribution._score` (content recall, precision, speaker accuracy and
attribution F1). Systems:

- ``rules``: :func:`stancekit.segment` with ``attribution=None`` (no training, so the
  per-fold figures are the rules' figures on each fold);
- ``model``: for each fold, :func:`stancekit.attribution.train.fit` on the other folds
  (PolNeAR only: the fixtures are left out so that the figure is PolNeAR's own), then
  ``segment(text, attribution=model)`` on the held-out fold: the rules first, the learned
  model where the rules name no speaker; at the model's default thresholds, and at
  :data:`~stancekit.attribution.train.RECALL_THRESHOLDS` (PolNeAR's broad notion of an
  attribution).

Prints one table per system: every fold, then the pooled figures (counts summed over folds).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from stancekit import segment  # noqa: E402
from stancekit.attribution._corpus import AttributedDoc, read_polnear_tar  # noqa: E402
from stancekit.attribution._score import Counts, count_doc, pooled  # noqa: E402

DEFAULT_DATA = HERE.parent.parent / "shared" / "benchmarks" / "polnear" / "train.tar.gz"
T = TypeVar("T")

_MODEL = None  # the model of the fold being scored, inherited by forked workers


def segment_doc(doc: AttributedDoc) -> list:
    """:func:`segment` of one article with the model being scored (None: the rules alone)."""
    return segment(doc.text, doc.doc_id, attribution=_MODEL)


def _score_one(doc: AttributedDoc) -> Counts:
    return count_doc(doc, segment_doc(doc))


def map_docs(fn: Callable[[AttributedDoc], T], docs: list[AttributedDoc], model=None, jobs: int = 1) -> list[T]:
    """``fn(doc)`` for each of ``docs`` in order, with ``model`` the one :func:`segment_doc` uses;
    ``jobs`` > 1: in that many forked worker processes (``fn`` must be a module-level function)."""
    global _MODEL
    _MODEL = model
    try:
        if jobs <= 1:
            return [fn(d) for d in docs]
        with mp.get_context("fork").Pool(jobs) as pool:
            return pool.map(fn, docs, chunksize=8)
    finally:
        _MODEL = None


def score_docs(docs: list[AttributedDoc], model=None, jobs: int = 1) -> list[Counts]:
    """Per-document counts of :func:`segment` (with ``model`` when given)."""
    return map_docs(_score_one, docs, model, jobs)


def folds_of(docs: list[AttributedDoc], k: int) -> list[int]:
    """Fold of each document: sorted by id, ``i % k``."""
    order = sorted(range(len(docs)), key=lambda i: docs[i].doc_id)
    fold = [0] * len(docs)
    for rank, i in enumerate(order):
        fold[i] = rank % k
    return fold


def table(name: str, per_fold: list[Counts]) -> str:
    lines = [f"{name}", "| fold | gold | predicted | content recall | precision | speaker accuracy | attribution F1 |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    rows = [(str(i + 1), c) for i, c in enumerate(per_fold)] + [("pooled", pooled(per_fold))]
    for label, c in rows:
        lines.append(f"| {label} | {c.gold} | {c.predicted} | {c.recall:.3f} | {c.precision:.3f} | "
                     f"{c.speaker_accuracy:.3f} | {c.f1:.3f} |")
    return "\n".join(lines)


def fixture_attribution(folder: str | Path, model=None) -> dict[str, float | int]:
    """SPEC section 7 attribution accuracy of ``segment`` (with ``model`` when given) on a labelled
    folder: the figure ``stancekit evaluate`` prints, without the stance model."""
    from stancekit._data import read_labelled
    from stancekit._evaluate import match_statements

    data, _ = read_labelled([Path(folder)])
    ok = total = 0
    by_doc: dict[str, list] = {}
    for st in data.statements:
        by_doc.setdefault(st.doc_id, []).append(st)
    for doc_id, gold in sorted(by_doc.items()):
        text = data.documents.get(doc_id)
        if text is None:
            continue
        pred = segment(text, doc_id, attribution=model)
        m = match_statements([(g.start, g.end) for g in gold], [(p.start, p.end) for p in pred])
        for gi, g in enumerate(gold):
            j = m.get(gi)
            total += 1
            got = pred[j].actor if j is not None else None
            if g.actor is None:
                ok += j is not None and got is None
            else:
                ok += bool(got) and got.lower() in {g.actor.lower(), *(a.lower() for a in g.actor_aliases)}
    return {"statements": total, "correct": ok, "accuracy": round(ok / total, 4) if total else 0.0}


def seed_actors(model=None) -> tuple[int, int] | None:
    """Seed article: statements whose actor equals the golden file's (None without ../shared)."""
    root = HERE.parent
    text_path = root.parent / "shared" / "seed" / "000_9c81a39b0ce1faa2.txt"
    if not text_path.is_file():
        return None
    text = text_path.read_text(encoding="utf-8")
    gold = [json.loads(x) for x in (root / "fixtures" / "seed" / "annotations.jsonl").read_text().splitlines() if x]
    got = segment(text, "000_9c81a39b0ce1faa2", attribution=model)
    return sum(1 for g, s in zip(gold, got) if s.actor == g["actor"]), len(gold)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=str(DEFAULT_DATA), help="PolNeAR's train.tar.gz")
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles (sorted by id)")
    ap.add_argument("--jobs", type=int, default=1, help="worker processes for segmentation")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--systems", default="rules,model", help="comma-separated: rules, model")
    ap.add_argument("--out-json", default=None)
    ap.add_argument("--model", default=None, help="with --fixtures: an attribution model file (.npz)")
    ap.add_argument("--fixtures", nargs="*", default=None,
                    help="instead of PolNeAR: attribution accuracy on these labelled folders and the seed "
                         "article, rules alone and with --model")
    args = ap.parse_args(argv)
    if args.fixtures is not None:
        from stancekit.attribution import load_attribution_model
        model = load_attribution_model(args.model, missing_ok=False) if args.model else None
        for system, m in (("rules", None), ("rules+model", model)) if model else (("rules", None),):
            for folder in args.fixtures:
                print(system, folder, fixture_attribution(folder, m))
            print(system, "seed actors right", seed_actors(m))
        return 0
    if not Path(args.data).is_file():
        print(f"{args.data}: not found (PolNeAR's train.tar.gz)", file=sys.stderr)
        return 2
    docs = sorted(read_polnear_tar(args.data), key=lambda d: d.doc_id)
    if args.limit:
        docs = docs[: args.limit]
    fold = folds_of(docs, args.folds)
    print(f"{len(docs)} articles, {sum(len(d.attributions) for d in docs)} gold attributions, "
          f"{sum(len(d.text) for d in docs) / 1e6:.2f} M characters; {args.folds} folds")
    out: dict[str, object] = {}
    for system in args.systems.split(","):
        t0 = time.perf_counter()
        per_fold: list[Counts] = []
        if system == "rules":
            counts = score_docs(docs, None, args.jobs)
            per_fold = [pooled(c for c, f in zip(counts, fold) if f == k) for k in range(args.folds)]
        elif system == "model":
            from stancekit.attribution.train import RECALL_THRESHOLDS, fit
            points = {"rules+model": None, "rules+model, PolNeAR's broad attributions": RECALL_THRESHOLDS}
            folds_by_point: dict[str, list[Counts]] = {p: [] for p in points}
            for k in range(args.folds):
                train = [d for d, f in zip(docs, fold) if f != k]
                test = [d for d, f in zip(docs, fold) if f == k]
                model = fit(train)
                for point, thr in points.items():
                    m = model.with_thresholds(*thr) if thr else model
                    folds_by_point[point].append(pooled(score_docs(test, m, args.jobs)))
                print(f"fold {k + 1}: trained and scored ({time.perf_counter() - t0:.0f} s)", flush=True)
            for point, per_fold in folds_by_point.items():
                print()
                print(table(point, per_fold))
                out[point] = {"folds": [c.row() for c in per_fold], "pooled": pooled(per_fold).row()}
            continue
        else:
            ap.error(f"--systems: {system!r} is not one of: 'rules', 'model'")
        print()
        print(table(f"{system} ({time.perf_counter() - t0:.1f} s)", per_fold))
        out[system] = {"folds": [c.row() for c in per_fold], "pooled": pooled(per_fold).row()}
    if args.out_json:
        Path(args.out_json).write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
