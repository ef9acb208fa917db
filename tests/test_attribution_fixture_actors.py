"""Issue #14 end to end / #13 guards, tenth round (session 15): actors that segment() gave our
fixtures' statements wrongly, fixed as general rules (SPEC section 4). Sentences written fresh for
these tests."""

from __future__ import annotations

import pytest

from stancekit import segment

from .conftest import check_offsets, check_offsets_rules_and_model


# A verb of habit ("likes to"), "went on to" or "took care to" before a speech verb: the subject of
# the habit speaks. Not inside an earlier speaker's content, nor in an aside in parentheses.
@pytest.mark.parametrize("text, actor", [
    ("The Harbour Board likes to say that the pier is the safest on the coast.", "Harbour Board"),
    ("Mayor Ana Ruiz loves to remind reporters that the toll has not risen in ten years.", "Ana Ruiz"),
    ("Tom Berg went on to say that the ferry would keep its old timetable.", "Tom Berg"),
    ("Port Chief Ivo Marten took care to add that no jobs would be lost.", "Ivo Marten"),
    ("The Harbour Union regrets that some councillors like to claim the toll is fair.", "Harbour Union"),
    ("The toll is too high (as the mayor likes to remind us), and the pier is old.", None),
])
def test_a_habit_before_a_speech_verb_names_its_subject(text, actor):
    got = segment(text, attribution=None)
    check_offsets(text, got)
    assert [s.actor for s in got] == [actor]


@pytest.mark.parametrize("text", [
    "The board likes to" + " say to" * 500 + " say.",
    "(" * 300 + "He went on to add" + " that" * 300,
    "took care to " * 400 + "add.",
])
def test_habit_rule_on_pathological_sentences(shipped_attribution, text):
    check_offsets_rules_and_model(text, shipped_attribution)
