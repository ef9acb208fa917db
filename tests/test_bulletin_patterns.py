"""Patterns of citation-heavy bulletins and wire copy found in the h28p round of fixtures
(`*_h28p_*`, docs/history/data.md), strict xfails until session 17 fixed them (docs/history/attribution.md, "Twelfth
round (session 17): bulletin headers and long titles"): golden rows and near misses. All texts are
invented for this file."""

from __future__ import annotations

import pytest

from .conftest import checked_segment

# A header block (a title over a byline longer than 80 characters) above the first blank line. Before
# session 17 the byline was not read as metadata (too long), the title was not short enough beside it
# to be a headline, and the two lines together (26 words) were one word over the limit for a headline
# chunk, so the header came out as a statement. A byline whose name is followed by a bar is now
# metadata at any length (_text._BYLINE_BAR).
HEADER = ("Harbour talks: a slow week on the quays and in the council chamber\n"
          "By Tilde Marsk | Coastal Policy Letter, Volume 9, Issue 204 | March 3, 2009\n\n"
          "The council met on Monday. It adjourned at noon.")

BODY = ["The council met on Monday.", "It adjourned at noon."]

HEADERS = [
    HEADER,
    # abbreviations in the byline, two bars after the name
    ("The ferry levy and the long quarrel over who pays for the old northern pier\n"
     "By Ivo Brandt | Tessel Maritime Review | Vol. 4, No. 17 | Issue 31/2010 | May 2, 2010\n\n"
     + " ".join(BODY)),
    # two authors, a particle in a name
    ("Dock wages: what the port board promised and what the dockers were paid in the end\n"
     "By Lena van Dijk and Oskar Holm | Northern Quays Monitor, No. 88 | 14 June 2011\n\n"
     + " ".join(BODY)),
    # a short byline with a bar, under a one-line title
    "Toll report\nBy Ana Ruiz | Harbour Letter\n\n" + " ".join(BODY),
    # a one-line title over a short byline (a header before this session too)
    "Toll report\nBy Ana Ruiz, staff writer\n\n" + " ".join(BODY),
    # a short byline that ends with a full stop (two words after the comma)
    "Toll report\nBy Ana Ruiz, staff writer.\n\n" + " ".join(BODY),
]


@pytest.mark.parametrize("text", HEADERS)
def test_header_block_with_byline_is_not_a_statement(text):
    got = checked_segment(text)
    assert [s.text for s in got] == BODY


# Near misses: lines that open with "By" or hold a bar but are sentences of the body.
BODY_WITH_BY = [
    # a first sentence with a bar that ends a sentence
    ("By Monday | the toll had risen twice, and the council met again in the old hall to vote on it.\n\n"
     "It adjourned at noon.",
     ["By Monday | the toll had risen twice, and the council met again in the old hall to vote on it.",
      "It adjourned at noon."]),
    # "By <Capitalised>," and a clause: a sentence, not a short byline (it was dropped with the
    # sentence after it before session 17)
    ("By Friday, the council had voted. It met again.",
     ["By Friday, the council had voted.", "It met again."]),
    ("Toll report\n\nBy Monday, the pier was shut.\n\nIt adjourned at noon.",
     ["By Monday, the pier was shut.", "It adjourned at noon."]),
    # "By the time ..."
    ("By the time the ferry docked, the pier was shut. The council met on Monday.",
     ["By the time the ferry docked, the pier was shut.", "The council met on Monday."]),
    # a long sentence that opens with "By" and a name, no bar
    ("By Tuesday the harbour board had written to every skipper on the northern quays about the new "
     "levy and its dates. It adjourned at noon.",
     ["By Tuesday the harbour board had written to every skipper on the northern quays about the new "
      "levy and its dates.", "It adjourned at noon."]),
]


@pytest.mark.parametrize("text,want", BODY_WITH_BY)
def test_a_sentence_opening_with_by_stays_a_statement(text, want):
    assert [s.text for s in checked_segment(text)] == want


# Speakers after a long title or a description (each: text, statement index, the speaker's name).
# An inverted tag whose title names an organisation with "of" first: the name after the title is the
# speaker (_segment._inverted_end; before session 17 the rules took the organisation's first words).
SPEAKERS = [
    ('"The levy is a tax on fishermen," said Nordport Institute of Maritime Studies director Ola Vinter.',
     0, "Ola Vinter"),
    ('"The quays need dredging first," said Tessel University of Applied Sciences professor Ida Strand, '
     "who chairs the harbour panel.", 0, "Ida Strand"),
    ("The levy is a tax on the small boats, says Vestby Institute of Fisheries Economics researcher "
     "Karl Moen.", 0, "Karl Moen"),
    ('"The toll will pay for itself," said Harbour Council of Trade chairman Lars Eng.', 0, "Lars Eng"),
    # near misses that stay as they were: no name after the organisation, the name first
    ('"The levy is a tax," said Nordport Institute of Maritime Studies.', 0, "Nordport Institute"),
    ('"The levy is a tax," said Ola Vinter of the Nordport Institute of Maritime Studies.', 0, "Ola Vinter"),
]


