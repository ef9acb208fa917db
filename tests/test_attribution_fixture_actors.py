"""Issue #14 end to end / #13 guards, tenth round (session 15): actors that segment() gave our
fixtures' statements wrongly, fixed as general rules (SPEC section 4). Sentences written fresh for
these tests."""

from __future__ import annotations

import pytest

from stancekit import segment

from .conftest import check_offsets_rules_and_model, checked_segment


# A verb of habit ("likes to"), "went on to", "took care to" or "took to" a platform ("Twitter", "the
# airwaves"; not "the streets") before a speech verb: the subject of the habit speaks. Not inside an
# earlier speaker's content, nor in an aside in parentheses.
@pytest.mark.parametrize("text, actor", [
    ("The Harbour Board likes to say that the pier is the safest on the coast.", "Harbour Board"),
    ("Mayor Ana Ruiz loves to remind reporters that the toll has not risen in ten years.", "Ana Ruiz"),
    ("Tom Berg went on to say that the ferry would keep its old timetable.", "Tom Berg"),
    ("Port Chief Ivo Marten took care to add that no jobs would be lost.", "Ivo Marten"),
    ("Tom Berg took to Twitter to say that the ferry would keep its old timetable.", "Tom Berg"),
    ("Mayor Ana Ruiz took to the airwaves on Monday to warn that the toll would rise.", "Ana Ruiz"),
    ("The dockers took to the streets to denounce the toll.", None),
    ("The Harbour Union regrets that some councillors like to claim the toll is fair.", "Harbour Union"),
    ("The toll is too high (as the mayor likes to remind us), and the pier is old.", None),
])
def test_a_habit_before_a_speech_verb_names_its_subject(text, actor):
    assert [s.actor for s in checked_segment(text)] == [actor]


@pytest.mark.parametrize("text", [
    "The board likes to" + " say to" * 500 + " say.",
    "(" * 300 + "He went on to add" + " that" * 300,
    "took care to " * 400 + "add.",
    "took to Twitter to " * 400 + "say.",
    "He took to" + " Twitter" * 500 + " to say.",
    "She took to the" + " to say" * 500 + ".",
])
def test_habit_rule_on_pathological_sentences(shipped_attribution, text):
    check_offsets_rules_and_model(text, shipped_attribution)


# "put" with a thing placed on a website, an agenda, a table or paper, or a name put to a text,
# narrates an action (SPEC section 4); "as X put it", "put forward", "put the cost at" stay sayings.
@pytest.mark.parametrize("text, actor", [
    ("On Monday the Harbour Board put the text of its new toll on its website.", None),
    ("Dmitry Orlov put the draft of his plan on the Harbour Board's website.", None),
    ("The port council has put the pier on the agenda for May.", None),
    ("It is the first time the dockers have put their demands on paper.", None),
    ("Since May, when the board put its toll plan online, the ferries have emptied.", None),
    ("Every member of the council put its name to the declaration.", None),
    ("As Ana Ruiz put it, the pier is older than the town.", "Ana Ruiz"),
    ("Tom Berg put the cost of the pier at ten million.", "Tom Berg"),
    ("Mayor Ana Ruiz put forward a plan to close the pier in May.", "Ana Ruiz"),
    # (twelfth round, session 17) at the head or the top of a list, past a ", not ...," aside;
    # names put to a text, or a name put with nothing after it
    ("Norland, which holds the chair this year, has put the ferry talks, not the toll, at the head of its list.", None),
    ("The port board has put the toll at the top of the agenda for Monday.", None),
    ("Ana Ruiz and Tom Berg put their names to a new pier deal in Velden last Thursday.", None),
    ("It is a rule to which every port in Norland has already put its name.", None),
    ("Tom Berg put the cost, not the toll, at two million.", "Tom Berg"),
    ("Tom Berg put it, not for the first time, bluntly: the pier is unsafe.", "Tom Berg"),
])
def test_put_on_a_website_or_an_agenda_is_an_action(shipped_attribution, text, actor):
    for model in (None, shipped_attribution):
        assert [s.actor for s in checked_segment(text, model)] == [actor]


@pytest.mark.parametrize("text", [
    "The board put" + " the text" * 500 + " on its website.",
    "put on " * 500 + "the agenda.",
    "He put it on the Harbour Board's" + " Harbour's" * 400 + " website.",
    "They put the toll" + ", not the pier" * 400 + ", at the head of the list.",
])
def test_put_rule_on_pathological_sentences(shipped_attribution, text):
    check_offsets_rules_and_model(text, shipped_attribution)


