"""Issue #13, ninth round (session 14): statements that held two attributions, and pronoun
sources. Sentences written fresh for these tests."""

from __future__ import annotations

import pytest

from stancekit import segment

from .conftest import check_offsets, check_offsets_rules_and_model, checked_segment


# A share of a group as the subject of a second clause ("..., and a third said ...", "...; about
# 30 percent said ...") is a source of its own, even of the first clause's group: two statements,
# each with its share as the mention (the rules alone, and so with a model too).
@pytest.mark.parametrize("text, expected", [
    ("Four in 10 residents back the toll plan, and a third said it should rise.",
     [("Four in 10 residents back the toll plan,", "residents", "Four in 10 residents"),
      ("and a third said it should rise.", "residents", "a third")]),
    ("Even so, most members said the pier was safe; about 30 percent said it was not.",
     [("Even so, most members said the pier was safe;", "members", "most members"),
      ("about 30 percent said it was not.", "members", "about 30 percent")]),
    # a digit after the conjunction opens the share too
    ("Nearly half of the dockers said they would strike, but 2 in 10 said they would not.",
     [("Nearly half of the dockers said they would strike,", "dockers", "Nearly half of the dockers"),
      ("but 2 in 10 said they would not.", "dockers", "2 in 10")]),
    # "three-fourths", "nine of 10", and a share after a colon in the first clause
    ("Half of the dockers said the pier was safe, and three-fourths say the toll is too high.",
     [("Half of the dockers said the pier was safe,", "dockers", "Half of the dockers"),
      ("and three-fourths say the toll is too high.", "dockers", "three-fourths")]),
    ("More than eight of 10 dockers fear for the pier; most said the repairs came too late.",
     [("More than eight of 10 dockers fear for the pier;", "dockers", "More than eight of 10 dockers"),
      ("most said the repairs came too late.", "dockers", "most")]),
    ("The port is split: a 60% majority of dockers back the strike; a 40% minority of clerks oppose it.",
     [("The port is split: a 60% majority of dockers back the strike;", "dockers", "a 60% majority of dockers"),
      ("a 40% minority of clerks oppose it.", "clerks", "a 40% minority of clerks")]),
    # a source before the share that is no share: two statements too (no group named: the share)
    ("Ana Ruiz said the pier was safe, and a third said it was not.",
     [("Ana Ruiz said the pier was safe,", "Ana Ruiz", "Ana Ruiz"),
      ("and a third said it was not.", "a third", "a third")]),
    # a digit after a semicolon, and "more than" a share after ", and" (session 20; regression: one
    # statement, the second share's words given to the first)
    ("Roughly 35 percent of ferry riders questioned in May backed the board; 25 percent called the mayor the better judge.",
     [("Roughly 35 percent of ferry riders questioned in May backed the board;", "ferry riders",
       "Roughly 35 percent of ferry riders questioned in May"),
      ("25 percent called the mayor the better judge.", "ferry riders", "25 percent")]),
    ("Two-thirds of the dockers called the toll too high, and more than 3 in 10 argued the mayor would do better.",
     [("Two-thirds of the dockers called the toll too high,", "dockers", "Two-thirds of the dockers"),
      ("and more than 3 in 10 argued the mayor would do better.", "dockers", "more than 3 in 10")]),
    # "more than" with no share after it continues the first clause: one statement
    ("The mayor said the toll was fair, and more than that, she said it was overdue.",
     [("The mayor said the toll was fair, and more than that, she said it was overdue.", "mayor", "The mayor")]),
    # no saying after the share: one statement
    ("Ana Ruiz said the pier was safe, and a third of the pier was closed.",
     [("Ana Ruiz said the pier was safe, and a third of the pier was closed.", "Ana Ruiz", "Ana Ruiz")]),
    # no source in the first clause: one statement
    ("The pier was closed in May, and a third said it was unsafe.",
     [("The pier was closed in May, and a third said it was unsafe.", None, None)]),
])
def test_a_share_in_the_second_clause_is_a_source_of_its_own(text, expected):
    got = checked_segment(text)
    assert [(s.text, s.actor, s.actor_mention if s.actor else None) for s in got] == expected


