"""Issue #13, eighth round (recall): cues of the learned attribution model that SPEC section 4 and
PolNeAR agree on, and the narration kept out. Sentences written fresh for these tests."""

from __future__ import annotations

import pytest

from stancekit import segment
from stancekit.attribution import AttributionModel

from .conftest import check_offsets, checked_segment


def _model(cues: dict[str, float], **meta: object) -> AttributionModel:
    """A hand-made model: each cue word scores its weight; a pronoun or a capitalised word scores 5
    as a source; cue threshold 0, source threshold 0 unless ``meta`` sets them."""
    base = {"format": "stancekit-attribution/1", "cue_bias": 0.0, "source_bias": 0.0, "cue_threshold": 0.0,
            "source_threshold": 0.0, "vocab": sorted(cues)}
    return AttributionModel({f"w={w}": s for w, s in cues.items()},
                            {"kind=pron": 5.0, "kind=cap": 5.0, "run_end=True": 1.0}, {**base, **meta})


# A verb that narrates an event (SPEC section 4: "met, attended, signed"; "debated") is never a cue,
# whatever it scores (data/attribution_event_verbs.txt); a saying next to it still is.
@pytest.mark.parametrize("text, actor", [
    ("Members of the Harbor Council on Monday debated the ferry budget.\n", None),
    ("Mayor Ada Ruiz met the dock workers on Friday.\n", None),
    ("The two ministers signed the canal accord in Lisbon.\n", None),
    ("Mayor Ada Ruiz grumbled that the ferry budget was thin.\n", "Ada Ruiz"),
])
def test_event_verbs_are_never_cues(text, actor):
    model = _model({"debated": 9.0, "met": 9.0, "signed": 9.0, "grumbled": 9.0})
    got = checked_segment(text, model)
    assert got[0].actor == actor


def test_event_verbs_data_holds_specs_examples():
    from stancekit.attribution._model import _EVENT_VERBS

    assert {"met", "attended", "signed", "debated"} <= _EVENT_VERBS
    assert not {"said", "argued", "warned"} & _EVENT_VERBS


# Verbs of judging, disclosing and thinking added to the speech-verb list in this round, found by the
# rules alone; a base form kept out of the list ("defend") is no cue.
@pytest.mark.parametrize("text, actor", [
    ("Senator Petra Vinter defended the toll as fair.\n", "Petra Vinter"),
    ("Mayor Jonas Eck deemed the old pier unsafe.\n", "Jonas Eck"),
    ("Minister Olga Fenn revealed that the canal would close.\n", "Olga Fenn"),
    ("Governor Emil Sandor remembers the flood as a turning point.\n", "Emil Sandor"),
    ("The ferry office cannot defend the toll forever.\n", None),
    ("Senator Petra Vinter credited the harbour police with the calm.\n", "Petra Vinter"),
    ("Mayor Jonas Eck sided with the dock workers on the fares.\n", "Jonas Eck"),
    ("Minister Olga Fenn rebuffed the call for a second bridge.\n", "Olga Fenn"),
    # the fourth batch (ninth round: judgements, disclosures, namings)
    ("Senator Petra Vinter hints that the toll will rise.\n", "Petra Vinter"),
    ("Mayor Jonas Eck blasts the ferry company for the delays.\n", "Jonas Eck"),
    ("Minister Olga Fenn disclosed that the canal would close early.\n", "Olga Fenn"),
    ("Mayor Jonas Eck dubbed the new pier a white elephant.\n", "Jonas Eck"),
    ("Mayor Jonas Eck boasts that the pier is the longest in the region.\n", "Jonas Eck"),
])
def test_more_speech_verbs_are_cues(text, actor):
    got = checked_segment(text)
    assert got[0].actor == actor


# A quotation whose speaker is named in a sentence of its own after it: "He said." holds the cue, the
# quotation the content (eighth round, second pass; was a strict xfail): the quotation's sentences
# take the tag's speaker.
@pytest.mark.parametrize("text, index, actor", [
    ("\u201cThe ferry will be late again this winter.\u201d\nMayor Ada Ruiz said.\n", 0, "Ada Ruiz"),
    ("Reyes spoke at the dock. \"The pier is old. Why does nobody ask the mayor?\" Tom Reyes said.\n", 1, "Tom Reyes"),
    ("Reyes spoke at the dock. \"The pier is old. Why does nobody ask the mayor?\" Tom Reyes said.\n", 2, "Tom Reyes"),
    ("\u201cCan the ferry run all winter?\u201d Ana Ruiz asked in reply.\n", 0, "Ana Ruiz"),
])
def test_a_quotation_takes_the_speaker_of_a_tag_sentence_after_it(text, index, actor):
    got = checked_segment(text)
    assert got[index].actor == actor


# ... not a short sentence after the quotation that is no tag (no speech verb among its last words)
def test_a_short_sentence_after_a_quotation_is_no_tag():
    text = "Ana Ruiz spoke first. \"The pier is old.\"\n\nTom Reyes wants a bigger share of the port.\n"
    got = checked_segment(text)
    assert got[1].actor != "Tom Reyes"


# SPEC cues studied in this round and not reached yet (each a strict xfail: a fix shows), with the
# shipped model at its default point.
@pytest.mark.parametrize("text, index, actor", [
    # a passive whose source after "by" is a lowercase group (the rules' passives want a name)
    ("The plan was praised by several harbour workers who heard the speech.\n", 0, "harbour workers"),
    # a finding in a closing tag: the study after its verb (findings take a poll or study before it)
    ("The bridge is safe, the harbour study concluded.\n", 0, "harbour study"),
])
@pytest.mark.xfail(strict=True, reason="issue #13, eighth round: studied, not reached")
def test_spec_cues_not_reached_yet(text, index, actor):
    got = segment(text)
    check_offsets(text, got)
    assert got[index].actor == actor