# A possessor's reply, answer or position opening the sentence and stated after a copula ("that", a
# colon, or an adjective of reaction) is the possessor's position; a reaction adjective after a
# name ("is more diplomatic", "are less sure") reports the subject's position.
@pytest.mark.parametrize("text, actor", [
    ("Lund's reply is that the pier is a process, not a single repair.", "Lund"),
    ("The Harbour Board's answer is that the toll will stay where it is.", "Harbour Board"),
    ("The Harbour Board's position has been consistent: the pier stays open.", "Harbour Board"),
    ("Tom Berg spoke first. His answer was blunter.", "Tom Berg"),
    ("Mayor Tom Berg spoke about the pier on Monday. The mayor's tone was more measured.", "Tom Berg"),
    ("Mayor Ana Ruiz is more diplomatic in public.", "Ana Ruiz"),
    ("Analysts are less sure.", "Analysts"),
    ("The Harbour Board's position was weak.", None),
    ("The Harbour Board's line has not moved.", None),
    # (session 21, issue #14) a superlative of reaction: "the most enthusiastic", "the least keen",
    # after a seat of power too (not "was the host", nor "the most important partner")
    ("Moscow was the most enthusiastic.", "Russia"),
    ("Washington has been the most cautious.", "United States"),
    ("Lima was the least keen of the three.", "Lima"),
    ("Moscow was the host.", None),
    ("Moscow was the most important partner.", None),
])
def test_a_possessors_reply_and_a_reaction_name_their_source(text, actor):
    assert checked_segment(text)[-1].actor == actor


@pytest.mark.parametrize("text", [
    "The Harbour" + " Board" * 500 + "'s reply is that.",
    "The " + "A" * 3000 + "'s answer was " + "b" * 3000,
    "His answer was" + " more" * 500 + " blunt",
    "Lund's reply is" + " :" * 500,
    "Moscow was the most" * 400 + " enthusiastic.",
])
def test_possessive_position_on_pathological_sentences(shipped_attribution, text):
    check_offsets_rules_and_model(text, shipped_attribution)


# An interviewer named in the header with accented letters asks the questions (annotation guide:
# questions are the interviewer's; an ASCII-only name pattern left them to the publication).
@pytest.mark.parametrize("header, interviewer", [
    ("Interview with Ivo Marten, the harbour master, by Rasa Kalniņa", "Rasa Kalniņa"),
    ("Interview by Žaneta Ruiz-Šimková", "Žaneta Ruiz-Šimková"),
    ("Interview with Ivo Marten, the harbour master, by Lena Hofbauer", "Lena Hofbauer"),
])
def test_an_accented_interviewer_asks_the_questions(header, interviewer):
    text = (header + "\nPublication: Harbour Affairs Review | Issue 3\n\n"
            "Q: Is the pier safe? Marten: It is safe, and it will stay open.\n\n"
            "Q: Will the toll rise? Marten: Not this year.\n")
    got = checked_segment(text)
    questions = [s for s in got if s.text.startswith("Q:")]
    assert questions and all(s.actor == interviewer for s in questions)


@pytest.mark.parametrize("text", [
    "Interview with " + "Ņ" * 3000 + " by " + "Ša " * 1000,
    "Interview by " + "Ž-" * 2000,
    "Interview with X, by " + "Rasa-" * 1000 + "\n\nQ: Why?",
])
def test_interviewer_names_on_pathological_headers(shipped_attribution, text):
    check_offsets_rules_and_model(text, shipped_attribution)


# An inverted tag naming an unnamed person by a title after lowercase or capitalised modifiers
# ("said an oil executive", "said a Western bank manager") is a new speaker, not the last one.
@pytest.mark.parametrize("text, actor", [
    ('"The toll is too high," said an oil executive in Lund.', "oil executive"),
    ('Tom Berg called the pier "more than a jetty". "They want a new pier," said a Western bank manager'
     ' in Lund.', "Western bank manager"),
    ('"The ferry is late again," said a harbour engineer.', "harbour engineer"),
    ('"The pier is safe," said Harbour Board chief engineer Ana Ruiz.', "Ana Ruiz"),
])
def test_a_described_tag_after_a_quotation_is_a_new_speaker(text, actor):
    assert checked_segment(text)[-1].actor == actor


@pytest.mark.parametrize("text", [
    '"No," said an' + " oil" * 500 + " executive.",
    '"No," said a Western' + " bank" * 500 + " manager in" + " Lund" * 300 + ".",
])
def test_described_tag_on_pathological_sentences(shipped_attribution, text):
    check_offsets_rules_and_model(text, shipped_attribution)


# A parenthetical tag between commas whose subject is a plural noun of no list ("engineers",
# "logisticians") names that group; a pronoun or a function word there is left to the other rules.
@pytest.mark.parametrize("text, actor", [
    ("The pier, engineers say, is older than the town.", "engineers"),
    ("For now, logisticians say, the priority is to keep the ferries moving.", "logisticians"),
    ("The toll, harbour skippers argued, is too high.", "harbour skippers"),
    ("The pier, this says, is safe.", None),
])
def test_a_parenthetical_tag_with_a_plural_subject_names_the_group(text, actor):
    assert [s.actor for s in checked_segment(text)] == [actor]


@pytest.mark.parametrize("text", [
    "The pier, " + "a" * 5000 + " say, is safe.",
    "The pier" + ", engineers" * 500 + " say, is safe.",
    "The pier, " + "ab " * 2000 + "says",
])
def test_plural_tag_on_pathological_sentences(shipped_attribution, text):
    check_offsets_rules_and_model(text, shipped_attribution)


