"""Issue #13, tenth round (session 15): false attributions on PolNeAR's weak folds. Speaker labels
that head an article's sections, tallies after a label. Eleventh round (session 16), folds 3 and 5:
speech tags with a date, an opening clause after "Shortly", roles with lowercase modifiers after an
inverted verb. Sentences written fresh for these tests."""

from __future__ import annotations

import pytest

from stancekit import segment
from stancekit._segment import _EDITORS_NOTE, _FIRST_PERSON, _turns_recur
from stancekit._text import _count_only

from .conftest import check_offsets_rules_and_model, checked_segment

# An article in sections, each headed by a candidate's name and a short goal: the heading is no one's
# words and the narration under it is the article's own (regression: every paragraph under "Reyes:"
# was given to Reyes, the document read as a transcript of three speakers or more).
_SECTIONS = (
    "What each mayor needs on Sunday.\n\n"
    "Reyes: Hold the line.\n\n"
    "Tom Reyes has led the race in Velden since May. The harbour vote is his base.\n\n"
    "Ruiz: Close the gap.\n\n"
    "Ana Ruiz trails by six points. A late surge in the old town would help her.\n\n"
    "Marten: Stay in the race.\n\n"
    "Ivo Marten has the smallest war chest of the three."
)

# A transcript names its speakers more than once: a turn still runs over paragraphs.
_TRANSCRIPT = (
    "LENA HOFBAUER: Is the pier ready?\n\n"
    "OLSEN: Nearly. The cranes arrive in May.\n\n"
    "The ferries will have to wait until June.\n\n"
    "HOFBAUER: And the toll?\n\n"
    "OLSEN: It stays."
)


@pytest.mark.parametrize("attribution", [None, "default"], ids=["rules", "model"])
def test_section_headings_are_no_speakers_turns(attribution):
    assert all(s.actor is None for s in checked_segment(_SECTIONS, attribution))


def test_a_transcript_turn_still_runs_over_paragraphs():
    got = checked_segment(_TRANSCRIPT)
    by_text = {s.text: s.actor for s in got}
    assert by_text["The ferries will have to wait until June."] == "OLSEN"
    assert by_text["HOFBAUER: And the toll?"] == "HOFBAUER"


def test_a_section_label_with_a_long_line_keeps_its_speaker_for_that_paragraph_only():
    text = ("Reyes: The harbour vote will decide this race, and I intend to win it.\n\n"
            "Tom Reyes has led the race in Velden since May.\n\n"
            "Ruiz: Close the gap.\n\n"
            "Marten: Stay in the race.")
    assert [s.actor for s in checked_segment(text)][:2] == ["Tom Reyes", None]


# A label followed by a number alone is a tally, not a speaker's turn (regression: a delegate count
# "Ana Ruiz: 1,204." made the document a transcript and gave the next paragraphs to her).
def test_tallies_after_a_label_are_no_turns():
    text = ("The count so far.\n\nAna Ruiz: 1,204.\n\nTom Reyes: 987.\n\nRuiz: 61%.\n\n"
            "These are the votes counted by Sunday night.")
    assert all(s.actor is None for s in checked_segment(text))


@pytest.mark.parametrize("rest, tally", [
    (" 1,204.", True),
    (" 61%", True),
    (" 987", True),
    (" 2.5", True),
    (" We will win.", False),
    (" 1,204 votes.", False),
    ("", False),
])
def test_count_only(rest, tally):
    text = "Ana Ruiz:" + rest
    assert _count_only(text, len("Ana Ruiz:"), len(text)) is tally


@pytest.mark.parametrize("labels, recur", [
    (["Reyes", "Ruiz", "Marten"], False),
    (["ANA RUIZ", "OLSEN", "RUIZ"], True),
    (["Q", "Olsen", "Q"], True),
    (["A", "A", "A"], True),
    (["Tom Reyes", "Ana Ruiz"], False),
    ([], False),
])
def test_turns_recur(labels, recur):
    assert _turns_recur(labels) is recur


