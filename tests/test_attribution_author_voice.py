"""Issue #13 guards / #14 end to end, fourteenth round (session 19): sentences in the article's own
voice that segment() gave an actor (SPEC section 4; annotation guide, adjudicated case 12).
Sentences written fresh for these tests."""

from __future__ import annotations

import pytest

from stancekit.attribution import AttributionModel

from .conftest import check_offsets_rules_and_model, checked_segment


# A speech verb that closes a comparison with its subject after "than": a quantifier with a place
# ("than many in Velden expected"), a part of a group ("than some of its critics allow"), a subject
# the rules find no noun phrase for ("than many had expected"), an object and an infinitive ("than
# most in Lima expected it to go"). The author's measure, at both points (the learned model does not
# take the word either). A number compared names the speakers; a clause of its own still speaks.
@pytest.mark.parametrize("text, actor", [
    ("The ferry board moved faster than many had expected.", None),
    ("The new pier is a bigger prize than many in Velden expected a year ago.", None),
    ("The bridge plan has travelled further than most in Lima expected it to go.", None),
    ("The harbour master ran the winter timetable with more care than some of his critics allow.", None),
    ("Those replies were sharper than her rivals admit.", None),
    ("More than 200 residents said in a letter that the pier should close.", "residents"),
    ("The toll rose faster than Ana Ruiz said it would.", "Ana Ruiz"),
    ("Tom Berg said the toll rose faster than many had expected.", "Tom Berg"),
])
def test_a_comparison_closed_by_a_saying_is_the_authors(shipped_attribution, text, actor):
    assert [s.actor for s in checked_segment(text)] == [actor]
    assert [s.actor for s in checked_segment(text, shipped_attribution)] == [actor]


@pytest.mark.parametrize("text", [
    "The pier is bigger than" + " many" * 400 + " expected.",
    "than " * 500 + "expected.",
    "More than many in Velden expected it to" * 200,
])
def test_comparison_rule_on_pathological_sentences(shipped_attribution, text):
    check_offsets_rules_and_model(text, shipped_attribution)


# A seat of power or a capital that has been or will be something ("has been an energetic host",
# "will be the first stop"), or that prepared, produced or got something, narrates no saying: the
# article's own voice. A critic, an opponent or a supporter is still the country's position, and
# "has yet to decide" is left as it was.
@pytest.mark.parametrize("text, actor", [
    ("Admittedly, Velden has been a patient host, but patience is not the same thing as a timetable.", None),
    ("Moscow has been the busiest port of call this spring.", None),
    ("Astana will be the first stop on the new ferry line.", None),
    ("Moscow has not yet produced a timetable for the ferry.", None),
    ("Astana will get its pier, and Washington will get a footnote at most.", None),
    ("Washington has prepared for the vote with great care.", None),
    ("Moscow has been the loudest critic of the toll.", "Russia"),
    ("Washington has been a steady supporter of the new pier.", "United States"),
    ("Washington has yet to decide.", "United States"),
])
def test_what_a_seat_of_power_has_been_or_got_is_the_authors(text, actor):
    assert [s.actor for s in checked_segment(text)] == [actor]


@pytest.mark.parametrize("text", [
    "Moscow has been" + " not yet" * 400 + " a host.",
    "Astana will be" + " been" * 500 + " the host.",
])
def test_seat_been_on_pathological_sentences(shipped_attribution, text):
    check_offsets_rules_and_model(text, shipped_attribution)


# A wish, a promise or an acceptance recalled in a relative clause whose subject opens with a
# quantifier ("that many delegations had wanted", "that most of Velden wanted", "that all the
# members accepted long ago"): the author's sentence (annotation guide, adjudicated cases 12 and
# 13). A quantified subject of the main clause still speaks; "said" in a relative is left to the
# learned model, as before.
@pytest.mark.parametrize("text, actor", [
    ("The port board left without the timetable that many delegations had wanted.", None),
    ("The plan that most of Velden wanted on the agenda was dropped.", None),
    ("The rules that all the members accepted long ago still hold.", None),
    ("The bridge, which several captains want on the agenda too, has its own history.", None),
    ("Many dockers wanted the plan dropped.", "dockers"),
    ("Most of the delegations wanted the summit in May.", "delegations"),
])
def test_a_wish_recalled_in_a_relative_with_a_quantified_subject_is_the_authors(text, actor):
    assert [s.actor for s in checked_segment(text)] == [actor]


