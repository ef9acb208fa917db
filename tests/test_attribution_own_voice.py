"""Issue #13, ninth round (session 14): sentences in the article's own voice that the rules gave a
speaker (SPEC section 4: a sentence that narrates an action is the article's own; annotation guide,
adjudicated case 12). Sentences written fresh for these tests."""

from __future__ import annotations

import pytest

from .conftest import check_offsets_rules_and_model, checked_segment


# "spoke" with no topic or position up to the end of its clause narrates an action: no actor. With
# a topic ("about", "of", "on"), a manner ("highly"), someone spoken for, a quotation, a colon or a
# participle of speech after it, the speaker is the actor as before.
@pytest.mark.parametrize("text, actor", [
    ("She spoke to Ivo Marten in her office in Velden last week.", None),
    ("Tom Berg spoke next for the Harbour Party.", None),
    ("Mayor Ana Ruiz spoke for twenty minutes and took three questions.", None),
    ("On the day Ana Ruiz spoke in Velden, the pier was closed.", None),
    ("The two mayors met for an hour and then spoke to reporters.", None),
    ("Mayor Ana Ruiz spoke about the toll at length.", "Ana Ruiz"),
    ("Tom Berg spoke highly of the new pier.", "Tom Berg"),
    ("Tom Berg spoke briefly, spending most of the hour on questions.", "Tom Berg"),
    ("Ana Ruiz speaks for thousands of dockers in Velden.", "Ana Ruiz"),
    ("Several members of the port board have spoken in favour.", "members"),
    ("Port officials speak with one voice, arguing that the toll is too high.", "Port officials"),
    ("Ana Ruiz spoke to reporters: the pier would close in May.", "Ana Ruiz"),
    ("Tom Berg spoke to reporters after the vote and said the toll would rise.", "Tom Berg"),
    # (twelfth round, session 17: "on" before a date is no topic; an interview's closing credit)
    ("Ivo Marten spoke to Ana Ruiz by telephone from Velden on May 4.", None),
    ("Tom Berg spoke to reporters in Velden on Tuesday.", None),
    ("Mayor Ana Ruiz spoke on 12 March to the port board.", None),
    ("Tom Berg spoke on the toll for an hour.", "Tom Berg"),
    ("Ana Ruiz spoke on Tuesday about the new pier.", "Ana Ruiz"),
    ("Port officials spoke on Monday against the toll.", "Port officials"),
    # (session 21, issue #14: a time adverb is no manner)
    ("The mayor spoke immediately afterwards.", None),
    ("Tom Berg, who shared the stage, spoke shortly after noon.", None),
])
def test_spoke_without_content_is_the_articles_own_voice(text, actor):
    got = checked_segment(text)
    assert [s.actor for s in got] == [actor]
    assert got[0].kind == ("narrative" if actor is None else "indirect")


def test_spoke_without_content_still_names_the_person_an_answer_label_takes():
    # regression: nulling "He spoke to ..." had left the interview's "A:" answers to an earlier person
    text = ("Port Chief Ana Ruiz has run the Velden port since May.\n\n"
            "Tom Berg, the harbour master, took over in June. He spoke to Ivo Marten in Velden.\n\n"
            "Q: Is the pier safe?\n\nA: It is safe, and it will stay open.\n")
    got = checked_segment(text)
    by_text = {s.text: s.actor for s in got}
    assert by_text["He spoke to Ivo Marten in Velden."] is None
    assert by_text["A: It is safe, and it will stay open."] == "Tom Berg"


@pytest.mark.parametrize("text", [
    "He spoke" + " to the board" * 400 + ".",
    "spoke for " * 500,
    "Ana Ruiz spoke" + ", in Velden" * 300 + ", arguing.",
    "She spoke in " * 400 + "favour.",
])
def test_spoke_rule_on_pathological_sentences(shipped_attribution, text):
    check_offsets_rules_and_model(text, shipped_attribution)


# A seat of power or a capital whose verb narrates an action (data/attribution_action_verbs.txt)
# does not speak for its country: the article's own voice. A position or a reaction still does.
@pytest.mark.parametrize("text, actor", [
    ("Moscow sent the new text to every capital on Monday.", None),
    ("Washington, for its part, has lobbied for a later vote.", None),
    ("The Kremlin will host the next round in the spring.", None),
    ("Moscow has indeed invited amendments to the draft.", None),
    ("Washington was blunter.", "United States"),
    ("Moscow sees the vote the other way round.", "Russia"),
    ("Washington has shown little appetite for a new port deal.", "United States"),
    # (twelfth round, session 17) what the place is or has, a noun phrase after "was", "is" or
    # "has": no saying; a view, an objection or a colon after it is still the country's position
    ("Astana was a quiet river town of wind and grass until 1997.", None),
    ("Moscow has every reason to want the ferry deal signed.", None),
    ("Astana has a reputation for finishing its bridges early.", None),
    ("Washington was the first capital to send a delegation to the pier.", None),
    ("Moscow has a different view of the toll.", "Russia"),
    ("Washington has the same objection to the new pier.", "United States"),
    ("Astana has a simple answer: the toll stays.", "Kazakhstan"),
])
def test_a_seat_of_power_that_narrates_an_action_is_no_speaker(text, actor):
    got = checked_segment(text)
    assert [s.actor for s in got] == [actor]


@pytest.mark.parametrize("text", [
    "Moscow" + ", for its part" * 400 + ", sent it.",
    "Washington has" + " also" * 500 + " sent.",
    "Moscow has a" + " reason" * 500 + ".",
])
def test_seat_action_on_pathological_sentences(shipped_attribution, text):
    check_offsets_rules_and_model(text, shipped_attribution)