# In a speaker's turn, a statement where the speaker names herself has "I" as its mention (PolNeAR's
# Source of "I think ..." in an interview's answer); the actor stays the speaker. The interviewer's
# questions keep their label.
_INTERVIEW = (
    "Interview by Lena Hofbauer\n\n"
    "Q: Is the pier ready?\n\n"
    "Olsen: Nearly. I think the cranes arrive in May. The ferries will wait.\n\n"
    "Q: And I wonder about the toll?\n\n"
    "Olsen: I’m sure it stays. It is fair."
)


def test_a_speaker_naming_herself_in_her_turn_is_the_mention():
    got = checked_segment(_INTERVIEW)
    rows = [(s.text, s.actor, s.actor_mention) for s in got if s.actor]
    assert rows == [
        ("Q: Is the pier ready?", "Lena Hofbauer", "Q"),
        ("Olsen: Nearly.", "Olsen", "Olsen"),
        ("I think the cranes arrive in May.", "Olsen", "I"),
        ("The ferries will wait.", "Olsen", "Olsen"),
        ("Q: And I wonder about the toll?", "Lena Hofbauer", "Q"),
        ("Olsen: I’m sure it stays.", "Olsen", "I"),
        ("It is fair.", "Olsen", "Olsen"),
    ]


@pytest.mark.parametrize("text, found", [
    ("I think so", True),
    ("Yes, I’m sure", True),
    ("I'd say no", True),
    ("Sen. Ana Ruiz (I-Ohio) spoke", False),
    ("after World War I. The", False),
    ("IOU forms", False),
    ("I Think", False),
])
def test_first_person(text, found):
    assert (_FIRST_PERSON.search(text) is not None) is found


def test_first_person_pathological_input():
    # linear: runs of capital I's, apostrophes and spaces with no lowercase word after them
    for text in ("I" * 50_000, "I’" * 30_000, ("I " * 30_000) + "X", "-I" * 30_000):
        assert _FIRST_PERSON.search(text) is None
    turn = "Olsen: Nearly.\n\n" + "Olsen: " + "I I I " * 5_000 + "agree."
    checked_segment(turn)


# Money raised, a person brought up and a reporter's credit narrate actions (SPEC section 4): the
# article's own voice (regression: "raised" and "reported" were read as sayings). "raised concerns",
# "reported that" and a finding or a source around money raised still report someone's words.
@pytest.mark.parametrize("text, actor", [
    ("Ana Ruiz has raised $1.8 million since May.", None),
    ("Mayor Ana Ruiz raised more than 40,000 dollars at the fair.", None),
    ("The Harbour Party has raised about $61,000 for its campaign.", None),
    ("Tom Berg was raising money for the ferry fund.", None),
    ("Tom Reyes was born and raised in Velden.", None),
    ("Lena Hofbauer reported from Velden.", None),
    ("Ivo Marten contributed reporting.", None),
    ("Ana Ruiz reported from Lima, where the pier was closed.", None),
    ("Tom Reyes raised concerns about the toll.", "Tom Reyes"),
    ("Ana Ruiz reported that the pier was closed.", "Ana Ruiz"),
    ("A harbour study found that the levy would raise $2 million a year.", "harbour study"),
    ("The levy would raise $2 million a year, according to the Velden Courier.", "Velden Courier"),
])
@pytest.mark.parametrize("attribution", [None, "default"], ids=["rules", "model"])
def test_money_raised_and_reporters_credits_are_narration(text, actor, attribution):
    assert [s.actor for s in checked_segment(text, attribution)] == [actor]


# An editor's note on the text's form is no one's words (regression: "Questions and answers were
# condensed" read "answers" as a saying with the speaker "Questions", whom the answers' label "A" then
# named); with no one speaking before the first answer, "A" is the first person the introduction names.
_QA = (
    "Harbour master Ivo Marten has run the port of Velden since 2009. He talked about the new pier.\n\n"
    "Questions and answers were condensed and edited for space.\n\n"
    "Q: Is the pier ready?\n\n"
    "A: Nearly. The cranes arrive in May.\n\n"
    "Q: And the toll?\n\n"
    "A: It stays."
)


