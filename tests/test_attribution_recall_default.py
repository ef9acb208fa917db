"""Issue #13, eleventh round (session 16): recall at the default point. A saying the learned model
scored under the threshold of its context, taken by a threshold of its own kind; narration kept
out. Sentences written fresh for these tests."""

from __future__ import annotations

import pytest

from stancekit import load_lexicon, segment
from stancekit.attribution import AttributionModel

from .conftest import check_offsets, check_offsets_rules_and_model

# Each cue word scores 0.5: under the cue threshold 1.5 and the speech list's 1. "signing" and
# "meeting" are no speech-list words (narrated actions).
_CUES = {"accusing": 0.5, "questioning": 0.5, "saying": 0.5, "describing": 0.5, "signing": 0.5,
         "meeting": 0.5, "signed": 0.5}
_SOURCES = {"kind=cap": 5.0, "kind=pron": 5.0, "run_end=True": 1.0}


def _model(**meta: object) -> AttributionModel:
    base = {"format": "stancekit-attribution/1", "cue_bias": 0.0, "source_bias": 0.0, "cue_threshold": 1.5,
            "speech_threshold": 1.0, "source_threshold": 0.0, "vocab": sorted(_CUES)}
    return AttributionModel({f"w={w}": s for w, s in _CUES.items()}, _SOURCES, {**base, **meta})


# A speech-list word in "-ing" right after "by", "after", "before", "in", "while", "when" or "since"
# is a saying of the clause's subject, taken over the gerund threshold (the shipped model: 0,
# train.GERUND_THRESHOLD). The same shape with a verb of action stays the article's own voice.
@pytest.mark.parametrize("text, actor", [
    ("Ana Ruiz struck back by accusing the port of hiding the repair bill.\n", "Ana Ruiz"),
    ("Reyes lost the room after questioning the harbour board's figures.\n", "Reyes"),
    ("Ana Ruiz closed the hearing before saying the pier would reopen.\n", "Ana Ruiz"),
    ("Ana Ruiz coined the phrase in describing the ferry queues.\n", "Ana Ruiz"),
    ("Ana Ruiz marked the day by signing the new lease for the pier.\n", None),
    ("Reyes left early after meeting the harbour board.\n", None),
    ("Ana Ruiz signed the new lease for the pier.\n", None),
], ids=["by-accusing", "after-questioning", "before-saying", "in-describing", "narrated-signing",
        "narrated-meeting", "narrated-finite"])
def test_a_saying_gerund_after_a_preposition(text, actor):
    # the model's own reading (segment() asks it where the rules name no speaker; the rules read
    # some of these sentences themselves)
    from stancekit.attribution._features import tokenize

    lex = load_lexicon()
    got = segment(text, attribution=_model(gerund_threshold=0.0))
    check_offsets(text, got)
    found = _model(gerund_threshold=0.0).find(text, 0, len(text), lex)
    if actor is None:
        assert found is None and got[0].actor is None  # narration: the article's own voice
    else:
        toks = tokenize(text)
        assert " ".join(t[0] for t in toks[found[2]:found[1] + 1]) == actor
    # a model file of an earlier round (no gerund threshold): the cue stays under its threshold
    assert _model().find(text, 0, len(text), lex) is None


@pytest.mark.parametrize("text", [
    "Ana Ruiz struck back by accusing the port.\n",
    "Ana Ruiz struck back, accusing the port.\n",  # after a comma: no gerund of this kind
    "Accusing the port, Ana Ruiz struck back.\n",  # nothing before it
])
def test_the_gerund_needs_its_preposition_and_threshold(text):
    lex = load_lexicon()
    found = _model(gerund_threshold=0.0).find(text, 0, len(text), lex) is not None
    assert found is text.startswith("Ana Ruiz struck back by")
    assert _model(gerund_threshold=1.0).find(text, 0, len(text), lex) is None  # 0.5 is under 1


def test_with_thresholds_sets_the_gerund_threshold():
    text = "Ana Ruiz struck back by accusing the port.\n"
    lex = load_lexicon()
    model = _model()
    assert model.with_thresholds(1.5, 0.0, speech=1.0).find(text, 0, len(text), lex) is None
    assert model.with_thresholds(1.5, 0.0, speech=1.0, gerund=0.0).find(text, 0, len(text), lex) is not None
    assert "gerund_threshold" not in model.with_thresholds(1.5, 0.0).meta


def test_gerund_on_pathological_input():
    # each test is a set look-up on the word before: linear in the statement's length
    text = "Ana Ruiz spoke " + "by accusing " * 20_000 + "the port.\n"
    check_offsets_rules_and_model(text, _model(gerund_threshold=0.0))
    check_offsets_rules_and_model("by accusing\n" * 5_000, _model(gerund_threshold=0.0))


