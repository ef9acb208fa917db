"""Scoring as SPEC section 7 fixes it: stance F_avg, per-label figures, attribution accuracy."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field


from ._data import LabelledSet
from ._targets import LABELS

__all__ = ["f_avg", "label_report", "match_statements", "EvalResult", "evaluate_model", "format_result"]


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def label_report(y_true: Sequence[str], y_pred: Sequence[str]) -> dict[str, dict[str, float]]:
    """Precision, recall, F1 and support per label."""
    out = {}
    for lab in LABELS:
        tp = sum(1 for t, p in zip(y_true, y_pred) if t == lab and p == lab)
        fp = sum(1 for t, p in zip(y_true, y_pred) if t != lab and p == lab)
        fn = sum(1 for t, p in zip(y_true, y_pred) if t == lab and p != lab)
        p, r, f = _prf(tp, fp, fn)
        out[lab] = {"precision": p, "recall": r, "f1": f, "support": tp + fn}
    return out


def f_avg(y_true: Sequence[str], y_pred: Sequence[str]) -> float:
    """(F1(supporting) + F1(questioning)) / 2 over pooled (statement, target) pairs."""
    rep = label_report(y_true, y_pred)
    return (rep["supporting"]["f1"] + rep["questioning"]["f1"]) / 2


def confusion(y_true: Sequence[str], y_pred: Sequence[str]) -> list[list[int]]:
    """Rows: true label; columns: predicted label; both in ``LABELS`` order."""
    m = [[0] * len(LABELS) for _ in LABELS]
    for t, p in zip(y_true, y_pred):
        m[LABELS.index(t)][LABELS.index(p)] += 1
    return m


def match_statements(gold: Sequence[tuple[int, int]], pred: Sequence[tuple[int, int]]) -> dict[int, int]:
    """SPEC 7 matching: gold index -> predicted index (largest overlap, >= half the gold span, each once)."""
    pairs = []
    j0 = 0
    for gi, (gs, ge) in enumerate(gold):
        while j0 < len(pred) and pred[j0][1] <= gs:
            j0 += 1
        j = j0
        while j < len(pred) and pred[j][0] < ge:
            ov = min(ge, pred[j][1]) - max(gs, pred[j][0])
            if ov > 0 and ov * 2 >= (ge - gs):
                pairs.append((ov, gi, j))
            j += 1
    pairs.sort(key=lambda x: (-x[0], x[1], x[2]))
    used_g, used_p, out = set(), set(), {}
    for _ov, gi, j in pairs:
        if gi in used_g or j in used_p:
            continue
        used_g.add(gi)
        used_p.add(j)
        out[gi] = j
    return out


@dataclass
class EvalResult:
    """Figures of one evaluation; ``per_target`` maps target id to a label report."""

    pairs: int
    f_avg: float
    per_target: dict[str, dict[str, object]] = field(default_factory=dict)
    report: dict[str, dict[str, float]] = field(default_factory=dict)
    confusion: list[list[int]] = field(default_factory=list)
    attribution: dict[str, float | int] | None = None
    mode: str = "gold spans"
    by_voice: dict[str, dict[str, object]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, object]:
        return {"mode": self.mode, "pairs": self.pairs, "f_avg": round(self.f_avg, 4),
                "per_target": self.per_target, "report": self.report, "confusion": self.confusion,
                "attribution": self.attribution, "by_voice": self.by_voice}


AUTHOR, ATTRIBUTED = "author's voice", "attributed"


def _voice_rows(pairs: list[tuple[str, str, str]]) -> dict[str, dict[str, object]]:
    """F_avg and per-label figures of (voice, true, predicted) triples, per voice: the article's
    own voice (annotated actor null) apart from statements attributed to an actor."""
    out = {}
    for voice in (AUTHOR, ATTRIBUTED):
        yt = [t for v, t, _p in pairs if v == voice]
        yp = [p for v, _t, p in pairs if v == voice]
        rep = label_report(yt, yp)
        out[voice] = {"pairs": len(yt), "f_avg": round(f_avg(yt, yp), 4),
                      "labels": {k: {m: round(v, 4) for m, v in d.items()} for k, d in rep.items()}}
    return out


def _summarise(y_true_by_t: dict[str, list[str]], y_pred_by_t: dict[str, list[str]], mode: str) -> EvalResult:
    yt = [x for t in y_true_by_t for x in y_true_by_t[t]]
    yp = [x for t in y_true_by_t for x in y_pred_by_t[t]]
    per_t = {}
    for t in y_true_by_t:
        rep = label_report(y_true_by_t[t], y_pred_by_t[t])
        per_t[t] = {"f_avg": round(f_avg(y_true_by_t[t], y_pred_by_t[t]), 4),
                    "labels": {k: {m: round(v, 4) for m, v in d.items()} for k, d in rep.items()},
                    "confusion": confusion(y_true_by_t[t], y_pred_by_t[t])}
    rep = label_report(yt, yp)
    return EvalResult(len(yt), f_avg(yt, yp), per_t,
                      {k: {m: round(v, 4) for m, v in d.items()} for k, d in rep.items()}, confusion(yt, yp), mode=mode)


def evaluate_model(model, data: LabelledSet, *, end_to_end: bool = True) -> list[EvalResult]:
    """Evaluate ``model`` on ``data``: on the gold spans, and (for SPEC folders) end to end.

    Ambiguous statements are left out of the stance figures (SPEC 6).
    """
    from ._segment import segment  # local: avoid a cycle at import time

    targets = [t for t in model.target_ids if any(data.label_of(s, t) is not None for s in data.statements)]
    results = []
    # 1. On the annotated spans themselves (the classifier alone).
    # Every statement is labelled (its document's other statements are its context); ambiguous
    # ones are then left out.
    inputs = [{"text": s.text, "context": s.context, "kind": s.kind, "actor": s.actor, "doc_id": s.doc_id,
               "paragraph": s.paragraph} for s in data.statements]
    labelled = model.predict(inputs) if inputs else []
    sts = [s for s in data.statements if not s.ambiguous]
    preds = [p for s, p in zip(data.statements, labelled) if not s.ambiguous]
    yt: dict[str, list[str]] = {t: [] for t in targets}
    yp: dict[str, list[str]] = {t: [] for t in targets}
    voices: list[tuple[str, str, str]] = []
    for s, p in zip(sts, preds):
        for t in targets:
            lab = data.label_of(s, t)
            if lab is not None:
                yt[t].append(lab)
                yp[t].append(p[t].label)
                voices.append((AUTHOR if s.actor is None else ATTRIBUTED, lab, p[t].label))
    results.append(_summarise(yt, yp, "gold spans"))
    results[-1].by_voice = _voice_rows(voices)
    # 2. End to end: segment each document, predict, match (SPEC 7).
    if end_to_end and data.documents:
        yt = {t: [] for t in targets}
        yp = {t: [] for t in targets}
        att = Counter()
        voices = []
        by_doc: dict[str, list] = {}
        for s in data.statements:
            if s.doc_id in data.documents:
                by_doc.setdefault(s.doc_id, []).append(s)
        for doc_id, gold in by_doc.items():
            pred_sts = segment(data.documents[doc_id], doc_id)
            pred_lab = model.predict(pred_sts) if pred_sts else []
            m = match_statements([(g.start, g.end) for g in gold], [(p.start, p.end) for p in pred_sts])
            matched_pred = set(m.values())
            for gi, g in enumerate(gold):
                j = m.get(gi)
                # attribution
                if g.actor is None:
                    att["null_total"] += 1
                    if j is not None and pred_sts[j].actor is None:
                        att["null_ok"] += 1
                else:
                    att["actor_total"] += 1
                    names = {g.actor.lower(), *(a.lower() for a in g.actor_aliases)}
                    if j is not None and pred_sts[j].actor and pred_sts[j].actor.lower() in names:
                        att["actor_ok"] += 1
                if g.ambiguous:
                    continue
                for t in targets:
                    yt[t].append(data.label_of(g, t) or "neutral")
                    yp[t].append(pred_lab[j][t].label if j is not None else "neutral")
                    voices.append((AUTHOR if g.actor is None else ATTRIBUTED, yt[t][-1], yp[t][-1]))
            for j, p in enumerate(pred_lab):
                if j in matched_pred:
                    continue
                for t in targets:
                    if p[t].label != "neutral":
                        yt[t].append("neutral")
                        yp[t].append(p[t].label)
                        voices.append((AUTHOR if pred_sts[j].actor is None else ATTRIBUTED, "neutral", p[t].label))
        res = _summarise(yt, yp, "end to end")
        res.by_voice = _voice_rows(voices)
        res.attribution = {
            "actor_accuracy": round(att["actor_ok"] / att["actor_total"], 4) if att["actor_total"] else None,
            "actor_statements": att["actor_total"],
            "null_accuracy": round(att["null_ok"] / att["null_total"], 4) if att["null_total"] else None,
            "null_statements": att["null_total"],
            "overall_accuracy": round((att["actor_ok"] + att["null_ok"]) / max(1, att["actor_total"] + att["null_total"]), 4),
        }
        results.append(res)
    return results


def format_result(res: EvalResult) -> str:
    """A plain-text table of one evaluation."""
    lines = [f"== {res.mode}: {res.pairs} (statement, target) pairs, pooled F_avg = {res.f_avg:.4f}"]
    lines.append(f"{'target':<14}{'label':<13}{'precision':>10}{'recall':>8}{'f1':>8}{'support':>9}")
    for t, d in res.per_target.items():
        for lab in LABELS:
            r = d["labels"][lab]
            lines.append(f"{t:<14}{lab:<13}{r['precision']:>10.3f}{r['recall']:>8.3f}{r['f1']:>8.3f}{int(r['support']):>9}")
        lines.append(f"{t:<14}{'F_avg':<13}{d['f_avg']:>42.4f}")
    for voice, d in res.by_voice.items():
        lab = d["labels"]
        lines.append(f"{voice:<27}{'F_avg':<6}{d['f_avg']:>8.4f}  over {d['pairs']} pairs (supporting F1 "
                     f"{lab['supporting']['f1']:.3f}, questioning F1 {lab['questioning']['f1']:.3f})")
    lines.append("confusion (rows true, columns predicted: " + ", ".join(LABELS) + ")")
    for lab, row in zip(LABELS, res.confusion):
        lines.append(f"  {lab:<12}" + "".join(f"{v:>8}" for v in row))
    if res.attribution:
        a = res.attribution
        lines.append(f"attribution: actor {a['actor_accuracy']} over {a['actor_statements']} statements; "
                     f"null {a['null_accuracy']} over {a['null_statements']}; overall {a['overall_accuracy']}")
    return "\n".join(lines)
