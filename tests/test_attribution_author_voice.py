"""Issue #13 guards / #14 end to end, fourteenth round (session 19): sentences in the article's own
voice that segment() gave an actor (SPEC section 4; annotation guide, adjudicated case 12).
Sentences written fresh for these tests."""

from __future__ import annotations

import pytest

from .conftest import check_offsets_rules_and_model, checked_segment


# A speech verb that closes a comparison with its subject after "than": a quantifier with a place
# ("than many in Velden expected"), a part of a group ("than some of its critics allow"), a subject
# the rules find no noun phrase for ("than many had expected"), an object and an infinitive ("than
# most in Lima expected it to go"). The author's measure, at both points (the learned model does not
# take the word either). A number compared names the speakers; a clause of its own still speaks.
@pytest.mark.parametrize("text, actor", [
    ("The ferry board moved faster than many had expected.", None),
    ("The new pier is a bigger prize than many in Velden expected a year ago.", None),
    ("The bridge plan has travelled further than most in Lima expected it to go.", None),
    ("The harbour master ran the winter timetable with more care than some of his critics allow.", None),
    ("Those replies were sharper than her rivals admit.", None),
    ("More than 200 residents said in a letter that the pier should close.", "residents"),
    ("The toll rose faster than Ana Ruiz said it would.", "Ana Ruiz"),
    ("Tom Berg said the toll rose faster than many had expected.", "Tom Berg"),
])
def test_a_comparison_closed_by_a_saying_is_the_authors(shipped_attribution, text, actor):
    assert [s.actor for s in checked_segment(text)] == [actor]
    assert [s.actor for s in checked_segment(text, shipped_attribution)] == [actor]


@pytest.mark.parametrize("text", [
    "The pier is bigger than" + " many" * 400 + " expected.",
    "than " * 500 + "expected.",
    "More than many in Velden expected it to" * 200,
])
def test_comparison_rule_on_pathological_sentences(shipped_attribution, text):
    check_offsets_rules_and_model(text, shipped_attribution)