# Plural nouns of people in news ("workers", "farmers", "police") head a group that speaks:
# "Harbour workers said" had the actor "Harbour", and a relative clause after them left no speaker.
@pytest.mark.parametrize("text, actor", [
    ("Harbour workers said the pier was older than the town.", "Harbour workers"),
    ("Harbour workers, who held a news conference in Lund, said the vote had been staged.", "Harbour workers"),
    ("Farmers are less sure.", "Farmers"),
    ("Lund police, who closed the pier on Monday, reported no serious damage.", "Lund police"),
])
def test_plural_people_nouns_head_a_speaking_group(text, actor):
    assert [s.actor for s in checked_segment(text)] == [actor]


# An unnamed source's actor is its description without the relative clause that tells it apart
# (annotation guide 5.3: a name, not a sentence); the mention keeps the words. An anonymous
# source's phrase stays in the actor ("people close to the mayor": test_segment.py).
@pytest.mark.parametrize("text, actor, mention", [
    ('"The pier is safe," said a harbour official who spoke on condition of anonymity.',
     "harbour official", None),
    ("According to three delegations that took part in the drafting, the toll was the sticking point.",
     "delegations", None),
    ("Several of the pilots present said the pier was too short.", "pilots", None),
    ("Diplomats who have seen the plan said it was weak.", "Diplomats", "Diplomats who have seen the plan"),
])
def test_an_unnamed_sources_actor_drops_its_relative_clause(text, actor, mention):
    got = checked_segment(text)
    assert got[0].actor == actor
    if mention is not None:
        assert got[0].actor_mention == mention


@pytest.mark.parametrize("text", [
    '"No," said a harbour official' + " who spoke" * 500 + ".",
    '"No," said the pilots' + " present" * 500 + ".",
    '"No," said people familiar with' + " who" * 400 + " the plan.",
])
def test_description_head_on_pathological_sentences(shipped_attribution, text):
    check_offsets_rules_and_model(text, shipped_attribution)


# Studied on fixtures/train and not reached (tenth round, session 15): a verb of viewing with "as"
# ("sees the toll as a trap": the cue side).
@pytest.mark.xfail(strict=True, reason="session 15, actors on our fixtures: studied, not reached")
@pytest.mark.parametrize("text, actor", [
    ("Karl Berg, a fellow at the Lund Institute, sees the toll as a trap.", "Karl Berg"),
])
def test_positions_not_reached_yet(text, actor):
    assert segment(text, attribution=None)[0].actor == actor


# An aside between the subject and its verb (", for its part,", ", however,") is no opening phrase:
# the subject before it holds the position after the copula.
@pytest.mark.parametrize("text, actor", [
    ("The Harbour Board, for its part, appeared unmoved.", "Harbour Board"),
    ("The Harbour Board, however, was more cautious.", "Harbour Board"),
    ("Harbour officials, for their part, were more cautious.", "Harbour officials"),
    ("On Monday, however, the board met.", None),
])
def test_an_aside_after_the_subject_keeps_it(text, actor):
    assert [s.actor for s in checked_segment(text)] == [actor]


@pytest.mark.parametrize("text", [
    "The board" + ", however," * 500 + " was cautious.",
    "The board, for its part" * 300 + ", was cooler.",
])
def test_aside_on_pathological_sentences(shipped_attribution, text):
    check_offsets_rules_and_model(text, shipped_attribution)


# A possessive, a description and the name it gives open the clause ("Her colleague X, ...",
# "Norway's harbour minister, X, ..."): the name is the subject of the position after the copula,
# and a later "he" is that person.
@pytest.mark.parametrize("text, actor", [
    ("Her colleague Pavel Orlov, a former diplomat, was more cautious.", "Pavel Orlov"),
    ("Norway's harbour minister, Ari Lento, was more open.", "Ari Lento"),
    ("Tom Berg spoke first. Norway's harbour minister, Ari Lento, was more open. He said the pier was old.",
     "Ari Lento"),
    ("His brother Tom was more cautious.", None),
])
def test_a_possessive_description_before_a_name_gives_the_subject(text, actor):
    assert checked_segment(text)[-1].actor == actor


@pytest.mark.parametrize("text", [
    "Her" + " colleague" * 500 + " Pavel Orlov was more cautious.",
    "Norway's minister, " + "Ari " * 1000 + ", was more open.",
])
def test_possessive_subject_on_pathological_sentences(shipped_attribution, text):
    check_offsets_rules_and_model(text, shipped_attribution)


# "The statement said ..." is the statement of the body or country that spoke last (as "the paper"
# is the publication that spoke last); with no such body it stays as it was.
def test_the_statement_is_the_last_bodys():
    text = ("The Lund Harbour Ministry said on Monday that the pier was safe.\n\n"
            '"The repairs are a success," the statement added.\n')
    got = checked_segment(text)
    assert [s.actor for s in got] == ["Lund Harbour Ministry", "Lund Harbour Ministry"]
    assert got[1].actor_mention == "the statement"
