"""Issue #13, tenth round (session 15): sayings and positions the learned model missed by SPEC
section 4's own cues, and the narration kept out. Sentences written fresh for these tests."""

from __future__ import annotations

import pytest

from stancekit import load_lexicon, segment
from stancekit.attribution import AttributionModel
from stancekit.attribution._model import _tag

from .conftest import check_offsets, check_offsets_rules_and_model, checked_segment

_CUES = {"concluded": 0.5, "added": 0.5, "told": 0.5, "say": 0.5, "argue": 0.5, "reply": 0.5, "implies": 0.5}
_SOURCES = {"kind=pron": 5.0, "kind=cap": 5.0, "run_end=True": 1.0, "w=survey": 5.0, "w=clerk": 5.0,
            "w=ferrymen": 5.0}


def _model(**meta: object) -> AttributionModel:
    """A hand-made model: each word of ``_CUES`` scores 0.5 as a cue (under the speech list's
    threshold 1), a capitalised word, a pronoun or a word of ``_SOURCES`` scores 5 as a source."""
    base = {"format": "stancekit-attribution/1", "cue_bias": 0.0, "source_bias": 0.0, "cue_threshold": 1.5,
            "speech_threshold": 1.0, "source_threshold": 0.0, "vocab": sorted(_CUES)}
    return AttributionModel({f"w={w}": s for w, s in _CUES.items()}, _SOURCES, {**base, **meta})


# A speech-list word that closes a tag after a comma, its source between the comma and the verb, is
# taken at the tag threshold (the shipped model: -1, train.TAG_THRESHOLD); a clause word, negation,
# "be" or a determiner among those words makes it no tag (the fixtures' article voice).
@pytest.mark.parametrize("text, actor", [
    ("The ferry fares will rise by a third next spring, the survey concluded.\n", "survey"),
    ("The old pier needs new pilings, the clerk added, and the work will take a year.\n", "clerk"),
    ("The pier, the clerk told them, would reopen in June.\n", "clerk"),
    ("For now, ferrymen say, the toll is the lesser worry.\n", "ferrymen"),
    ("I laughed, and didn't argue.\n", None),
    ("Nor is it true, as the survey implies, that the pier is safe.\n", None),
    ("Silence, after all, is also a reply, and the clerk knows it.\n", None),
], ids=["closing", "parenthetical", "object-pronoun", "opening", "negation", "as-clause", "noun-after-a"])
def test_a_speech_tag_after_a_comma_takes_a_weaker_cue(text, actor):
    got = segment(text, attribution=_model(tag_threshold=-1.0))
    check_offsets(text, got)
    assert got[0].actor == actor
    # without the tag threshold (a model file of an earlier round) the model's cue stays under its
    # threshold (the rules may name some of these speakers themselves)
    assert _model().find(text, 0, len(text), load_lexicon()) is None


def test_with_thresholds_sets_the_tag_threshold():
    model = _model(tag_threshold=-1.0)
    text = "The ferry fares will rise, the survey concluded.\n"
    assert segment(text, attribution=model.with_thresholds(1.5, 0.0, speech=1.0))[0].actor is None
    assert segment(text, attribution=model.with_thresholds(1.5, 0.0, speech=1.0, tag=0.0))[0].actor == "survey"


@pytest.mark.parametrize("words, i, expected", [
    (["fares", "rise", ",", "the", "survey", "concluded", "."], 5, True),
    (["fares", "rise", ",", "the", "survey", "concluded"], 5, True),
    (["fares", "rise", ",", "the", "survey", "concluded", "that", "fares", "rise"], 5, False),
    ([",", "the", "survey", "concluded", "."], 3, False),  # nothing before the comma
    (["fares", "rise", ",", "concluded", "."], 3, False),  # no words between
    (["it", "is", ",", "as", "the", "survey", "implies", ","], 6, False),
    (["fares", "rise", "the", "survey", "concluded", "."], 4, False),  # no comma
], ids=["closing", "end", "complement", "no-clause", "no-source", "as", "no-comma"])
def test_tag_positions(words, i, expected):
    assert _tag(words, i) is expected


def test_tag_on_pathological_input():
    # bounded: it reads at most seven words back, whatever the length of the statement
    words = ["word", ","] * 50_000 + ["the", "survey", "concluded", "."]
    assert _tag(words, len(words) - 2) is True
    assert _tag([","] * 100_000, 99_999) is False


