"""Issue #13, ninth round (session 14, recall): quotations whose speaker the rules did not carry
over, and SPEC cues studied and not reached. Sentences written fresh for these tests."""

from __future__ import annotations

import pytest

from stancekit import segment

from .conftest import check_offsets


# A quotation that opens right after a statement reporting its speaker's words, in the same paragraph,
# and names no speaker of its own, is that speaker's: the tag sentence between two quotations
# ('"...?" Ruiz asked them. "..."'), or reported speech before a quotation.
@pytest.mark.parametrize("text, index, actor", [
    ("\u201cCan the ferry run all winter?\u201d Ana Ruiz asked the council. \u201cWhat will the fishermen do?\u201d\n",
     2, "Ana Ruiz"),
    ("''Is the pier safe?'' Tom Reyes asked. ''Nobody has checked it since May.''\n", 2, "Tom Reyes"),
    ("Mayor Ana Ruiz said the pier was old. \"It will not last another winter.\"\n", 1, "Ana Ruiz"),
    # its own speaker wins
    ("Mayor Ana Ruiz said the pier was old. \"It is not,\" Tom Reyes replied.\n", 1, "Tom Reyes"),
    # not across a paragraph break, nor after the article's own voice
    ("Mayor Ana Ruiz said the pier was old.\n\n\"It will not last another winter.\"\n", 1, None),
    ("The pier was built in 1950. \"It will not last another winter.\"\n", 1, None),
])
def test_a_quotation_after_reported_speech_takes_its_speaker(text, index, actor):
    got = segment(text, attribution=None)
    check_offsets(text, got)
    assert got[index].actor == actor