# "others", "another", "one", "some", "none" before a speech verb in the second clause: a source
# that only a learned model names; the sentence is split when the first clause has a source of its
# own ("One says ..., while another says ...": the model names both).
@pytest.mark.parametrize("text, actors", [
    ("One says the pier is the oldest in the region, while another says it is the newest.", ["One", "another"]),
    ("Some residents said the pier was safe, while others said it was not.", ["residents", "others"]),
])
def test_the_model_splits_a_second_clause_led_by_others_or_another(shipped_attribution, text, actors):
    got = checked_segment(text, shipped_attribution)
    assert [s.actor for s in got] == actors
    assert len(segment(text, attribution=None)) == 1  # the rules alone name no "others"


@pytest.mark.parametrize("text", [
    "Four in 10 residents said it" + ", and a third said it" * 300 + ".",
    "Most said it" + "; 30 percent" * 400 + " said.",
    "One says it" + ", while another says" * 300 + ".",
    "but 2 in 10" * 500,
    "A divide: " * 300 + "most said it; a third said no.",
    "nine of 10 of " * 400 + "said.",
])
def test_share_split_on_pathological_sentences(shipped_attribution, text):
    check_offsets_rules_and_model(text, shipped_attribution)


# A verb of informing in the passive names its agent as the source when a "that" clause follows the
# agent ("was advised by X that ..."); without it, an action ("was advised by X on the repairs").
@pytest.mark.parametrize("text, actor", [
    ("The council was advised by engineer Paolo Ferri that the bridge needed repairs.", "Paolo Ferri"),
    ("The board was reminded by Mayor Ana Ruiz that the pier was closed.", "Ana Ruiz"),
    ("The council was advised by engineer Paolo Ferri on the bridge repairs.", None),
    ("Tom Berg has advised Port Velden on its budget for years.", None),
])
def test_a_passive_verb_of_informing_with_a_that_clause_names_its_agent(text, actor):
    got = checked_segment(text)
    assert got[0].actor == actor


@pytest.mark.parametrize("text", [
    "The council was advised by " + "Ana " * 2000 + "that it rained.",
    "was advised by " * 500 + "that.",
])
def test_passive_informing_on_pathological_sentences(shipped_attribution, text):
    check_offsets_rules_and_model(text, shipped_attribution)


# An inverted tag after a comma with no quotation ("The plan is late, said Tom Berg, ...") names the
# speaker for the rules too, before a verb inside a relative clause after it ("who notes that Velden
# Steel has vowed ..." had given Velden Steel). A long title that names an organisation first ("said
# Velden Institute of Port Studies senior scholar Tom Berg") was the model's until session 17, when
# the rules learned to run over it (_inverted_end, aece800).
@pytest.mark.parametrize("text, actor", [
    ("The pier is too old, said Tom Berg.", "Tom Berg"),
    ("The toll is too low, said Tom Berg, a port economist, who adds that Velden Steel has promised to trim "
     "its fleet.", "Tom Berg"),
    ("The pier is too old, says Mayor Ana Ruiz of the port board.", "Ana Ruiz"),
    ("The pier is too old, said Tuesday.", None),
    ("The pier, said Tom Berg, is too old.", None),  # a tag inside the clause: the model's
    ("The chair had little room, said Velden Institute of Port Studies senior scholar Tom Berg, since no one "
     "could act.", "Tom Berg"),
])
def test_an_unquoted_inverted_tag_names_the_speaker(text, actor):
    got = checked_segment(text)
    assert got[0].actor == actor


@pytest.mark.parametrize("text", [
    "It is late" + ", said Tom Berg" * 400 + ".",
    "It is late, said " + "Tom " * 2000 + "of the board.",
    ", said" * 1000,
])
def test_unquoted_inverted_tag_on_pathological_sentences(shipped_attribution, text):
    check_offsets_rules_and_model(text, shipped_attribution)