@pytest.mark.parametrize("text", [
    "The plan that" + " most of" * 400 + " Velden wanted.",
    "The rules that" + " all" * 500 + " accepted long ago.",
])
def test_quantified_relative_on_pathological_sentences(shipped_attribution, text):
    check_offsets_rules_and_model(text, shipped_attribution)


# "nothing" is no source of the learned model ("nothing said at the meeting changed that"); a
# negative subject speaks for no one (data/attribution_non_sources.txt).
@pytest.mark.parametrize("text, actor", [
    ("The old ferry is in worse shape than ever, and nothing said at the harbour meeting changed that.", None),
    ("Nothing said on the quay that night could calm the dockers.", None),
    ("Tom Berg said nothing had changed.", "Tom Berg"),
])
def test_nothing_is_no_speaker_of_the_model(shipped_attribution, text, actor):
    assert [s.actor for s in checked_segment(text, shipped_attribution)] == [actor]


# "agreed" with a clause that decides a meeting ("that the towns would meet again in May", "that a
# summit would be held", "that X would chair the board"), across a time, a place or an aside: a
# collective decision narrated as a meeting's outcome (annotation guide, adjudicated case 13). A
# judgement after "agreed that" ("could at least restate", "would be safe") and "agreed with the
# view that" keep their subject.
@pytest.mark.parametrize("text, actor", [
    ("On the last evening the port ministers agreed, without a vote, that the harbour towns would meet again in May.", None),
    ("Port officials agreed in March, after a debate that nobody enjoyed, that their councils should gather in Velden.", None),
    ("Port officials agreed at their meeting in Lima in 2004 that Velden would chair the ferry board in 2006.", None),
    ("By Friday the ministers had agreed, with no objection recorded, that a summit would be held in Velden.", None),
    ("Port officials agreed that the pier would be safe by May.", "Port officials"),
    ("Port officials agreed that a summit could at least restate the old rules.", "Port officials"),
    ("Port officials agreed with the view that the board would meet too rarely.", "Port officials"),
    ("Lena Arvidsson agreed that the plan was premature.", "Lena Arvidsson"),
])
def test_a_meeting_decided_after_agreed_that_is_the_authors(text, actor):
    assert [s.actor for s in checked_segment(text)] == [actor]


@pytest.mark.parametrize("text", [
    "The board agreed" + ", after a vote that" * 300 + " it would meet.",
    "The board agreed that" + " it would" * 400 + " meet.",
    "agreed , that " * 400,
])
def test_agreed_decision_on_pathological_sentences(shipped_attribution, text):
    check_offsets_rules_and_model(text, shipped_attribution)


# "is expected to" with a verb of arriving or meeting ("are expected to attend the meeting", "is
# expected to arrive in Velden"), and a reduced relative of arrival ("the delegates expected at the
# conference"), narrate a plan, not a saying (SPEC section 4). "is expected to announce", "to
# reject" keep their subject, as PolNeAR counts them; "expected at least" is no arrival.
@pytest.mark.parametrize("text, actor", [
    ("Mayor Ana Ruiz is expected to arrive in Velden on Tuesday.", None),
    ("The port ministers were also expected to meet the dockers' union.", None),
    ("Volunteers were folding name cards for the delegates expected at the harbour conference on Sunday.", None),
    # (second pass) a meeting's business planned: "expected to discuss", "to settle", "to adopt", "to take"
    ("Port officials are expected to discuss the toll with the ferry union next week.", None),
    ("Port officials are expected to adopt a new timetable at the spring meeting.", None),
    # (session 21, issue #14) a step forecast: "to present", "to set out", "to raise", "to refer to",
    # and a figure's "is expected to grow"; "to say" keeps its subject
    ("Tom Berg is expected to present the harbour plan to the council in May.", None),
    ("Ana Ruiz is expected to set out her budget on Monday.", None),
    ("The mayor is expected to raise the toll question there.", None),
    ("The captains are expected to refer to the toll in their speeches.", None),
    ("The port economy is expected to grow by four percent this year.", None),
    ("Tom Berg is expected to say more about the toll on Friday.", "Tom Berg"),
    ("Tom Berg is expected to announce the toll on Monday.", "Tom Berg"),
    ("Port officials are expected to reject the plan.", "Port officials"),
    ("Port officials expected at least a reply.", "Port officials"),
])
def test_an_arrival_expected_is_the_authors(text, actor):
    assert [s.actor for s in checked_segment(text)] == [actor]


