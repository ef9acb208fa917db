"""Patterns of citation-heavy bulletins and wire copy that the segmenter does not handle yet, found
in the fifteenth harder round of fixtures (`*_h28p_*`, docs/data.md). Strict xfails: a fix shows.
All texts are invented for this file."""

from __future__ import annotations

import pytest

from .conftest import checked_segment

# A header block (a title over a byline longer than 80 characters) above the first blank line:
# the byline is not read as metadata (too long), the title is not short enough beside it to be a
# headline, and the two lines together (26 words) are one word over the limit for a headline
# chunk, so the header comes out as a statement.
HEADER = ("Harbour talks: a slow week on the quays and in the council chamber\n"
          "By Tilde Marsk | Coastal Policy Letter, Volume 9, Issue 204 | March 3, 2009\n\n"
          "The council met on Monday. It adjourned at noon.")


@pytest.mark.xfail(strict=True, reason="h28p round: a long byline under a title is cut as a statement")
def test_header_block_with_long_byline_is_not_a_statement():
    got = checked_segment(HEADER)
    assert [s.text for s in got] == ["The council met on Monday.", "It adjourned at noon."]


# Speakers after a long title or a description (each: text, statement index, the speaker's name).
SPEAKERS_NOT_YET = [
    # an inverted tag whose title names an organisation first: the rules take the organisation
    ('"The levy is a tax on fishermen," said Nordport Institute of Maritime Studies director Ola Vinter.',
     0, "Ola Vinter"),
    # a passive source after "by" with a description in apposition: the rules take the description
    ("The levy was criticised as hasty by Per Lund, a Bergen-based analyst for the Coastal Trade Forum, "
     "who said the board had not consulted the quays.", 0, "Per Lund"),
    # a verdict noun as subject, its speaker after "delivered by": no speaker is found
    ("The board's own verdict, delivered by Ruth Aalborg at the closing news conference, was that the "
     "levy had worked.", 0, "Ruth Aalborg"),
]


@pytest.mark.parametrize("text,i,actor", SPEAKERS_NOT_YET)
@pytest.mark.xfail(strict=True, reason="h28p round: speaker after a long title or description not reached")
def test_bulletin_speakers_not_yet_reached(text, i, actor):
    got = checked_segment(text)
    assert got[i].actor == actor
