"""Issue #14 end to end / #13 guards, twelfth round (session 17): actors that segment() gave our
fixtures' statements wrongly, fixed as general rules (SPEC section 4, annotation guide section 5).
Sentences written fresh for these tests."""

from __future__ import annotations

import pytest

from stancekit.attribution._features import tokenize
from stancekit.attribution._model import _circumstantial

from .conftest import check_offsets_rules_and_model, checked_segment


# A cue word in a noun phrase opened by "despite", "in spite of", "notwithstanding" or "amid" names
# a circumstance of the author's sentence, not its source (SPEC section 4). The learned model had
# taken "repeated" (a speech verb) with the phrase's last noun as the speaker.
@pytest.mark.parametrize("text, cue, taken", [
    ("The ferry was not inspected, despite repeated appeals from the harbour towns.", "repeated", False),
    ("The toll went up, in spite of the repeated warnings from the ferry union.", "repeated", False),
    ("The night ferry stayed, notwithstanding repeated complaints from the islanders.", "repeated", False),
    ("The toll rose amid repeated protests from the traders.", "repeated", False),
    ("The toll rose, despite the union's repeated objections.", "repeated", False),
    # a clause of its own inside the phrase: its subject speaks
    ("The bridge opened amid signs the council believes that the toll will rise.", "believes", True),
    ("Despite what the mayor said, the bridge will close.", "said", True),
    ("Despite the mayor saying so, the bridge will close.", "saying", True),
    # the cue after the phrase: the sentence's saying
    ("Despite the delays, Mayor Ana Ruiz insisted that the bridge would open.", "insisted", True),
    ("The bridge stays open, despite the rain, Tom Berg said.", "said", True),
])
def test_a_cue_in_a_concessive_phrase_is_no_cue(text, cue, taken):
    toks = tokenize(text)
    low = [t[0].lower() for t in toks]
    assert _circumstantial(low, low.index(cue)) is not taken


@pytest.mark.parametrize("text, actor", [
    ("No ferry has been inspected since the board took over in May, despite repeated appeals from the harbour towns.", None),
    ("The toll went up again in March, in spite of repeated warnings from the ferry union.", None),
    ("Despite repeated appeals from the island councils, no ferry has had a safety check, Tom Berg said.", "Tom Berg"),
    ("Despite the delays, Mayor Ana Ruiz insisted that the bridge would open in June.", "Ana Ruiz"),
])
def test_a_concessive_phrase_end_to_end(shipped_attribution, text, actor):
    assert [s.actor for s in checked_segment(text, shipped_attribution)] == [actor]


@pytest.mark.parametrize("text", [
    "The toll rose despite" + " repeated" * 400 + " appeals.",
    "in spite of " * 300 + "warnings from the union.",
    "amid the " * 300 + "said.",
])
def test_concessive_rule_on_pathological_sentences(shipped_attribution, text):
    check_offsets_rules_and_model(text, shipped_attribution)


# "Nor", "Nowhere", "Nobody" and "Nothing" opening a sentence are capitalised only because they open
# it: never a name (they had been taken as a speaker called "Nor" when the document did not also write
# the word in lowercase). "None" stays out: PolNeAR counts "None has offered ..." as a source.
@pytest.mark.parametrize("text, actor", [
    ("Nor does the timetable say when the night ferry returns.", None),
    ("Nowhere does the crane contract say who pays for repairs.", None),
    ("Nobody, it seems, argued for a lower toll.", None),
    ("Nothing in the plan suggests that the toll will fall.", None),
    ("Nor, the mayor added, would the toll rise.", "mayor"),
    ("Nowhere in the harbour report do the engineers argue for a new pier.", "engineers"),
    ("Tom Berg said nothing would change at the pier.", "Tom Berg"),
])
def test_a_negative_word_opening_a_sentence_is_no_name(text, actor):
    assert [s.actor for s in checked_segment(text)] == [actor]


# A paragraph opened by a place in capitals and a colon ("MINSK: ...", a roundup's dateline) is no
# speaker's turn: each sentence names its own source, and the narration after it is the author's.
# A transcript's speaker label in capitals ("RUIZ:") stays a label.
_ROUNDUP = ("Answers to the harbour plan\nBy our correspondents | May 2, 2011\n\n"
            "RIGA: Latvia said it would study the toll plan with care. A Latvian trawler fleet docked at "
            "the new quay on Friday.\n\n"
            "VILNIUS: Lithuanian officials called the toll unfair. The ferry from Klaipeda was late again.\n")
_TRANSCRIPT = ("Interview with Ana Ruiz\nBy Tom Berg\n\nQ: Will the toll rise?\n\n"
               "RUIZ: Not this year. We have other plans for the pier.\n")


@pytest.mark.parametrize("text, actors", [
    (_ROUNDUP, ["Latvia", None, "Lithuanian officials", None]),
    (_TRANSCRIPT, ["Interviewer", "RUIZ", "RUIZ"]),
])
def test_a_dateline_in_capitals_is_no_speaker_label(text, actors):
    assert [s.actor for s in checked_segment(text)] == actors