# A speech verb with no content of its own in a condition the sentence only supposes ("If X accepts
# that, ...", "until X says how ...", "unless X argues for it") leaves the sentence to the article's
# own voice (annotation guide, adjudicated case 12); a saying that governs the sentence keeps its
# speaker, and a condition with its own content is a source of its own (tests/test_attribution.py:
# "If Ana Ruiz says the pier is safe, Tom Berg insisted, ..." is split).
@pytest.mark.parametrize("text, actor", [
    ("If Tom Berg accepts that, the rest can be settled in May.", None),
    ("The toll will stay until Mayor Ana Ruiz says how the money will be spent.", None),
    ("The pier will stay shut unless Ana Ruiz argues for it in May.", None),
    ("Tom Berg said that if the board accepts the plan, the pier can reopen.", "Tom Berg"),
])
def test_a_saying_in_a_condition_is_the_articles_own_voice(text, actor):
    got = checked_segment(text)
    assert [s.actor for s in got] == [actor]


@pytest.mark.parametrize("text", [
    "If the board" + " accepts" * 400 + ".",
    "until " * 500 + "Tom Berg says.",
])
def test_conditional_saying_on_pathological_sentences(shipped_attribution, text):
    check_offsets_rules_and_model(text, shipped_attribution)


# A decision, a briefing without its content and an arrival expected are narrated actions (SPEC
# section 4; annotation guide, adjudicated case 13); "agreed that", "briefed reporters that" and
# "is expected to" keep their subject (PolNeAR counts "is expected to" as an attribution).
@pytest.mark.parametrize("text, actor", [
    ("Port officials agreed in principle on Monday to hold a vote in May.", None),
    ("Mayor Ana Ruiz and Tom Berg agreed in Velden on Friday to study a new toll.", None),
    ("Tom Berg briefed the port board on the repairs for an hour.", None),
    ("Mayor Ana Ruiz is expected in Velden on Tuesday.", None),
    ("The two mayors are expected back at the table on Monday.", None),
    ("Who could object to such a pier?", None),
    ("Union leaders agreed in 2008 to a new shift rota.", "Union leaders"),
    ("Tom Berg briefed reporters that the pier would close.", "Tom Berg"),
    ("Tom Berg is expected to announce the toll on Monday.", "Tom Berg"),
    # (twelfth round, session 17) questions answered without their answers narrate an action;
    # "answered that", a colon, a participle of speech, "about" (PolNeAR counts "answering
    # questions about X") or answers to someone keep the speaker
    ("Mayor Ana Ruiz briefed the board on the repairs and answered their questions for an hour.", None),
    ("At the hearing, Port Chief Tom Berg answered questions from members on the toll bill.", None),
    ("Ana Ruiz came from Lima in May to present the bill and answer a few questions.", None),
    ("Tom Berg answered that the pier was safe.", "Tom Berg"),
    ("Tom Berg answered the questions: the pier was safe.", "Tom Berg"),
    ("Ana Ruiz answered questions on the toll, saying it would rise.", "Ana Ruiz"),
    ("Ana Ruiz toured the pier, answering questions about her campaign.", "Ana Ruiz"),
    ("Tom Berg answered his critics in a long letter.", "Tom Berg"),
])
def test_a_decision_a_briefing_or_an_arrival_is_the_articles_own_voice(text, actor):
    got = checked_segment(text)
    assert [s.actor for s in got] == [actor]


@pytest.mark.parametrize("text", [
    "The board agreed" + " in principle" * 300 + " to.",
    "Tom Berg briefed" + " the board on" * 400 + ".",
    "She is expected" + " in Velden" * 400 + ".",
    "Tom Berg answered their questions" + " on the toll" * 400 + ".",
    "She answered" + " their" * 400 + " questions.",
    "Who " * 500 + "said?",
])
def test_narrated_action_on_pathological_sentences(shipped_attribution, text):
    check_offsets_rules_and_model(text, shipped_attribution)


# A proposal, a promise or a wish recalled in a relative clause whose object is the noun it hangs on,
# with only a time or a place after the verb, leaves the sentence to the author (annotation guide,
# adjudicated cases 12 and 13); a relative clause with a saying and its content is left as it was.
@pytest.mark.parametrize("text, actor", [
    ("The pier, which Mayor Ana Ruiz first proposed in Velden in 2019, is still unbuilt.", None),
    ("On Monday the board published the Harbour Charter that Mayor Ana Ruiz proposed in May.", None),
    ("The toll is not the package Tom Berg promised in Velden.", None),
    ("The vote will give the board the photograph Mayor Ana Ruiz wants, with the whole board behind her.", None),
    ("Tom Berg said the board would publish the plan that Ana Ruiz proposed in May.", "Tom Berg"),
])
def test_a_proposal_recalled_in_a_relative_clause_is_the_articles_own_voice(text, actor):
    got = checked_segment(text)
    assert [s.actor for s in got] == [actor]


@pytest.mark.parametrize("text", [
    "the plan that " * 400 + "Ana Ruiz proposed in May.",
    "The pier" + ", which Tom Berg proposed in May" * 200 + ".",
])
def test_relative_proposal_on_pathological_sentences(shipped_attribution, text):
    check_offsets_rules_and_model(text, shipped_attribution)


def test_the_model_does_not_take_a_proposal_recalled_again(shipped_attribution):
    # regression: the rules left "the form Mayor Ruiz proposed:" to the author, and the learned model
    # then named Ruiz from the same word; after "spoke" or a condition it may still take a later cue
    text = "Our view is that it cannot, at least not in the form Mayor Ruiz proposed: a toll that high has no chance."
    got = checked_segment(text, shipped_attribution)
    assert [s.actor for s in got] == [None]