# A passive source after "by" with a description in apposition before "who said": the name, not the
# description (_segment._Attributor.frame_speaker, the relative "who" closing the statement).
BY_WHO = [
    ("The levy was criticised as hasty by Per Lund, a Bergen-based analyst for the Coastal Trade Forum, "
     "who said the board had not consulted the quays.", 0, "Per Lund"),
    ("The toll was praised by Ana Ruiz, an economist, who said it would pay for the new pier.", 0, "Ana Ruiz"),
    ("The plan was opposed by Dock Workers Union leader Tom Berg, a former skipper, who said it came too late.",
     0, "Tom Berg"),
    # a body's name before its description; a name with no description (as before)
    ("The toll was praised by the Harbour Union, a group of dockers, who said it would pay for the pier.", 0,
     "Harbour Union"),
    ("The toll was praised by Mayor Ana Ruiz, who said it would pay for the new pier.", 0, "Ana Ruiz"),
]


# A position noun after a possessor with an aside naming who gave it ("The board's own verdict, delivered
# by Ruth Aalborg ..., was that"): the person in the aside speaks (_segment._POSS_POSITION, group 3).
GIVEN_BY = [
    ("The board's own verdict, delivered by Ruth Aalborg at the closing news conference, was that the "
     "levy had worked.", 0, "Ruth Aalborg"),
    ("The council's answer, given by Mayor Ana Ruiz on Monday, was that the toll stays.", 0, "Ana Ruiz"),
    ("Tessel's line, set out by Secretary of State Ida Strand in a speech in Lima, is that the pier is safe.",
     0, "Ida Strand"),
    # near misses: no name in the aside (no speaker, as before); no aside (the possessor, as before)
    ("The board's verdict, delivered by courier on Monday, was that the levy had worked.", 0, None),
    ("The Harbour Council's reply was that the levy had worked.", 0, "Harbour Council"),
]


# One checking body for the three speaker tables above (the table's name is in each test id).
@pytest.mark.parametrize("text,i,actor", [
    pytest.param(*row, id=f"{name}-{n}")
    for name, table in (("inverted-title", SPEAKERS), ("by-who", BY_WHO), ("given-by", GIVEN_BY))
    for n, row in enumerate(table)])
def test_bulletin_speakers(text, i, actor):
    got = checked_segment(text)
    assert got[i].actor == actor


# Pathological input for each pattern of this file (long runs where a rule scans: many capitalised
# words, bars, spaces, "of" phrases, appositions, an aside with no closing comma): linear time, offsets
# exact, no error.
PATHOLOGICAL = [
    pytest.param("Harbour talks\nBy " + "Ana " * 30_000 + "\n\nThe council met.", id="byline-names-no-bar"),
    pytest.param("Harbour talks\nBy Ana Ruiz " + "| " * 30_000 + "\n\nThe council met.", id="byline-many-bars"),
    pytest.param("Harbour talks\nBy" + " " * 30_000 + "Ana |\n\nThe council met.", id="byline-spaces"),
    pytest.param("Harbour talks\nBy " + "Ana de " * 20_000 + "|\n\nThe council met.", id="byline-particles"),
    pytest.param('"The levy is a tax," said Nordport Institute of ' + "Harbour " * 20_000 + "director Ola Vinter.",
                 id="inverted-title-capitals-after-of"),
    pytest.param('"The levy is a tax," said Nordport Institute ' + "of Harbour Studies " * 10_000 + "Ola.",
                 id="inverted-title-many-of"),
    pytest.param("The toll was praised by " + "Ana Ruiz, an economist, " * 3_000 + "who said it would pay.",
                 id="by-who-many-appositions"),
    pytest.param("The toll was praised by " + "Ana " * 20_000 + ", an economist, who said it would pay.",
                 id="by-who-capitals"),
    pytest.param("The board's verdict, delivered by " + "Ana " * 20_000 + "was that the levy worked.",
                 id="given-by-capitals-no-comma"),
    pytest.param("The board's verdict, delivered by Ana Ruiz " + "on the quay " * 20_000 + "was that it worked.",
                 id="given-by-long-aside"),
]


@pytest.mark.parametrize("text", PATHOLOGICAL)
def test_bulletin_patterns_on_pathological_input(text):
    checked_segment(text)
