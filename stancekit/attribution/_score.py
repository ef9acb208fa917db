"""The attribution measure of issue #13, on gold Source / Cue / Content spans.

A gold attribution is *found* when predicted statements with a non-null actor cover at least
half of its Content characters. Its *speaker is right* when the covering statement with the
most overlap has an ``actor_mention`` equal to the gold Source text (case and punctuation
aside), or contains the Source's last word among the words of its ``actor`` or
``actor_mention``. A predicted statement with an actor that overlaps no gold Source, Cue or
Content span is a *false attribution*.

Figures: content recall (found / gold), precision (predicted statements with an actor that
are not false / all predicted statements with an actor), speaker accuracy (right / found,
over found attributions that have a Source) and attribution F1, the harmonic mean of
precision and the recall of attributions found with the right speaker. An attribution
without a Source counts as right once found (there is no speaker to check).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields

from ._corpus import AttributedDoc

__all__ = ["Counts", "count_doc", "normalise", "pooled"]

_NON_WORD = re.compile(r"[\W_]+")


def normalise(s: str | None) -> str:
    """Lowercase words joined by single spaces, punctuation dropped."""
    return " ".join(_NON_WORD.sub(" ", (s or "").lower()).split())


@dataclass
class Counts:
    """Counts that pool over documents and folds."""

    gold: int = 0
    found: int = 0
    with_source: int = 0  # found attributions that have a gold Source
    speaker_right: int = 0  # of those, with the right speaker
    right: int = 0  # found with the right speaker (an attribution without a Source counts when found)
    predicted: int = 0  # predicted statements with an actor
    false: int = 0  # of those, overlapping no gold span

    def __iadd__(self, other: "Counts") -> "Counts":
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))
        return self

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def precision(self) -> float:
        return (self.predicted - self.false) / self.predicted if self.predicted else 0.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_right / self.with_source if self.with_source else 0.0

    @property
    def f1(self) -> float:
        r = self.right / self.gold if self.gold else 0.0
        p = self.precision
        return 2 * p * r / (p + r) if p + r else 0.0

    def row(self) -> dict[str, float | int]:
        return {"gold": self.gold, "predicted": self.predicted, "recall": self.recall,
                "precision": self.precision, "speaker_accuracy": self.speaker_accuracy, "f1": self.f1}


def _overlap(a: int, b: int, c: int, d: int) -> int:
    return max(0, min(b, d) - max(a, c))


def count_doc(doc: AttributedDoc, statements: Sequence[object]) -> Counts:
    """Score one document's predicted statements (objects with ``start``, ``end``, ``actor`` and
    ``actor_mention``, in document order, not overlapping) against its gold attributions."""
    text = doc.text
    preds = [s for s in statements if getattr(s, "actor", None)]
    starts = [s.start for s in preds]
    c = Counts(gold=len(doc.attributions), predicted=len(preds))
    gold_spans: list[tuple[int, int]] = []
    for att in doc.attributions:
        gold_spans.extend(att.source + att.cue + att.content)
        total = sum(e - s for s, e in att.content)
        if not total:
            continue
        cover: dict[int, int] = {}
        for cs, ce in att.content:
            k = max(0, bisect.bisect_right(starts, cs) - 1)
            while k < len(preds) and preds[k].start < ce:
                ov = _overlap(cs, ce, preds[k].start, preds[k].end)
                if ov:
                    cover[k] = cover.get(k, 0) + ov
                k += 1
        if 2 * sum(cover.values()) < total:
            continue
        c.found += 1
        if not att.source:
            c.right += 1
            continue
        c.with_source += 1
        best = preds[min(cover, key=lambda k: (-cover[k], k))]
        source = " ".join(text[s:e] for s, e in att.source)
        gold = normalise(source)
        last = gold.split()[-1] if gold else ""
        mention = normalise(best.actor_mention)
        if (gold and mention == gold) or (last and (last in mention.split() or last in normalise(best.actor).split())):
            c.speaker_right += 1
            c.right += 1
    gold_spans.sort()
    gstarts = [s for s, _ in gold_spans]
    max_len = max((e - s for s, e in gold_spans), default=0)
    for p in preds:
        # spans starting before p.end and ending after p.start
        k = bisect.bisect_left(gstarts, p.end)
        lo = bisect.bisect_left(gstarts, p.start - max_len)
        if not any(gold_spans[j][1] > p.start for j in range(lo, k)):
            c.false += 1
    return c


def pooled(counts: Iterable[Counts]) -> Counts:
    total = Counts()
    for c in counts:
        total += c
    return total