def test_an_editors_note_is_no_ones_words_and_the_answers_are_the_interviewees():
    got = checked_segment(_QA)
    by_text = {s.text: s.actor for s in got}
    assert by_text["Questions and answers were condensed and edited for space."] is None
    assert by_text["A: Nearly."] == "Ivo Marten"
    assert by_text["A: It stays."] == "Ivo Marten"


@pytest.mark.parametrize("text", [
    "The interview has been edited and condensed.",
    "Answers were condensed and edited for space.",
    "Comments have been lightly edited for clarity.",
    "Questions and answers were lightly edited for style.",
])
@pytest.mark.parametrize("attribution", [None, "default"], ids=["rules", "model"])
def test_editors_notes_have_no_actor(text, attribution):
    assert [s.actor for s in checked_segment(text, attribution)] == [None]


@pytest.mark.parametrize("text, found", [
    ("has been edited for length", True),
    ("was edited and condensed", True),
    ("condensed for clarity", True),
    ("the edited text", False),
    ("edited forever", False),
    ("edited and sent", False),
])
def test_editors_note_pattern(text, found):
    assert (_EDITORS_NOTE.search(text) is not None) is found


def test_editors_note_pathological_input():
    # linear: long runs of the pattern's words and spaces that never complete it
    for text in ("edited " * 20_000, "edited an " * 20_000, "condensed  for " * 20_000 + "x",
                 "edited" + " " * 100_000 + "fo"):
        assert _EDITORS_NOTE.search(text) is None
    note = "Tom Reyes said the notes were " + "edited and " * 3_000 + "edited for length."
    checked_segment(note)


# Studied on PolNeAR's weak folds and not fixed: speech words used for actions ("adding to" a lead,
# the noun "contests"). Rules for them took these to the article's voice but lost statements PolNeAR
# counts through a broader cue in the same sentence (right -2 on folds 1 and 2 with fixed fold
# models, rules/840 right -2 to -4), so they were not kept. ("back" after a form of "be" and before
# a place, "was back home by noon", is a return since session 21: attribution/_saying._no_saying,
# PolNeAR pooled right unchanged.)
@pytest.mark.xfail(strict=True, reason="'adding to' and 'contests' still read as sayings (tried, not kept)")
@pytest.mark.parametrize("text", [
    "Tom Reyes won the county vote, adding to his lead in the north.",
    "Ana Ruiz took the first two contests of the spring.",
])
def test_actions_with_speech_words_are_narration(text):
    assert [s.actor for s in segment(text, attribution=None)] == [None]


def test_back_home_after_be_is_a_return():
    assert [s.actor for s in segment("Tom Reyes was back home by noon.", attribution=None)] == [None]


# Eleventh round (session 16): folds 3 and 5. Sentences written fresh for these tests.

# A closing speech tag with a date after its verb wins over the cue of the clause it closes
# (regression: a later module constant of the same name, the prepositions read after a tag sentence's
# verb, had replaced the closing tag's words of time, so "earlier this week", "recently" and "last
# week" no longer closed a tag and the name inside the reported clause was taken).
@pytest.mark.parametrize("text, actor", [
    ("The ferry plan that Ortiz advocated will fail, Tom Berg said earlier this week.", "Tom Berg"),
    ("The ferry plan that Ortiz advocated will fail, Tom Berg said recently.", "Tom Berg"),
    ("The ferry plan that Ortiz advocated will fail, Tom Berg said last week.", "Tom Berg"),
    ("The ferry plan that Ortiz advocated will fail, Tom Berg said in an interview.", "Tom Berg"),
])
def test_a_closing_tag_with_a_date_names_the_speaker(text, actor):
    assert [s.actor for s in checked_segment(text)] == [actor]