# A plural noun after a preposition that opens no clause is no verb ("Alongside union calls for a
# strike, X said ...": "calls" had named the union), so the sentence's own cue names the speaker.
@pytest.mark.parametrize("text, actor", [
    ("Alongside union calls for a strike, Mayor Ana Ruiz said the port would stay open.", "Ana Ruiz"),
    ("Despite Velden Port claims of a surplus, Ana Ruiz said the budget was short.", "Ana Ruiz"),
    ("Amid council warnings of a deficit, Tom Berg argued that the toll should rise.", "Tom Berg"),
])
def test_a_plural_noun_after_a_preposition_is_no_cue(text, actor):
    got = checked_segment(text)
    assert got[0].actor == actor


def _model_preferring_names(cue_threshold: float = 0.0):
    """A hand-made model: "grumbled" a cue; a capitalised word scores 5 as its source, a pronoun 0
    (under the source threshold), so that the ranker alone would take a name after the cue."""
    from stancekit.attribution import AttributionModel
    meta = {"format": "stancekit-attribution/1", "cue_bias": 0.0, "source_bias": 0.0, "cue_threshold": cue_threshold,
            "source_threshold": 0.0, "vocab": ["grumbled"]}
    return AttributionModel({"w=grumbled": 0.5}, {"kind=cap": 5.0, "run_end=True": 1.0}, meta)


# A subject pronoun that opens the statement is the source of the learned model's cue in its
# predicate, not a noun after the cue or inside the predicate ("She opened the week with a
# speech in Velden given over to ..." had the actor Velden); not an expletive "it" ("It's been ...").
@pytest.mark.parametrize("text, mention", [
    ("Ana Ruiz came in. She grumbled all week about the ferry in Velden.\n", "She"),
    ("Ana Ruiz came in. Then she grumbled all week about the ferry in Velden.\n", "she"),
    ("Ana Ruiz came in. It was Velden that grumbled most.\n", "Velden"),
    ("Ana Ruiz came in. The ferry grumbled into Velden.\n", "Velden"),  # no pronoun opens it: the ranker's
])
def test_an_opening_pronoun_is_the_model_source_over_a_later_noun(text, mention):
    got = segment(text, attribution=_model_preferring_names())
    check_offsets(text, got)
    assert got[-1].actor_mention == mention


# A sentence of a quotation whose tag is in another sentence takes the tag's mention with its
# apposition (PolNeAR's Source of every sentence of the quotation), not a later bare "Berg".
def test_a_quotation_sentence_takes_the_nearest_mention_with_its_apposition():
    text = ('"The shops cannot carry the toll," said Tom Berg, the chair of the Velden Shopkeepers Union. '
            '"The mayor never listens," which Berg blames on the election. "She treats the harbour as her own."')
    got = checked_segment(text)
    assert [s.actor for s in got] == ["Tom Berg"] * 3
    assert got[0].actor_mention == "Tom Berg, the chair of the Velden Shopkeepers Union"
    assert got[1].actor_mention == "Berg"  # named in its own sentence
    assert got[2].actor_mention == got[0].actor_mention


# A relative "who" after a name and a comma names the speaker of the verb of saying in its clause
# for the rules too ("The order came from Mayor Ana Ruiz, who said ..."): the name is the actor,
# "who" the mention (PolNeAR's Source of that cue).
@pytest.mark.parametrize("text, actor, mention", [
    ("The order came from Mayor Ana Ruiz, who said the pier was unsafe.", "Ana Ruiz", "who"),
    ("The dockers cheered for Ana Ruiz, who has long complained about the toll.", "Ana Ruiz", "who"),
    ("The pier, who said it, is old.", None, None),  # no name before the comma
    ("Ivo Tamm, who spoke first, left early.", None, None),  # the relative clause does not close it
])
def test_a_relative_who_after_a_name_names_the_speaker(text, actor, mention):
    got = checked_segment(text)
    assert (got[0].actor, got[0].actor_mention) == (actor, mention)


@pytest.mark.parametrize("text", [
    "Ana Ruiz" + ", who" * 800 + " said it.",
    "Ana Ruiz, who" + " long" * 800 + " said it.",
])
def test_relative_who_on_pathological_sentences(shipped_attribution, text):
    check_offsets_rules_and_model(text, shipped_attribution)
