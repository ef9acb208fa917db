"""Issue #13 (segmentation stays linear): the work a document of many names costs, counted, not timed."""

from __future__ import annotations

import gc

import pytest

import stancekit.attribution._coref as coref
from stancekit import segment

from .conftest import check_offsets, made_up_word


def _names(fmt: str, n: int) -> str:
    return "".join(fmt.format(w=made_up_word(i), v=made_up_word(i + 7919)) for i in range(n))


# The memo of names (one result per distinct run of capitalised words, kept from one document to
# the next) held an empty frozenset of descriptors in every result, so that a document of many
# distinct names without titles left two containers per name for the garbage collector to
# traverse at every full collection: about 420,000 of them for 5 MB of names, 0.30 s of its
# 1.9 s. A result without descriptors now holds only strings (untracked at its first collection).
# A name after a title keeps its frozenset: that row shows the count can see a tracked result.
@pytest.mark.parametrize("fmt, titled", [
    ("Anna {w} {v} and ", False),  # names in one long sentence
    ("Ivo {w} {v} said the pier was old. ", False),  # many distinct names, a sentence each
    ("Mara {w}-{v} and Tom {v} met. ", False),
    ("Ambassador Ivo {w} met the crews. ", True),
])
def test_name_memo_keeps_no_tracked_container_per_untitled_name(monkeypatch, fmt, titled):
    monkeypatch.setattr(coref, "_LEX_MEMOS", {})
    text = _names(fmt, 400) + "Keller said so."
    check_offsets(text, segment(text, max_length=len(text) + 1))
    gc.collect()
    gc.collect()  # (a tuple is untracked once the tuples it holds are)
    memo = next(m for (_, kind), (_, m) in coref._LEX_MEMOS.items() if kind == "names")
    found = [v for v in memo.values() if v is not None]
    assert len(found) >= 300
    tracked = sum(gc.is_tracked(v) for v in found)
    assert tracked == (len(found) if titled else 0), f"{tracked:,} of {len(found):,} results tracked"