# Nouns before a group or role noun (data/np_modifiers.txt: "human", "rights", "city", "trial",
# "statistics", "taxi") belong to the described source: "human rights groups", not "groups".
@pytest.mark.parametrize("text, actor", [
    ("Human rights groups said the toll was unfair.", "human rights groups"),
    ("Two rights groups say the pier is unsafe.", "rights groups"),
    ("A taxi driver said the harbour had changed beyond recognition.", "taxi driver"),
    ("The fare rose by 4 percent last year, the state statistics agency said on Monday.", "state statistics agency"),
    ("The trial lasted two days, and the court said little.", "court"),
])
def test_a_noun_before_a_group_noun_stays_in_the_source(text, actor):
    assert [(s.actor or "").lower() or None for s in checked_segment(text)] == [actor]


# A question put to the subject in apposition before its verb ("X, asked about ..., said"; "X, when
# pressed, said"): the subject speaks. Before, the rules found no subject past the apposition.
@pytest.mark.parametrize("text, actor", [
    ("Tom Berg, asked about the toll, said it was fair.", "Tom Berg"),
    ("Mayor Ana Ruiz, asked about the toll at a news conference on Friday, said the plan was late.", "Ana Ruiz"),
    ("A harbour spokeswoman, asked whether the toll would rise, said only that the board would look at it again.",
     "spokeswoman"),
    ("Tom Berg, when asked about the toll, said it was fair.", "Tom Berg"),
    ("Local officials, when asked about the pier, said it would reopen in June.", "Local officials"),
])
def test_a_question_put_to_the_subject_in_apposition(text, actor):
    assert [s.actor for s in checked_segment(text)] == [actor]


@pytest.mark.parametrize("text", [
    "Tom Berg, asked" + " about the toll" * 300 + ", said it was fair.",
    "Tom Berg" + ", when asked," * 300 + " said it was fair.",
])
def test_asked_apposition_on_pathological_sentences(shipped_attribution, text):
    check_offsets_rules_and_model(text, shipped_attribution)


# A speech verb closing a comparison with no content of its own ("more cars than its critics
# predicted", "longer than the board admits"): the author's measure, the article's own voice
# (annotation guide, adjudicated case 12). A verb with a clause of its own after "than" still speaks.
@pytest.mark.parametrize("text, actor", [
    ("The night ferry carried more cars than its critics predicted, and the quay was full by June.", None),
    ("The cost of the second quay is less certain than the council suggests.", None),
    ("Building the second quay will take longer than the board admits.", None),
    ("The winter timetable has fewer sailings than the harbour master promised in March, and the island is cut off on Sundays.", None),
    ("Tom Berg said the toll rose faster than anyone expected.", "Tom Berg"),
])
def test_a_saying_that_closes_a_comparison_is_the_authors(text, actor):
    assert [s.actor for s in checked_segment(text)] == [actor]


# "One of them said", "several of whom said": a part of a group speaks, and the actor is the group
# (the learned model's source word "them" or "whom" had been the actor itself).
@pytest.mark.parametrize("text, actors", [
    pytest.param("Harbour officials said on Monday that the toll was fair. One of them described the pier as a trap.",
                 ["Harbour officials", "Harbour officials"],
                 marks=pytest.mark.xfail(strict=True, reason="session 24: the model rebuilt on 1,514 articles "
                                                             "scores 'described ... as' under its cue threshold here")),
    ('Harbour officials said on Monday that the toll was fair. "The pier is unsafe," one of them said.',
     ["Harbour officials", "Harbour officials"]),
    ("Harbour officials, several of whom said privately that the pier was unsafe, voted for the toll.",
     ["Harbour officials"]),
])
def test_a_part_of_a_group_speaks_for_the_group(shipped_attribution, text, actors):
    assert [s.actor for s in checked_segment(text, shipped_attribution)] == actors


# A restrictive relative clause with its own verb between the subject and its speech verb ("A
# senior official who sat through the hearing said ..."): the noun phrase before "who" speaks, when
# it opens its clause. Not an apposition after a comma ("X, a pilot who ..., said": X speaks).
@pytest.mark.parametrize("text, actor", [
    ("A senior official who sat through the whole hearing said the toll would stay.", "senior official"),
    ("A western envoy who sits on the harbour board said the toll was fair.", "western envoy"),
    ("Harbour residents who lost their moorings in the storm said the council had been slow.", "Harbour residents"),
    ("Tom Berg of Lima, a pilot who has sailed the strait for years, said the crane was unsafe.", "Tom Berg"),
    ("In Lima, dock workers who lost shifts in May said the crane had failed.", "dock workers"),
])
def test_a_restrictive_relative_before_the_verb(text, actor):
    assert [s.actor for s in checked_segment(text)] == [actor]


@pytest.mark.parametrize("text", [
    "A senior official who" + " sat" * 400 + " said the toll would stay.",
    "who " * 400 + "said.",
])
def test_restrictive_relative_on_pathological_sentences(shipped_attribution, text):
    check_offsets_rules_and_model(text, shipped_attribution)


# An apposition opened by "still" or "already" between the subject and its verb ("The board, still
# at odds with the council, said ..."): the subject speaks.
@pytest.mark.parametrize("text, actor", [
    ("The Harbour Board, still at odds with the council over the pier, said it would agree to a toll only in winter.",
     "Harbour Board"),
    ("The council, already short of money, said the toll would rise.", "council"),
])
def test_an_apposition_opened_by_still_or_already(text, actor):
    assert [s.actor for s in checked_segment(text)] == [actor]