@pytest.mark.parametrize("text", [
    "The delegates expected at the" * 300 + " pier.",
    "Ana Ruiz is expected to" + " attend" * 400 + ".",
    "Ana Ruiz is expected to present" * 300 + ".",
])
def test_expected_arrival_on_pathological_sentences(shipped_attribution, text):
    check_offsets_rules_and_model(text, shipped_attribution)


# A text that "says nothing", "little", "more" or "otherwise" ("The charter says nothing about the
# fund.", "the speech in Lima said almost nothing"): the author's reading of a text, not a speaker's
# words, at both points. A person who said nothing and a text's own words keep their source.
@pytest.mark.parametrize("text, actor", [
    ("The charter says nothing about who would pay for the second quay.", None),
    ("Admittedly, the draft says almost nothing about the night ferry, and that is a real gap.", None),
    ("On the toll, the speech in Velden said very little.", None),
    ("The record says otherwise.", None),
    ("The port plan says less than its title promises.", None),
    ("Tom Berg said nothing about the toll.", "Tom Berg"),
    ("Ana Ruiz says the charter says nothing about the fund.", "Ana Ruiz"),
])
def test_a_text_that_says_little_is_the_authors_reading(shipped_attribution, text, actor):
    assert [s.actor for s in checked_segment(text)] == [actor]
    assert [s.actor for s in checked_segment(text, shipped_attribution)] == [actor]


@pytest.mark.parametrize("text", [
    "The draft" + " text" * 400 + " says nothing.",
    "The draft says" + " almost" * 400 + " nothing.",
])
def test_text_says_little_on_pathological_sentences(shipped_attribution, text):
    check_offsets_rules_and_model(text, shipped_attribution)


# "back" after a verb of travel ("to fly back to Lima", "came back from Velden") is an adverb of a
# journey, not support; "call" after a modal or "let(s) X" with a meeting after it ("may call a
# conference", "lets any member call for consultations") is a power a text gives, no saying. Support
# ("will back the plan"), a retort, a naming ("may call the plan a trap"), a
# demand ("will call for a new pier") and a session called keep their subject.
@pytest.mark.parametrize("text, actor", [
    ("Mayor Ana Ruiz was due to fly back to Velden on Friday morning.", None),
    ("Tom Berg came back from Lima on Monday.", None),
    # (session 21, issue #14) "back" after a form of "be" and before a place: a return
    ("Tom Berg was back in Velden within days.", None),
    ("Ana Ruiz is back at work.", None),
    ("The union is back behind the plan.", "union"),
    ("Tom Berg will back the plan.", "Tom Berg"),
    ("A party may call a conference, may ask for consultations, and may leave the board.", None),
    ("The new charter would let Velden call a meeting whenever a ferry changed its route.", None),
    ("The charter obliges each party to keep the toll, and it lets any party call for consultations when it feels wronged.", None),
    ("Port officials may call the plan a trap.", "Port officials"),
    ("The union will call for a new pier.", "union"),
    ("The mayor called a special session of the council.", "mayor"),
])
def test_a_journey_back_or_a_power_to_call_a_meeting_is_the_authors(text, actor):
    assert [s.actor for s in checked_segment(text)] == [actor]


@pytest.mark.parametrize("text", [
    "Tom Berg flew" + " back" * 400 + " to Lima.",
    "A member may" + " let" * 300 + " call" + " the" * 300 + " conference.",
])
def test_back_and_call_on_pathological_sentences(shipped_attribution, text):
    check_offsets_rules_and_model(text, shipped_attribution)


# A negative subject speaks for no one: "No member asked ...", "Nobody in Velden wants ...", "no
# town outside the league has said ...", "No one in Lima said ..." (SPEC section 4): not the place
# or the group after "in", "of" or "outside", at both points. A speaker who says that no one will
# do something keeps the actor.
@pytest.mark.parametrize("text, actor", [
    ("No member asked him about the toll.", None),
    ("Nobody in Europe wants another winter without the ferry.", None),
    ("No one in Lima said the pier was safe.", None),
    ("A month after the vote, no town outside the Harbour League has said that it will pay.", None),
    # (session 21, issue #14) a bare "few" inside the sentence: a doubt recalled in the author's voice
    ("A year ago few captains expected the ferry to run again.", None),
    ("A year ago few in Velden wanted a second pier, and now there are two.", None),
    ("A few captains said the ferry would run again.", "captains"),
    ("Ana Ruiz said no one in Lima would pay.", "Ana Ruiz"),
    ("Tom Berg, who knows no one in Velden, said the toll was fair.", "Tom Berg"),
])
def test_a_negative_subject_speaks_for_no_one(shipped_attribution, text, actor):
    assert [s.actor for s in checked_segment(text)] == [actor]
    if not text.startswith("A month") and " few " not in text:  # (the model may still take "captains")
        assert [s.actor for s in checked_segment(text, shipped_attribution)] == [actor]