# A speech tag after a quotation with a verb outside the speech list ("fumed", "beamed") names the
# quotation's speaker also when a date or a short place of up to four words follows the verb
# (regression: only the verb and the stop were read, so '"...," Reyes fumed on Tuesday.' had no
# speaker). Not an action that runs on past four words.
@pytest.mark.parametrize("text, actor", [
    ('"We will build the pier," Tom Berg fumed on Tuesday.', "Tom Berg"),
    ('"We will build the pier," Tom Berg fumed in an interview.', "Tom Berg"),
    ('"The toll stays," Ana Ruiz beamed at the harbour.', "Ana Ruiz"),
    ('"We will build the pier," Tom Berg fumed.', "Tom Berg"),
    ('"We will build the pier," Tom Berg walked along the harbour wall that day.', None),
])
@pytest.mark.parametrize("attribution", [None, "default"], ids=["rules", "model"])
def test_a_speech_tag_with_any_verb_and_a_date(text, actor, attribution):
    assert checked_segment(text, attribution)[0].actor == actor


# The same with a verb of the speech list: a date after it keeps the speaker the tag names without
# it (regression: a description the subject search does not take, "the Republican", was lost).
@pytest.mark.parametrize("tag", [
    "the Republican said", "the Democrat said", "Tom Berg said", "she said", "the mayor told reporters",
])
def test_a_date_after_a_speech_tag_keeps_its_speaker(tag):
    lead = "Ana Ruiz spoke at the pier. "
    plain = checked_segment(lead + '"We will build it," ' + tag + ".")[-1].actor
    for tail in (" this week", " on Tuesday", " in Lima"):
        assert checked_segment(lead + '"We will build it," ' + tag + tail + ".")[-1].actor == plain


def test_a_speech_tag_with_a_date_pathological_input():
    # the words after the verb are read four at most: a long run of them is no tag, in linear time
    for text in ('"We will," Tom Berg fumed ' + "on " * 20_000 + "Tuesday.",
                 '"We will," Tom Berg fumed on' + " Tuesday" * 20_000 + "."):
        check_offsets_rules_and_model(text, "default")


# A subordinate clause opened after a degree or time word ("Shortly after", "Just before", "Hours
# after") is read like one opened by the subordinator: the main clause's cue and subject first
# (regression: the name inside the opening clause was the speaker).
@pytest.mark.parametrize("text, actor", [
    ("Shortly after Ruiz was named the winner, Berg told a crowd in Lima that he still hoped to carry the county.",
     "Berg"),
    ("Just before Ruiz announced her plan, Berg said the pier would close.", "Berg"),
    ("Hours after Ruiz conceded, Berg said the count had been fair.", "Berg"),
    ("After Ruiz was declared the winner, Berg said the count had been fair.", "Berg"),
])
def test_a_degree_word_before_an_opening_subordinate_clause(text, actor):
    assert [s.actor for s in checked_segment(text)] == [actor]


# After an inverted verb, a role with lowercase modifiers before a name names the person: after a
# capitalised modifier ("Harbour Party political consultant") and right after the verb ("political
# scientist Ana Ruiz"); "consultant" and "scientist" are head nouns (regression: the speaker was the
# party, the university, or no one). A lowercase description with no name after it is unchanged.
@pytest.mark.parametrize("text, actor", [
    ('"It was never going to work," said Harbour Party political consultant Tom Berg.', "Tom Berg"),
    ('"It was never going to work," said Lakeside University political scientist Ana Ruiz.', "Ana Ruiz"),
    ('"It was never going to work," said political scientist Ana Ruiz.', "Ana Ruiz"),
    ('"It was never going to work," said harbour union spokesman Tom Berg.', "Tom Berg"),
    ('"It was never going to work," said Democratic strategist Ana Ruiz.', "Ana Ruiz"),
    ("The pier will close, said harbour officials.", "harbour officials"),
])
def test_a_role_with_lowercase_modifiers_after_an_inverted_verb(text, actor):
    assert [s.actor for s in checked_segment(text)] == [actor]


def test_inverted_role_pathological_input():
    # two lowercase modifiers and four head nouns at most are read: long runs stay linear
    for text in ('"We will," said ' + "political " * 20_000 + "scientist Ana Ruiz.",
                 '"We will," said political ' + "scientist " * 20_000 + "Ana Ruiz.",
                 '"We will," said ' + "Harbour " * 20_000 + "consultant."):
        check_offsets_rules_and_model(text, "default")