# A restrictive "who" (no comma) after a group word or a capitalised plural stands for that group
# when the cue is a saying (a speech-list word, not a commitment: "who wanted to stay" is none). The
# model's own reading (speaker(), which segment() asks where the rules name no speaker).
@pytest.mark.parametrize("text, actor", [
    ("Even Dockers who have complained about the lighting left early.\n", "Dockers"),
    ("The new rota upset dock workers who have complained about the lighting.\n", "workers"),
    ("Even Dockers who wanted to stay late left early.\n", None),
    ("Even Dockers who counted the boats left early.\n", None),
    ("The one who has complained about the lighting left early.\n", None),
], ids=["capitalised-plural", "group-word", "commitment", "no-saying", "no-group"])
def test_a_restrictive_who_after_a_group(text, actor):
    from stancekit._segment import _Attributor, _Doc

    meta = {"format": "stancekit-attribution/1", "cue_bias": 0.0, "source_bias": 0.0, "cue_threshold": 0.0,
            "source_threshold": 0.0, "vocab": ["complained", "wanted", "counted"]}
    model = AttributionModel({"w=complained": 5.0, "w=wanted": 5.0, "w=counted": 5.0}, {"w=who": 5.0}, meta)
    got = model.speaker(text, 0, len(text), _Attributor(_Doc(text, load_lexicon())))
    assert (got[0] if got else None) == actor
    check_offsets(text, segment(text, attribution=model))


def test_restrictive_who_on_pathological_input():
    # the adverb loop runs inside the mention only; the model reads at most 400 tokens a statement
    meta = {"format": "stancekit-attribution/1", "cue_bias": 0.0, "source_bias": 0.0, "cue_threshold": 0.0,
            "source_threshold": 0.0, "vocab": ["complained"]}
    model = AttributionModel({"w=complained": 5.0}, {"w=who": 5.0}, meta)
    check_offsets_rules_and_model("Even " * 20_000 + "Dockers who have complained about it.\n", model)
    check_offsets_rules_and_model("Dockers who " * 20_000 + "complained.\n", model)


def _check_one_cue_source(text: str, cue: str, actor: str | None) -> None:
    """A toy model whose only cue is ``cue`` and whose sources are capitalised runs: the source it
    finds in ``text`` is ``actor`` (None: it takes no cue), and its statements keep their offsets."""
    from stancekit.attribution._features import tokenize

    meta = {"format": "stancekit-attribution/1", "cue_bias": 0.0, "source_bias": 0.0, "cue_threshold": 0.0,
            "source_threshold": 0.0, "vocab": [cue]}
    model = AttributionModel({f"w={cue}": 5.0}, {"kind=cap": 5.0, "run_end=True": 1.0}, meta)
    found = model.find(text, 0, len(text), load_lexicon())
    if actor is None:
        assert found is None
    else:
        toks = tokenize(text)
        assert " ".join(t[0] for t in toks[found[2]:found[1] + 1]) == actor
    check_offsets(text, segment(text, attribution=model))


# Issue #13, fourteenth round (session 19): when the learned model reads a statement, a source
# candidate may end up to 20 tokens before its cue (_features.SOURCE_BEFORE: a name whose apposition
# or relative clause runs long before the verb), still at most 12 after it; training keeps 12 both
# ways. Before, such a subject was no candidate at all.
@pytest.mark.parametrize("text, actor", [
    ("Ana Ruiz, the harbour master who has run the northern pier for a dozen years, warned that the "
     "berth was unsafe.\n", "Ana Ruiz"),
    ("Tom Berg, a ferry captain from the island whose family has worked on the old boats since the war, "
     "warned that the toll would hurt.\n", "Tom Berg"),
    ("Ruiz warned that the berth was unsafe.\n", "Ruiz"),
    # after the cue, 12 tokens as before: the name at the end is too far to be its source
    ("The storm warned of nothing at all on that grey morning before the old shed lost its roof to "
     "the wind near Lund.\n", None),
], ids=["apposition-16-back", "relative-20-back", "next-to-the-cue", "too-far-after"])
def test_a_source_further_back_than_forward(text, actor):
    _check_one_cue_source(text, "warned", actor)