def test_a_negative_subject_before_an_article_with_the_model(shipped_attribution):
    # A strict xfail from session 19 to 21 (the learned model took the body after "no town outside
    # the"); the model rebuilt in session 22 on 602 articles (56aca698) reads the sentence as the
    # author's, so the row now guards that reading.
    text = "A month after the vote, no town outside the Harbour League has said that it will pay."
    assert [s.actor for s in checked_segment(text, shipped_attribution)] == [None]


@pytest.mark.parametrize("text", [
    "Nobody in" + " the" * 400 + " port said.",
    "No " * 500 + "member said.",
    "and few in" * 300 + " Lima said.",
    "a few" * 400 + " captains said.",
])
def test_negative_subject_on_pathological_sentences(shipped_attribution, text):
    check_offsets_rules_and_model(text, shipped_attribution)


# "first" before a verb of proposing recalls when and where a target was first put forward ("first
# proposed the toll in a speech in Velden", "which Tom Berg first put forward in Lima"): a fact and
# a date, the article's own voice (annotation guide, adjudicated case 13). A proposal without
# "first", and a speaker who says he first proposed it, keep the actor.
@pytest.mark.parametrize("text, actor", [
    ("Mayor Ana Ruiz first proposed the toll in a speech in Velden in June 2004.", None),
    ("The harbour plan, which Tom Berg first put forward in Lima in May, was discussed over lunch.", None),
    ("The board put the text online, a year after Ana Ruiz first spoke of such a toll in a speech in Velden.", None),
    ("Ana Ruiz proposed the toll in a speech in Velden.", "Ana Ruiz"),
    ("Tom Berg said he first proposed the toll in 2004.", "Tom Berg"),
    ("First, Ana Ruiz proposed a toll.", "Ana Ruiz"),
])
def test_a_proposal_first_made_is_the_targets_history(shipped_attribution, text, actor):
    assert [s.actor for s in checked_segment(text)] == [actor]
    assert [s.actor for s in checked_segment(text, shipped_attribution)] == [actor]


@pytest.mark.parametrize("text", [
    "Ana Ruiz" + " first" * 500 + " proposed it.",
])
def test_first_proposed_on_pathological_sentences(shipped_attribution, text):
    check_offsets_rules_and_model(text, shipped_attribution)


# (second pass) A seat of power that arrived "at least", stopped, travelled, left or came, or that
# had "its" something, narrates no saying; "had its doubts" and "has at least a different view"
# stay the country's position.
@pytest.mark.parametrize("text, actor", [
    ("On the whole, Astana has at least arrived with a plan and a full crew.", None),
    ("Moscow stopped sending ferry data in the spring.", None),
    ("By the time the mayors drove home, Astana had its pier and Moscow had kept its toll.", None),
    ("Washington leaves the next chair a hard act to follow.", None),
    ("Moscow had its doubts about the toll.", "Russia"),
    ("Washington has at least a different view of the toll.", "United States"),
])
def test_a_seat_of_power_that_came_or_left_is_the_authors(text, actor):
    assert [s.actor for s in checked_segment(text)] == [actor]


# A saying that closes a concession opened by "whatever" ("whatever Lima says,", "whatever the
# louder voices in some towns have claimed."): the author sets it aside, the sentence is the
# author's, at both points; "Neither <noun>" is no source of the learned model. A tag after a
# "whatever" clause keeps its speaker.
@pytest.mark.parametrize("text, actor", [
    ("It is not true, whatever Moscow says, that the old toll failed only because of the rain.", None),
    ("Neither clause asks any town to close its pier, whatever the louder voices in some capitals have claimed.", None),
    ("Whatever it costs, Tom Berg said, the pier will be built.", "Tom Berg"),
])
def test_a_saying_set_aside_by_whatever_is_the_authors(shipped_attribution, text, actor):
    assert [s.actor for s in checked_segment(text)] == [actor]
    assert [s.actor for s in checked_segment(text, shipped_attribution)] == [actor]


