"""Issue #13, ninth round (session 14, recall): quotations whose speaker the rules did not carry
over, and SPEC cues studied and not reached. Sentences written fresh for these tests."""

from __future__ import annotations

import pytest

from stancekit import segment

from .conftest import checked_segment


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
    # nor after the article's own voice; across a paragraph break only when the quotation opens the
    # next paragraph (twelfth round, tests/test_attribution_not_found.py: before, None here)
    ("Mayor Ana Ruiz said the pier was old.\n\n\"It will not last another winter.\"\n", 1, "Ana Ruiz"),
    ("The pier was built in 1950. \"It will not last another winter.\"\n", 1, None),
])
def test_a_quotation_after_reported_speech_takes_its_speaker(text, index, actor):
    got = checked_segment(text)
    assert got[index].actor == actor


# A line that ends with a colon and holds a speech verb introduces someone's words: a sentence of the
# body, not a sub-heading, so that its speaker is found and the quotation after it takes that speaker;
# with the verb right before the colon ("X writes:"), the whole paragraph after it is X's, quoted or not.
@pytest.mark.parametrize("text, index, actor", [
    ("The council met on Monday.\n\nTom Reyes writes:\n\n\u201cThe bridge is safe and the rails are new.\u201d\n", 1, "Tom Reyes"),
    ("The council met on Monday.\n\nTom Reyes writes:\n\n\u201cThe bridge is safe and the rails are new.\u201d\n", 2, "Tom Reyes"),
    ("The council met on Monday.\n\nAs Tom Reyes observed, the old pier was the real winner:\n\n"
     "\u201cNobody expected the old pier to draw a crowd.\u201d\n", 2, "Tom Reyes"),
    ("The council met on Monday.\n\nTom Reyes writes:\n\nThe bridge is safe. The rails are new.\n", 3, "Tom Reyes"),
    # a paragraph that opens with a quotation: the sentences after it in that paragraph too
    ("The council met on Monday.\n\nTom Reyes tweeted:\n\n\u201cThe ferry is late again.\u201d The harbour is a mess.\n",
     3, "Tom Reyes"),
])
def test_a_line_that_introduces_words_is_a_statement(text, index, actor):
    got = checked_segment(text)
    assert got[index].actor == actor


# ... a line with a colon and no speech verb stays a sub-heading; a paragraph after a colon line whose
# speech verb is not right before the colon keeps to its own words
@pytest.mark.parametrize("text, texts", [
    ("Photos of the new pier:\n\nThe bridge is safe.\n", ["The bridge is safe."]),
    ("Watch the full video below:\n\nThe bridge is safe.\n", ["The bridge is safe."]),
])
def test_a_colon_line_without_a_speech_verb_is_no_statement(text, texts):
    got = checked_segment(text)
    assert [s.text for s in got] == texts


def test_a_paragraph_after_a_colon_line_without_a_final_speech_verb_is_not_its_speakers():
    text = "Tom Reyes said there were two problems with the pier:\n\nThe rails are old.\n"
    got = checked_segment(text)
    assert got[0].actor == "Tom Reyes" and got[1].actor is None


# A quotation's speaker named in a paragraph of its own after a dash ('"..."' then '- Ana Ruiz.'); not a
# byline under the article's own words.
@pytest.mark.parametrize("text, actors", [
    ("\"The pier is old and the rails are rusty.\"\n\n- Ana Ruiz.\n", ["Ana Ruiz", "Ana Ruiz"]),
    ("The council met.\n\n\u201cThe pier is old. The rails are rusty.\u201d\n\n\u2014 Tom Reyes.\n",
     [None, "Tom Reyes", "Tom Reyes", "Tom Reyes"]),
    ("The pier is old and the rails are rusty.\n\n- Ana Ruiz.\n", [None, None]),
])
def test_a_quotation_takes_the_name_after_a_dash_below_it(text, actors):
    got = checked_segment(text)
    assert [s.actor for s in got] == actors


def test_dash_tag_pattern_on_pathological_input():
    from stancekit._segment import _DASH_TAG

    for bad in ("- " + "A." * 20000 + "!", "- " + "Ab " * 20000 + "x", "-" + "A'" * 30000 + " a"):
        assert _DASH_TAG.match(bad) is None  # a backtracking pattern would hang here
    text = "\"The pier is old.\"\n\n- " + "A." * 5000 + "\n"
    checked_segment(text)


# An opening mark written where the closing one belongs ('"...,\u201c he said'): after a word and before a
# space it closes the quotation, for the rules' quotation spans and the model's quotation state.
@pytest.mark.parametrize("text, index, actor", [
    ("\u201cThe pier is old,\u201c said Tom Reyes, the harbour chief.\n", 0, "Tom Reyes"),
    ("Tom Reyes spoke at the dock.\n\n\u201cThe pier is old,\u201c he said.\n", 1, "Tom Reyes"),
    ("\u201cThe pier is old.\u201d \u201cThe rails are rusty,\u201d Tom Reyes said.\n", 1, "Tom Reyes"),
])
def test_an_opening_mark_that_closes_a_quotation(text, index, actor):
    got = checked_segment(text)
    assert got[index].actor == actor


def test_quote_state_reads_an_opening_mark_that_closes():
    from stancekit.attribution._features import quote_state, tokenize

    toks = tokenize("\u201cThe pier is old,\u201c he said.")
    inside = dict(zip([t[0] for t in toks], quote_state(toks)))
    assert inside["pier"] and not inside["he"] and not inside["said"]
    toks = tokenize("He said: \u201c \u201cOld\u201d is the word.\u201d")  # a spaced opening mark opens
    assert quote_state(toks)[[t[0] for t in toks].index("Old")]


# Session 21: a newspaper's name is a body (data/org_words.txt), and "it" resolves to it (a strict
# xfail of the ninth round until then).
def test_it_resolves_to_a_newspaper_named_before():
    got = checked_segment("The Harbour Gazette ran an editorial on Monday. It says the pier must close.\n")
    assert got[1].actor == "Harbour Gazette"


# Studied in this round and not reached (rules alone; each a strict xfail: a fix shows).
@pytest.mark.parametrize("text, index, actor", [
    # "it" for a body or document named before but never a speaker ("it" resolves to the last body
    # that spoke; a newspaper's name is a body since session 21)
    ("The Harbour Trust ran an editorial on Monday. It says the pier must close.\n", 1, "Harbour Trust"),
    # a participle's subject that is a lowercase description the rules do not classify
    ("The nurse later sued the port, claiming the quarantine was illegal.\n", 0, "nurse"),
])
@pytest.mark.xfail(strict=True, reason="issue #13, ninth round: studied, not reached")
def test_quotation_and_cue_patterns_not_reached_yet(text, index, actor):
    got = checked_segment(text)
    assert got[index].actor == actor


def test_a_dash_tag_reads_the_same_in_windows_of_paragraphs(monkeypatch):
    import stancekit._segment as seg

    text = ("The council met.\n\n\u201cThe pier is old. The rails are rusty.\u201d\n\n- Tom Reyes.\n\n"
            "The ferry runs on.\n\n\"The fares are fair.\"\n\n\u2014 Ana Ruiz.\n")
    whole = segment(text, "d", attribution=None)
    monkeypatch.setattr(seg, "_WINDOW_CHARS", 1)
    assert segment(text, "d", attribution=None) == whole
    assert [s.actor for s in whole] == [None, "Tom Reyes", "Tom Reyes", "Tom Reyes", None, "Ana Ruiz", "Ana Ruiz"]