def test_source_candidates_window():
    from stancekit.attribution._features import SOURCE_BEFORE, quote_state, source_candidates, tokenize

    text = " ".join(["Pier"] * 30 + ["warned"] + ["Pier"] * 30) + ".\n"
    toks = tokenize(text)
    low = [t[0].lower() for t in toks]
    inq = quote_state(toks)
    assert SOURCE_BEFORE == 20
    assert source_candidates(toks, low, 30, inq) == [j for j in range(18, 43) if j != 30]  # training: 12 both ways
    assert source_candidates(toks, low, 30, inq, before=SOURCE_BEFORE) == [j for j in range(10, 43) if j != 30]
    assert source_candidates(toks, low, 3, inq, before=SOURCE_BEFORE) == [0, 1, 2, *range(4, 16)]


# A saying its subject failed to make is narration (nothing was said): after "failed to", "neglected
# to", "forgot to" the learned model takes no cue, whatever it scores (_model._failed_saying).
@pytest.mark.parametrize("text, actor", [
    ("Tom Berg failed to mention the new fee for the berth.\n", None),
    ("Tom Berg neglected to mention the new fee for the berth.\n", None),
    ("Tom Berg forgot to mention the new fee for the berth.\n", None),
    ("Tom Berg went on to mention the new fee for the berth.\n", "Tom Berg"),
    ("Tom Berg did mention the new fee for the berth.\n", "Tom Berg"),
], ids=["failed-to", "neglected-to", "forgot-to", "went-on-to", "did"])
def test_a_saying_its_subject_failed_to_make(text, actor):
    _check_one_cue_source(text, "mention", actor)


# Issue #13, fifteenth round (session 20): a cue word followed by "to" is a commitment ("agreed to
# pay": narration by SPEC) and is taken only over the cue threshold, except a verb whose "to" opens
# its object ("referred to the levy as a tax": a saying, as "described ... as"; _model._TO_OBJECT).
# The toy model scores its one cue 5, under its cue threshold 6 and over the threshold 0 of a cue
# right after a personal pronoun: only the commitment check stands between it and the statement.
@pytest.mark.parametrize("text, cue, actor", [
    ("She referred to the new levy as a tax on the island.\n", "referred", "She"),
    ("He refers to the old pier as the heart of the town.\n", "refers", "He"),
    ("They referred to the night ferry as a lifeline for the island.\n", "referred", "They"),
    ("She agreed to pay the new levy on the island.\n", "agreed", None),
    ("They promised to reopen the old pier in the spring.\n", "promised", None),
    ("The dispute was referred to the harbour council in May.\n", "referred", None),
    # Second pass: a stranded "to" (no object after it) sits in a relative or passive clause.
    ("The night ferry, which she referred to as a lifeline, sails at noon.\n", "referred", None),
    ("The old piers that they referred to in the talk were rebuilt in May.\n", "referred", None),
    ("The pier he referred to, the northern one, was closed.\n", "referred", None),
    ("She referred to them as pests in the council.\n", "referred", "She"),
], ids=["referred-to", "refers-to", "they-referred-to", "agreed-to", "promised-to", "passive",
        "stranded-as", "stranded-in", "stranded-comma", "object-pronoun"])
def test_a_reference_is_no_commitment(text, cue, actor):
    from stancekit.attribution._features import tokenize

    meta = {"format": "stancekit-attribution/1", "cue_bias": 0.0, "source_bias": 0.0, "cue_threshold": 6.0,
            "pronoun_threshold": 0.0, "source_threshold": 0.0, "vocab": [cue]}
    model = AttributionModel({f"w={cue}": 5.0}, {"kind=cap": 5.0, "kind=pron": 5.0, "run_end=True": 1.0}, meta)
    found = model.find(text, 0, len(text), load_lexicon())
    if actor is None:
        assert found is None
    else:
        assert found is not None
        toks = tokenize(text)
        assert " ".join(t[0] for t in toks[found[2]:found[1] + 1]) == actor
    check_offsets(text, segment(text, attribution=model))


# Issue #13, fifteenth round, second pass (session 20): with "referred to" read as a saying (f9cf94e),
# the shipped model took a perfect participle opening a closing phrase as the source ("..., having
# referred to the plan as ..."), and later pronouns resolved to it. "having" is a non-source word
# (data/attribution_non_sources.txt).
@pytest.mark.parametrize("text", [
    "Ana Ruiz lost the vote in May, having referred to the pier plan as \"finished\" for months.\n",
    "The ferry line cut two routes last spring, having referred to both as \"losing money.\"\n",
    "The harbour master, having described the pier as safe, resigned in May.\n",
], ids=["referred-plan", "referred-routes", "described-aside"])
def test_a_participle_is_no_source(text):
    for st in segment(text):
        assert st.actor is None or "having" not in st.actor.lower().split()
        assert st.actor_mention is None or st.actor_mention.lower().split()[-1:] != ["having"]
    check_offsets(text, segment(text))
