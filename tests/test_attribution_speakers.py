"""Issue #13, tenth round (session 15): junk and wrong speakers (docs/attribution.md, "Tenth round").

Golden rows of the rules' speaker (``attribution=None``): each kind of wrong speaker fixed, with a
regression note, and strict xfails for kinds studied and not fixed. Every sentence is invented.
"""

from __future__ import annotations

import pytest

from stancekit import segment

from .conftest import check_offsets


@pytest.mark.parametrize("text, actor, mention", [
    # a capitalised word in "-ly" is a name, no adverb between a subject and its verb (regression:
    # "Ana Kelly speculated" had the actor "Ana", "Kelly" skipped like "repeatedly")
    pytest.param("The only time the toll came up was when Ana Kelly speculated about its cost.", "Ana Kelly",
                 "Ana Kelly", id="ly-surname"),
    pytest.param("Tom Reyes repeatedly said the pier was safe.", "Tom Reyes", "Tom Reyes", id="ly-adverb"),
    # "according to" a phrase of more than 14 words that a comma closes runs to the comma
    # (regression: the mention stopped at its 14th word, "by", short of the source's name)
    pytest.param("According to early results of exit surveys conducted for the Harbor Press and two radio stations by "
                 "Delta Research, most riders in all five towns say the fares are too high.", "Delta Research",
                 "early results of exit surveys conducted for the Harbor Press and two radio stations by Delta Research",
                 id="according-long-phrase"),
])
def test_wrong_speakers_tenth_round(text, actor, mention):
    got = segment(text, attribution=None)
    check_offsets(text, got)
    assert [(s.actor, s.actor_mention) for s in got if s.actor] == [(actor, mention)]


@pytest.mark.parametrize("text", [
    "According to" + " word" * 50_000 + ", it is late.",
    "According to " + "the clerk of the port " * 5_000 + ", it is late.",
    "Ana Kelly " + "Kelly " * 50_000 + "said it.",
])
def test_wrong_speakers_tenth_round_on_pathological_input(text):
    got = segment(text, attribution=None)
    check_offsets(text, got)