@pytest.mark.xfail(strict=True, reason="session 19: 'Whatever <place> says about X, ...' gives the mention "
                   "'Whatever <place>' as the actor (the concession has a topic, so the whatever rule does not apply)")
def test_whatever_with_a_topic_is_the_authors():
    assert [s.actor for s in checked_segment("Whatever Lima says about the toll, the pier will open.")] == [None]


@pytest.mark.parametrize("text", [
    "whatever " * 500 + "Lima says.",
    "Whatever" + " the port" * 300 + " says, it opens.",
])
def test_whatever_on_pathological_sentences(shipped_attribution, text):
    check_offsets_rules_and_model(text, shipped_attribution)


# An interview's credit: "spoke to X" with a time ("in the second week of May") or a place ("in
# his office on the port's third floor") after it gives no topic, so "of" after a word of time
# and "on" before a floor, the sidelines or a phone are no topic. "spoke of", "spoke warmly of",
# "spoke on the toll" and "of" after another noun ("spoke in praise of") keep the speaker.
@pytest.mark.parametrize("text, actor", [
    ("Tom Berg is the harbour master of Velden. He spoke to Ana Ruiz in Lima in the second week of May, "
     "between two meetings of the board.", None),
    ("Tom Berg is the harbour master of Velden. He spoke to Ana Ruiz in his office on the port's third floor, "
     "a week after the vote.", None),
    ("Tom Berg is the harbour master of Velden. He spoke of the toll at length.", "Tom Berg"),
    ("Tom Berg is the harbour master of Velden. He spoke warmly of the new pier.", "Tom Berg"),
    ("Tom Berg is the harbour master of Velden. He spoke on the toll for an hour.", "Tom Berg"),
    ("Port officials spoke in praise of the old ferry.", "Port officials"),
    ("Tom Berg spoke at the opening of the pier.", "Tom Berg"),
])
def test_an_interview_credit_with_a_time_or_a_place_is_the_authors(text, actor):
    assert [s.actor for s in checked_segment(text)][-1] == actor


@pytest.mark.parametrize("text", [
    "He spoke to Ana Ruiz" + " in the week of May" * 300 + ".",
    "He spoke on the" + " third" * 400 + " floor.",
])
def test_spoke_time_and_place_on_pathological_sentences(shipped_attribution, text):
    check_offsets_rules_and_model(text, shipped_attribution)


# Issue #14's end-to-end gap (session 21): a wish, hope, expectation, agreement, acceptance, regard,
# mention or naming in a relative clause opened by "that", "which" or "what" right before its
# subject, whatever follows the verb ("the plan that the mayor hopes to finish by June", "what the
# dockers call the Velden question", "a toll that Lima accepts without the levy"): the author's
# sentence (annotation guide, adjudicated case 12), with the rules alone and with the shipped
# model. The same verb governing the main clause still speaks; "what she called ..." names the
# sentence's speaker; "said" in a relative is kept for PolNeAR, which counts it (xfail below).
@pytest.mark.parametrize("text, actor", [
    ("The harbour plan that the mayor hopes to finish by June remains the test of her term.", None),
    ("Since March the board has met in a format that the ferry union calls open but careful.", None),
    ("The port will have to find a toll that Lima accepts without the new levy.", None),
    ("It was a result that few traders in Velden had thought possible in spring.", None),
    ("The bridge, which most drivers in Lima expect to open in July, is still a building site.", None),
    ("The bridge opened in July, a date that few in Lima had expected.", None),
    ("The new pier is exactly what the traders wanted from the council last spring.", None),
    ("Nor is the levy, which the mayor did not mention in her speech, likely to survive the winter.", None),
    ("The toll is a matter that Lima regards as settled.", None),
    ("Lima regards the toll as a settled matter.", "Lima"),
    ("Tom Berg said the pier, which the council wants, would open in May.", "Tom Berg"),
    ("The council regards the toll as settled, a view that most traders in Velden do not share.", "council"),
    ("Ana Ruiz thanked the board for what she called its patient work.", "Ana Ruiz"),
])
def test_a_wish_or_a_naming_in_a_relative_clause_is_the_authors(shipped_attribution, text, actor):
    assert [s.actor for s in checked_segment(text)] == [actor]
    assert [s.actor for s in checked_segment(text, shipped_attribution)] == [actor]


