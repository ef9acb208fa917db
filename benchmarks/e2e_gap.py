"""Where end-to-end stance loses against gold spans, on fixtures/train (issue #14).

    python benchmarks/e2e_gap.py [--repo R] [--rs 0] [-k 5] [--save PRED.json] [--load PRED.json] [--worst N]

Grouped K-fold cross-validation by document over fixtures/train, with the folds of
:func:`stancekit._train.cross_validated_probas` (``numpy.random.RandomState(rs)``). In each fold
the stance model is fitted on the other folds (:func:`stancekit._model.fit_model` with
``models/settings.json``, ``min_per_class=2``); each held-out document is then labelled four ways:

* ``gold``: the annotated spans with their annotated actor, kind and context (what
  ``stancekit evaluate`` reports as "gold spans");
* ``e2e``: :func:`stancekit.segment` of the article, matched to gold by
  :func:`stancekit._evaluate.match_statements` and scored as :func:`evaluate_model` does (an
  unmatched gold statement counts as ``neutral``, an unmatched predicted statement with a
  stance counts as a false stance);
* ``gold_bounds``: the annotated spans, but with the actor and kind of the predicted statement
  that overlaps each most (isolates actors and kinds);
* ``pred_bounds``: the predicted statements, but each matched one given its gold statement's
  actor and kind (isolates boundaries; unmatched statements keep their own).

Segmentation uses the shipped ``models/attribution.npz``, which was fitted on data that includes
fixtures/train: the predicted actors here are optimistic (better than on unseen articles).

Every (gold statement, target) pair that end to end labels differently from ``gold`` is put
under one cause, in this order: the gold statement is matched by no predicted one (boundaries);
it is matched, and the predicted statement gives the author's voice an actor, reads an actor as
the author's voice, or names another actor; same actor, another kind; same actor and kind, but
``gold_bounds`` already changes the label (the document's other statements' actors, read through
the document-level features); same actor and kind, another span; same span, actor and kind
(the context: the statements before it, or the document's extra statements such as a headline).
False stances on unmatched predicted statements are a cause of their own. Per cause the table
gives the pairs, how many were right on gold spans ("worse") or right end to end ("better"), and
the gain: the end-to-end F_avg with that cause's pairs given their gold-span label (false stances
dropped) minus the end-to-end F_avg. The gains add up to about the gap between the two.
The fold fits are slow (about 2-4 minutes each on a busy machine): ``--save`` writes the
predictions, ``--load`` reads them back for the analysis alone.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import replace


def _names(g: dict) -> set[str]:
    return {g["actor"].lower(), *(a.lower() for a in g["aliases"])} if g["actor"] else set()


def _same_actor(g: dict, p: dict) -> bool:
    if g["actor"] is None or p["actor"] is None:
        return g["actor"] is None and p["actor"] is None
    return p["actor"].lower() in _names(g)


def predict(repo: str, rs: int, k: int) -> dict:
    sys.path.insert(0, repo)
    import numpy as np
    from stancekit._data import LabelledSet, read_labelled
    from stancekit._evaluate import match_statements
    from stancekit._model import fit_model
    from stancekit._segment import segment
    from stancekit._train import _targets_for

    settings = json.load(open(os.path.join(repo, "models", "settings.json"), encoding="utf-8"))
    data, _ = read_labelled([os.path.join(repo, "fixtures", "train")])

    class _A:
        targets = None
    targets = _targets_for(_A(), data)
    tids = [t.id for t in targets]
    key = (lambda s: s.doc_id or s.source)
    keys = sorted({key(s) for s in data.statements})
    order = list(np.random.RandomState(rs).permutation(len(keys)))
    fold_of = {keys[i]: n % k for n, i in enumerate(order)}
    by_doc: dict[str, list] = {}
    for s in data.statements:
        by_doc.setdefault(key(s), []).append(s)
    segs = {d: segment(data.documents[d], d) for d in by_doc if d in data.documents}
    print(f"segmented {len(segs)} documents", file=sys.stderr, flush=True)

    def labels(model, items) -> list[dict[str, str]]:
        return [{t: st.label for t, st in row.items()} for row in model.predict(items)] if items else []

    docs = []
    for f in range(k):
        tr = LabelledSet([s for s in data.statements if fold_of[key(s)] != f], {}, data.files)
        model = fit_model(tr, targets, settings, random_state=rs, min_per_class=2)
        for d in sorted(x for x in by_doc if fold_of[x] == f and x in segs):
            gold, pred = by_doc[d], segs[d]
            m = match_statements([(g.start, g.end) for g in gold], [(p.start, p.end) for p in pred])
            gin = [{"text": g.text, "context": g.context, "kind": g.kind, "actor": g.actor, "doc_id": g.doc_id,
                    "paragraph": g.paragraph} for g in gold]
            # gold_bounds: each gold span with the actor and kind of the predicted statement overlapping it most
            over = []
            for g in gold:
                best, bj = 0, None
                for j, p in enumerate(pred):
                    ov = min(g.end, p.end) - max(g.start, p.start)
                    if ov > best:
                        best, bj = ov, j
                over.append(bj)
            gb = [dict(x, actor=pred[j].actor, kind=pred[j].kind) if j is not None
                  else dict(x, actor=None, kind="narrative") for x, j in zip(gin, over)]
            inv = {j: gi for gi, j in m.items()}
            pb = [replace(p, actor=gold[inv[j]].actor, kind=gold[inv[j]].kind) if j in inv else p
                  for j, p in enumerate(pred)]
            docs.append({
                "doc_id": d, "fold": f,
                "gold": [{"start": g.start, "end": g.end, "actor": g.actor, "aliases": list(g.actor_aliases),
                          "kind": g.kind, "ambiguous": g.ambiguous,
                          "labels": {t: data.label_of(g, t) for t in tids}} for g in gold],
                "pred": [{"start": p.start, "end": p.end, "actor": p.actor, "kind": p.kind} for p in pred],
                "match": {str(gi): j for gi, j in m.items()}, "overlap": over,
                "y_gold": labels(model, gin), "y_e2e": labels(model, pred),
                "y_gold_bounds": labels(model, gb), "y_pred_bounds": labels(model, pb),
            })
        print(f"fold {f + 1} of {k} done", file=sys.stderr, flush=True)
    return {"rs": rs, "k": k, "targets": tids, "docs": docs}


def analyse(run: dict, worst: int = 0, texts: dict[str, str] | None = None) -> str:
    from stancekit._evaluate import f_avg

    tids = run["targets"]
    yt = {v: [] for v in ("gold", "e2e", "gold_bounds", "pred_bounds")}
    yp = {v: [] for v in yt}
    rows = []  # (cause, gold label, gold-span label, end-to-end label, case) of every pair the two label differently
    for doc in run["docs"]:
        gold, pred, m = doc["gold"], doc["pred"], {int(a): b for a, b in doc["match"].items()}
        matched = set(m.values())
        for gi, g in enumerate(gold):
            if g["ambiguous"]:
                continue
            j = m.get(gi)
            for t in tids:
                if g["labels"][t] is None:
                    continue
                lab = g["labels"][t]
                a = doc["y_gold"][gi][t]
                e = doc["y_e2e"][j][t] if j is not None else "neutral"
                c = doc["y_gold_bounds"][gi][t]
                pb = doc["y_pred_bounds"][j][t] if j is not None else "neutral"
                for v, y in (("gold", a), ("e2e", e), ("gold_bounds", c), ("pred_bounds", pb)):
                    yt[v].append(lab)
                    yp[v].append(y)
                if a == e:
                    continue
                p = pred[j] if j is not None else None
                if p is None:
                    why = UNMATCHED
                    o = doc["overlap"][gi]  # shown: the predicted statement that overlaps it most
                    p = pred[o] if o is not None else None
                elif not _same_actor(g, p):
                    why = ACTOR_NEW if g["actor"] is None else ACTOR_LOST if p["actor"] is None else ACTOR
                elif p["kind"] != g["kind"]:
                    why = KIND
                elif c != a:
                    why = DOC
                elif (p["start"], p["end"]) != (g["start"], g["end"]):
                    why = SPAN
                else:
                    why = CONTEXT
                rows.append((why, lab, a, e, (doc["doc_id"], g, p, t)))
        for j, p in enumerate(pred):
            if j in matched:
                continue
            for t in tids:
                e = doc["y_e2e"][j][t]
                if e != "neutral":
                    yt["e2e"].append("neutral")
                    yp["e2e"].append(e)
                    rows.append((SPURIOUS, "neutral", None, e, (doc["doc_id"], None, p, t)))
                e = doc["y_pred_bounds"][j][t]
                if e != "neutral":
                    yt["pred_bounds"].append("neutral")
                    yp["pred_bounds"].append(e)
    base = f_avg(yt["e2e"], yp["e2e"])
    lines = [f"RS{run['rs']} {run['k']}-fold CV by document on fixtures/train ({len(run['docs'])} documents)",
             f"{'labelling':<52}{'pairs':>7}{'F_avg':>8}"]
    desc = {"gold": "gold spans (gold actors, kinds)", "gold_bounds": "gold spans, predicted actors and kinds",
            "pred_bounds": "predicted spans, gold actors and kinds if matched", "e2e": "end to end"}
    for v in ("gold", "gold_bounds", "pred_bounds", "e2e"):
        lines.append(f"{desc[v]:<52}{len(yt[v]):>7}{f_avg(yt[v], yp[v]):>8.4f}")
    lines.append("")
    lines.append("pairs labelled differently end to end than on gold spans, by cause; gain = end-to-end F_avg")
    lines.append("with that cause's pairs given their gold-span label (false stances dropped) minus "
                 f"{base:.4f}")
    lines.append(f"{'cause':<58}{'pairs':>6}{'worse':>6}{'better':>7}{'gain':>8}")
    for why in CAUSES:
        rs = [r for r in rows if r[0] == why]
        if why == SPURIOUS:
            worse, better = len(rs), 0
        else:
            worse = sum(1 for r in rs if r[2] == r[1])
            better = sum(1 for r in rs if r[3] == r[1])
        gain = _gain(rows, why, yt["e2e"], yp["e2e"]) - base
        lines.append(f"{why:<58}{len(rs):>6}{worse:>6}{better:>7}{gain:>+8.4f}")
    if worst and texts is not None:
        costly = [r for r in rows if r[2] == r[1] or r[0] == SPURIOUS]
        costly.sort(key=lambda r: (r[1] == "neutral", CAUSES.index(r[0])))
        lines.append(f"costliest cases (first {worst} of {len(costly)}: stance labels lost first)")
        for why, lab, a, e, (d, g, p, t) in costly[:worst]:
            tx = texts[d]
            gs = f"gold [{g['start']}:{g['end']}] {g['kind']}/{g['actor']}: {tx[g['start']:g['end']]!r}" if g else ""
            ps = f"pred [{p['start']}:{p['end']}] {p['kind']}/{p['actor']}: {tx[p['start']:p['end']]!r}" if p else ""
            lines.append(f"- {why} | {d} | {t}: gold {lab}, gold spans {a}, end to end {e}\n    {gs}\n    {ps}")
    return "\n".join(lines)


UNMATCHED = "gold statement matched by no predicted one (boundaries)"
ACTOR_NEW = "matched, author's voice given an actor"
ACTOR_LOST = "matched, actor read as the author's voice"
ACTOR = "matched, another actor than gold's"
KIND = "matched, same actor, kind differs"
DOC = "matched, same actor and kind; other statements' actors"
SPAN = "matched, same actor and kind; span differs"
CONTEXT = "matched, same actor, kind and span; context"
SPURIOUS = "false stance on an unmatched predicted statement"
CAUSES = (UNMATCHED, ACTOR_NEW, ACTOR_LOST, ACTOR, KIND, DOC, SPAN, CONTEXT, SPURIOUS)


def _gain(rows: list, why: str, yt: list[str], yp: list[str]) -> float:
    """End-to-end F_avg (``yt``, ``yp``) with the pairs of cause ``why`` labelled as on gold spans
    (false stances dropped). F_avg reads only the counts of (true, predicted) pairs, so any pair
    of the same two labels stands for the one in ``rows``."""
    from stancekit._evaluate import f_avg

    t2, p2 = list(yt), list(yp)
    for r in rows:
        if r[0] != why:
            continue
        lab, a, e = r[1], r[2], r[3]
        k = next(i for i, (x, y) in enumerate(zip(t2, p2)) if x == lab and y == e)
        if why == SPURIOUS:
            del t2[k], p2[k]
        else:
            p2[k] = a
    return f_avg(t2, p2)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repo", default=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    ap.add_argument("--rs", type=int, default=0)
    ap.add_argument("-k", type=int, default=5)
    ap.add_argument("--save")
    ap.add_argument("--load")
    ap.add_argument("--worst", type=int, default=0, help="print this many of the costliest cases")
    a = ap.parse_args()
    if a.load:
        run = json.load(open(a.load, encoding="utf-8"))
        sys.path.insert(0, a.repo)
    else:
        run = predict(a.repo, a.rs, a.k)
        if a.save:
            with open(a.save, "w", encoding="utf-8") as f:
                json.dump(run, f)
    texts = None
    if a.worst:
        from stancekit._data import read_document
        texts = {d["doc_id"]: read_document(os.path.join(a.repo, "fixtures", "train", d["doc_id"] + ".txt"))
                 for d in run["docs"]}
    print(analyse(run, a.worst, texts))


if __name__ == "__main__":
    main()