# A verb of finding taken for a clear source that names no speaker ("sites" in "Surveys of riders at
# the three ferry sites showed") falls back to the finding's own source, the poll, study or report
# before it; the speaker-like gate is not asked of that source ("the harbour research suggests").
@pytest.mark.parametrize("text, actor", [
    ("Surveys of riders at the three ferry sites showed that fares matter most.\n", "Surveys"),
    ("The harbour research suggests that riders will switch to the bus.\n", "research"),
], ids=["clear-source-no-speaker", "finding-noun-source"])
def test_a_finding_takes_its_poll_or_study(text, actor):
    meta = {"format": "stancekit-attribution/1", "cue_bias": 0.0, "source_bias": 0.0, "cue_threshold": 1.5,
            "source_threshold": -3.0, "vocab": ["showed", "suggests"], "joint_cue_threshold": 0.0,
            "joint_source_threshold": 1.5, "finding_threshold": -2.0, "source_heads": []}
    model = AttributionModel({"w=showed": 0.5, "w=suggests": -1.0}, {"w=sites": 5.0, "w=research": 2.0}, meta)
    got = checked_segment(text, model)
    assert got[0].actor == actor


# A longer tag sentence after a quotation: its speech verb right after the speaker (past an
# apposition or an adverb) and before a preposition, a comma or the stop names the quotation's
# speaker; a verb with its own content after it ("said the pier would close") does not.
_OPEN = "The ferry board met on Monday.\n\n"


@pytest.mark.parametrize("text, actors", [
    (_OPEN + '"Is the pier safe at all?" Ana Ruiz said to the dock workers on the quay. "Nobody has told us."\n',
     [None, "Ana Ruiz", "Ana Ruiz", "Ana Ruiz"]),
    (_OPEN + '"The fares are fair and the boats are clean." Tom Berg, a retired ferry pilot from Porto, said '
     'quietly over the radio.\n', [None, "Tom Berg", "Tom Berg"]),
    (_OPEN + '"Not fair to riders!" Mayor Ana Ruiz wrote, citing the harbour board.\n',
     [None, "Ana Ruiz", "Ana Ruiz"]),
    (_OPEN + '"Is it safe?" Mayor Ana Ruiz said the pier would close in May because of the storms.\n',
     [None, None, "Ana Ruiz"]),
    (_OPEN + '"Is it safe?" Mayor Ana Ruiz spent the whole day at the pier, far from the crowd.\n',
     [None, None, None]),
], ids=["preposition", "apposition-adverb", "comma", "own-content", "no-speech-verb"])
def test_a_longer_tag_sentence_names_the_quotations_speaker(text, actors):
    got = segment(text, attribution="rules")
    check_offsets(text, got)
    assert [s.actor for s in got] == actors


def test_tag_verb_after_on_pathological_input():
    from stancekit._segment import _TAG_WORD, _tag_verb_after

    speech = frozenset({"said"})
    for text in ("Ana" + "'" * 100_000 + "x", "a" + ".-" * 100_000, "Ana Ruiz" + ", a" * 100_000 + " said."):
        assert len(_TAG_WORD.findall(text)) >= 1
        assert _tag_verb_after(text, 0, len(text), "Ana", speech) is False
    text = "Ana Ruiz said " + "to " * 100_000
    assert _tag_verb_after(text, 0, len(text), "Ana Ruiz", speech) is True


# "It" after a body or document described in one word that spoke ("The company said ... It also
# said"), and a body named after its kind in lowercase ("the state ferry company Marlin").
@pytest.mark.parametrize("text, actors", [
    ("The ferry company said on Friday that fares would rise. It added that the boats were clean.\n",
     ["company", "company"]),
    ("The harbour panel argued that the pier must close. It added that repairs would take a year.\n",
     ["panel", "panel"]),
    ("The voters said the fares were too high. It said nothing more.\n", ["voters", None]),
    ("Fares rose by a third, a charge the state ferry company Marlin denied.\n", [None, "Marlin"]),
], ids=["company-it", "panel-it", "plural-group-no-it", "kind-before-name"])
def test_it_after_a_body_that_spoke(text, actors):
    got = segment(text, attribution="rules")
    check_offsets(text, got)
    assert [s.actor for s in got] == actors