@pytest.mark.xfail(strict=True, reason="a saying in a relative clause: the guide's case 12 reads it as the author's, "
                   "PolNeAR counts it as an attribution; kept as the source's")
def test_a_saying_in_a_relative_clause_is_the_authors():
    text = "His appeal failed after a hearing that observers said had fallen short."
    assert [s.actor for s in checked_segment(text)] == [None]


@pytest.mark.parametrize("text", [
    "The plan that" + " the ferry" * 400 + " union hopes to finish.",
    "The toll that" + " few in" * 300 + " Lima accepts.",
    ("The pier, which the council wants, " * 150) + "opened.",
    "what " * 500 + "the dockers call the pier.",
])
def test_relative_wish_on_pathological_sentences(shipped_attribution, text):
    check_offsets_rules_and_model(text, shipped_attribution)


# A model that takes "mention", "say" and "presented" as cues and capitalised words and text nouns
# as sources: what the rules leave to the learned model, without the shipped model's own scores.
_TOY_META = {"format": "stancekit-attribution/1", "cue_bias": 0.0, "source_bias": 0.0, "cue_threshold": 0.0,
             "source_threshold": 0.0, "vocab": ["mention", "say", "presented"]}
_TOY = AttributionModel({"w=mention": 5.0, "w=say": 5.0, "w=presented": 5.0},
                        {"pos=cap": 5.0, "w=declaration": 5.0, "w=draft": 5.0, "w=berg": 5.0, "w=ruiz": 5.0}, _TOY_META)


# (session 21, issue #14) A text that does not say or mention something ("The declaration does not
# mention the pier.", "The draft does not say who would pay."): the author points out a gap in it
# (annotation guide, adjudicated case 18), and the learned model may not take the verb either. A
# person who did not mention something keeps the actor (PolNeAR counts it).
@pytest.mark.parametrize("text, actor", [
    ("The declaration does not mention the pier.\n", None),
    ("The draft does not say who would pay.\n", None),
    ("The new draft does not even mention the ferry.\n", None),
    ("Tom Berg did not mention the pier.\n", "Tom Berg"),
])
def test_a_text_that_does_not_mention_is_the_authors_reading(text, actor):
    assert [s.actor for s in checked_segment(text)] == [actor]
    assert [s.actor for s in checked_segment(text, _TOY)] == [actor]


# (session 21, issue #14) "presented" with a text or a programme and no "as" or quotation after it
# ("presented the harbour plan to the council on Monday") narrates a step (annotation guide,
# adjudicated cases 11 and 13): never the learned model's cue. "presented the plan as a fair deal"
# is a position, and a quotation after a colon is the speaker's words.
@pytest.mark.parametrize("text, actor", [
    ("Ana Ruiz presented the harbour plan to the council on Monday.\n", None),
    ("Tom Berg presented the new timetable to the dockers in May.\n", None),
    ("Ana Ruiz presented the plan as a fair deal for the dockers.\n", "Ana Ruiz"),
    ('Ana Ruiz presented the plan: "It is fair."\n', "Ana Ruiz"),
])
def test_a_text_presented_is_a_narrated_step_for_the_model(text, actor):
    assert [s.actor for s in checked_segment(text, _TOY)] == [actor]


@pytest.mark.parametrize("text", [
    "The declaration" + " does not" * 400 + " mention the pier.\n",
    "Ana Ruiz presented" + " the plan" * 400 + ".\n",
    "Ana Ruiz presented the plan" + " as" * 400 + ".\n",
])
def test_silent_text_and_presented_on_pathological_sentences(shipped_attribution, text):
    check_offsets_rules_and_model(text, shipped_attribution)
    check_offsets_rules_and_model(text, _TOY)


