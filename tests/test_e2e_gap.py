"""benchmarks/e2e_gap.py: the causes of the end-to-end loss, on a made-up run (no fit, no segmenter)."""

from __future__ import annotations

import pytest

from .conftest import load_benchmark

e2e = load_benchmark("e2e_gap")


def _g(start, end, actor, kind, treaty, aliases=()):
    return {"start": start, "end": end, "actor": actor, "aliases": list(aliases), "kind": kind,
            "ambiguous": False, "labels": {"treaty": treaty}}


def _p(start, end, actor, kind):
    return {"start": start, "end": end, "actor": actor, "kind": kind}


def _run(y_e2e_2="neutral"):
    """One document: gold 0 unmatched (a stance lost), gold 1 matched with another actor (label
    flips), gold 2 matched exactly (label kept or changed by ``y_e2e_2``), one extra predicted
    statement with a false stance."""
    gold = [_g(0, 10, None, "narrative", "supporting"), _g(11, 20, "Ana Ruiz", "indirect", "questioning"),
            _g(21, 30, "Tom Berg", "direct", "neutral", aliases=("Berg",))]
    pred = [_p(0, 3, None, "narrative"), _p(11, 20, None, "narrative"), _p(21, 30, "Berg", "direct"),
            _p(31, 40, None, "narrative")]
    lab = lambda *xs: [{"treaty": x} for x in xs]
    return {"rs": 0, "k": 5, "targets": ["treaty"], "docs": [{
        "doc_id": "d", "fold": 0, "gold": gold, "pred": pred, "match": {"1": 1, "2": 2}, "overlap": [0, 1, 2],
        "y_gold": lab("supporting", "questioning", "neutral"),
        "y_e2e": lab("neutral", "supporting", y_e2e_2, "questioning"),
        "y_gold_bounds": lab("supporting", "supporting", "neutral"),
        "y_pred_bounds": lab("neutral", "questioning", "neutral", "questioning"),
    }]}


def _row(out: str, cause: str) -> list[str]:
    line = next(x for x in out.splitlines() if x.startswith(cause))
    return line[len(cause):].split()


@pytest.mark.parametrize("y2,cause", [
    ("neutral", None),  # same label on the exact span: no loss there
    ("questioning", e2e.CONTEXT),  # same span, actor (an alias) and kind, gold_bounds unchanged: the context
])
def test_causes_of_a_made_up_run(y2, cause):
    out = e2e.analyse(_run(y2))
    assert _row(out, e2e.UNMATCHED)[:3] == ["1", "1", "0"]  # the lost stance, right on gold spans
    assert _row(out, e2e.ACTOR_LOST)[:3] == ["1", "1", "0"]
    assert _row(out, e2e.SPURIOUS)[:3] == ["1", "1", "0"]
    assert _row(out, e2e.ACTOR_NEW)[0] == _row(out, e2e.ACTOR)[0] == _row(out, e2e.DOC)[0] == "0"
    assert _row(out, e2e.CONTEXT)[0] == ("1" if cause else "0")
    # gold spans: all three right (F_avg 1); end to end: 1 of 4 pairs right at most
    assert _row(out, "gold spans (gold actors, kinds)")[:2] == ["3", "1.0000"]
    assert _row(out, "end to end")[0] == "4"
    # end to end gets no stance right (F_avg 0); the lost stance back gives supporting F1 2/3
    # (one false supporting remains), the actor's stance back questioning F1 2/3 or 1/2; dropping the
    # false stance alone leaves no stance right
    assert _row(out, e2e.UNMATCHED)[3] == "+0.3333"
    assert _row(out, e2e.ACTOR_LOST)[3] == ("+0.2500" if cause else "+0.3333")
    assert _row(out, e2e.SPURIOUS)[3] == "+0.0000"