def test_first_person_in_a_paragraph_under_a_colon_line_is_the_writers():
    # "X wrote:" then a paragraph of X's words: "I think ...", "We want ..." are X's, not the author's
    text = ("The ferry board met on Monday.\n\nIn a note to the riders, Mayor Ana Ruiz wrote:\n\n"
            "I think the pier is too old. We want a new one by May.\n\nThe board did not reply.\n")
    got = segment(text, attribution="rules")
    check_offsets(text, got)
    assert [s.actor for s in got] == [None, "Ana Ruiz", "Ana Ruiz", "Ana Ruiz", None]


# "who" after a described group: a determiner or a possessive before its noun ("the port's night
# clerks, who have complained ..."); a bare plural is not read as a description.
@pytest.mark.parametrize("text, actor", [
    ("The new rota upset the port's night clerks, who have complained about the lighting.\n", "clerks"),
    ("The new rota upset the night clerks, who have complained about the lighting.\n", "clerks"),
    ("The new rota upset clerks, who have complained about the lighting.\n", None),
], ids=["possessive", "determiner", "bare"])
def test_who_after_a_described_group(text, actor):
    meta = {"format": "stancekit-attribution/1", "cue_bias": 0.0, "source_bias": 0.0, "cue_threshold": 0.0,
            "source_threshold": 0.0, "vocab": ["complained"]}
    got = segment(text, attribution=AttributionModel({"w=complained": 5.0}, {"w=who": 5.0}, meta))
    check_offsets(text, got)
    assert got[0].actor == actor


# Eleventh round (session 16): speakers and sayings left. A closing tag whose speaker is described by
# age alone names the person named last ("he" without a gender); with no one before, the description.
@pytest.mark.parametrize("text, actors", [
    ('Tom Berg runs the ferry line. "We will not raise the toll," said the 52-year-old.\n', [None, "Tom Berg"]),
    ('Ana Ruiz spoke at the dock. "The shifts are too long," the 40-year-old said.\n', [None, "Ana Ruiz"]),
    ('"The shifts are too long," the 40-year-old said.\n', ["40-year-old"]),
], ids=["inverted", "closing", "no-one-before"])
def test_a_tag_speaker_described_by_age(text, actors):
    assert [s.actor for s in checked_segment(text, "rules")] == actors
    assert [s.actor for s in checked_segment(text)] == actors


def test_aged_tag_on_pathological_input():
    for text in ('"A," ' + "the 5-year-old " * 20_000 + "said.\n",
                 '"A," said ' + "the 7-year-old, " * 20_000 + "\n",
                 "-year-old " * 50_000 + "\n"):
        check_offsets_rules_and_model(text, _model())


# A saying participle after a comma shares the subject of the sentence's first verb when that subject
# is a description of a person or a body ("The port union filed ..., arguing ..."); not a thing.
@pytest.mark.parametrize("text, actor", [
    ("The port union filed a complaint, arguing that the new shifts broke the contract.\n", "port union"),
    ("The harbour lawyer filed a motion, insisting the toll was unfair.\n", "lawyer"),
    ("The storm closed the port, adding to the delays.\n", None),
], ids=["group", "person", "thing"])
def test_a_saying_participle_after_a_described_subject(text, actor):
    assert checked_segment(text, "rules")[0].actor == actor


def test_described_opener_on_pathological_input():
    for text in ("The port union filed" + ", arguing" * 50_000 + " that it was so.\n",
                 "The " + "dock " * 50_000 + "union filed a complaint, arguing that it was so.\n"):
        check_offsets_rules_and_model(text, _model())


# "It" after a one-word capitalised name that spoke, known by no longer name and no gender: a body
# named without an organisation word ("Harborline said ... It added"); not a person's name.
@pytest.mark.parametrize("text, actors", [
    ("Harborline said on Friday that its ferries would run late. It added that the crews were short.\n",
     ["Harborline", "Harborline"]),
    ("Ana Ruiz said on Friday that the ferries would run late. It added that the crews were short.\n",
     ["Ana Ruiz", None]),
    ("Maria said on Friday that the ferries would run late. It added that the crews were short.\n",
     ["Maria", None]),
], ids=["one-word-body", "full-name", "given-name"])
def test_it_after_a_one_word_name_that_spoke(text, actors):
    assert [s.actor for s in checked_segment(text, "rules")] == actors