# (session 21, issue #14) A claim the author rejects in the same sentence, its source in an "as ..."
# aside ("Nor is it true, as several captains in Velden have claimed, that ...", "It is not true, as
# officials in Lima like to say, that ...", "Nor would the plan close the pier, as one minister
# suggested in May."): the author's sentence (annotation guide, adjudicated case 20). An aside
# without the rejection, and a rejection that names its own speaker, keep the actor.
@pytest.mark.parametrize("text, actor", [
    ("Nor is it true, as several captains in Velden have claimed, that the levy would close the port.", None),
    ("It is not true, as officials in Lima like to say, that the pier is safe.", None),
    ("Nor would the plan close the pier, as one minister suggested in May.", None),
    ("Nor is it true that the board ignored the dockers, as its harshest critics claim.", None),
    ("As Ana Ruiz put it, the pier is a promise kept.", "Ana Ruiz"),
    ("Nor did Ana Ruiz say the pier was safe.", "Ana Ruiz"),
])
def test_a_claim_the_author_rejects_is_the_authors(shipped_attribution, text, actor):
    assert [s.actor for s in checked_segment(text)] == [actor]
    assert [s.actor for s in checked_segment(text, shipped_attribution)] == [actor]


@pytest.mark.parametrize("text", [
    "Nor is it true, as" + " several" * 400 + " captains claimed, that the pier is safe.",
    "Nor " * 500 + "as critics claim.",
])
def test_rejected_claim_on_pathological_sentences(shipped_attribution, text):
    check_offsets_rules_and_model(text, shipped_attribution)


# (session 24, the seed guard) An "-ing" word inside the noun phrase that "be" predicates of the
# subject ("... is not the only EU body expecting payback for ...") describes the subject's class:
# the article's own voice. The attribution model rebuilt on 1,514 articles took such a participle over
# its cue threshold with the noun as the source (_model._predicate_participle). The progressive ("is
# still expecting") and a participle with a clause of its own ("warning that") keep their speakers.
@pytest.mark.parametrize("text, actor", [
    ("The ferry union is not the only EU body expecting payback for backing the bridge.", None),
    ("Velden is not the only harbour town expecting payback for backing Lima's regatta ambitions.", None),
    ("Tom Berg is still expecting a reply from the board.", "Tom Berg"),
    ("Tom Berg was one of the engineers warning that the pier would fail.", "engineers"),
])
def test_a_participle_in_a_predicate_noun_phrase_is_the_authors(shipped_attribution, text, actor):
    assert [s.actor for s in checked_segment(text, shipped_attribution)] == [actor]


# The rules read the same shape as a saying when the participle's object is a plain noun phrase
# after a group noun or a name: studied in session 24, not reached.
@pytest.mark.xfail(strict=True, reason="session 24: the rules take the participle of a predicate noun "
                                       "phrase as a saying of its noun or of the subject")
@pytest.mark.parametrize("text", [
    "The dockers' guild is not the only group expecting a favour in return for its votes.",
    "Lima is one of several ports expecting a share of the new ferry money.",
])
def test_a_predicate_participle_with_the_rules_not_reached_yet(text):
    assert [s.actor for s in checked_segment(text)] == [None]


@pytest.mark.parametrize("text", [
    "The union is not the only" + " big" * 400 + " body expecting payback.",
    "the " * 500 + "expecting payback.",
    "The union is " * 300 + "expecting",
    "is a " * 400 + "body expecting that the pier will close.",
])
def test_predicate_participle_on_pathological_sentences(shipped_attribution, text):
    check_offsets_rules_and_model(text, shipped_attribution)


# (session 24) A verb of speaking with only an adverb of order or length after it ("spoke first",
# "spoke briefly,") reports that someone spoke, not what: the article's own voice. The model rebuilt
# on 1,514 articles took "spoke" there with the subject as source (_model._contentless_speaking). A
# content after it ("spoke first, saying ...", "spoke briefly to reporters about ...") still speaks.
@pytest.mark.parametrize("text, actors", [
    ("Minister Ivo Marten spoke first. Harbour master Tom Reyes said the pier was old.", [None, "Tom Reyes"]),
    ("Ivo Tamm, who spoke first, left early.", [None]),
    ("Ana Ruiz spoke first, saying the pier was unsafe.", ["Ana Ruiz"]),
    ("Ana Ruiz spoke briefly to reporters about the pier.", ["Ana Ruiz"]),
])
def test_speaking_with_no_content_is_the_authors(shipped_attribution, text, actors):
    assert [s.actor for s in checked_segment(text, shipped_attribution)] == actors


@pytest.mark.parametrize("text", [
    "Ana Ruiz spoke" + " first" * 500 + ".",
    "spoke first, " * 500,
    "Ana Ruiz spoke",
])
def test_contentless_speaking_on_pathological_sentences(shipped_attribution, text):
    check_offsets_rules_and_model(text, shipped_attribution)