# Studied in this round and not reached (each a strict xfail: a fix shows), shipped model.
@pytest.mark.parametrize("text, index, actor", [
    # a participle of saying after a comma whose subject is a lowercase description whose noun is no
    # head noun of a person or body ("pilot"; the group and head-noun rows are golden above)
    ("The ferry pilot took the port to court, claiming the new shifts were unlawful.\n", 0, "ferry pilot"),
    # an apposition "of a <kind of body> called X" read as the subject (any organisation word)
    ("Tom Berg, of a shipping agency called Harbor Lines, argues that the toll is too high.\n", 0, "Tom Berg"),
], ids=["participle-description", "at-a-firm-called"])
@pytest.mark.xfail(strict=True, reason="issue #13, tenth round (missed sayings): studied, not reached")
def test_missed_sayings_not_reached_yet(text, index, actor):
    got = segment(text)
    check_offsets(text, got)
    assert got[index].actor == actor


# (session 21, issue #14) "congratulates" is a speech act of its subject (data/speech_verbs.txt): a
# body's own statement that names itself ("The Harbour Board congratulates ...") speaks for it
# (annotation guide, adjudicated case 1). "support" was tried too and left out (PolNeAR: 14 more
# false attributions).
@pytest.mark.parametrize("text, actor", [
    ("The Harbour Board congratulates the town of Velden on its new pier.", "Harbour Board"),
    ("Ana Ruiz congratulated the dockers on the vote.", "Ana Ruiz"),
    ("The ferry supports the old bridge.", None),
])
def test_congratulating_is_a_saying(text, actor):
    assert [s.actor for s in checked_segment(text)] == [actor]


# (session 21, issue #14) "looks forward to" states its subject's position (data/stance_phrases.txt):
# "The Harbour Board looks forward to working with the new mayor." A look ahead without "forward"
# states none.
@pytest.mark.parametrize("text, actor", [
    ("The Harbour Board looks forward to working with the new mayor.", "Harbour Board"),
    ("Ana Ruiz said she looked forward to the vote.", "Ana Ruiz"),
    ("The ferry looked old and tired in the rain.", None),
])
def test_looking_forward_is_a_position(text, actor):
    assert [s.actor for s in checked_segment(text)] == [actor]


# (session 21, issue #14) "presents X as Y", "cites X as Y", "credits X with Y" state the subject's
# position (data/stance_phrases.txt), as "casts X as" does; "as" before a role ("presented the plan as
# mayor") states none, and the same verbs in a relative clause ("which most captains credit with
# ...", "that his government presented as ...") are the author's (annotation guide, adjudicated case
# 12; attribution/_saying._subordinate_saying).
@pytest.mark.parametrize("text, actor", [
    ("The Harbour Board presents the new pier as a gift to the whole coast.", "Harbour Board"),
    ("Port officials like to cite the winter rescue as proof that the ferry works.", "Port officials"),
    ("Ana Ruiz credits the dockers with keeping the port open.", "Ana Ruiz"),
    ("Tom Berg presented the harbour plan as mayor of Velden to the council on Monday.", None),
    ("The toll, which most captains credit with saving the ferry, stays.", None),
    ("The amendments that his government presented as the first of many were modest.", None),
    ("Ana Ruiz presented the plan to the council.", None),
])
def test_presenting_citing_and_crediting_as_positions(text, actor):
    assert [s.actor for s in checked_segment(text)] == [actor]


@pytest.mark.parametrize("text", [
    "Ana Ruiz presents" + " the plan" * 400 + " as a gift.",
    "Tom Berg presented the plan as" + " mayor" * 400 + ".",
])
def test_presents_as_on_pathological_sentences(text):
    check_offsets_rules_and_model(text, _model())


# (session 21, issue #14) "wonder" and "grumble" report their subject's doubt or complaint
# (data/speech_verbs.txt): "Some captains privately wonder whether ...". The writer's own "I
# wonder" stays the article's voice.
@pytest.mark.parametrize("text, actor", [
    ("Some captains privately wonder whether the ferry will run in May.", "captains"),
    ("Ana Ruiz wondered aloud whether the pier was safe.", "Ana Ruiz"),
    ("I wonder what the tide will do.", None),
])
def test_wondering_is_a_position(text, actor):
    assert [s.actor for s in checked_segment(text)] == [actor]
