"""The learned attribution model (stancekit.attribution): data readers, the measure, the model
file (determinism, integrity), retraining, and golden tables of issue #13's failure patterns.

Every sentence here is invented for these tests.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stancekit import DataError, ModelError, ModelIntegrityError, segment
from stancekit.attribution import AttributionModel, default_attribution_path, load_attribution_model
from stancekit.attribution._corpus import parse_brat, read_any, read_brat_folder, read_spec_folder
from stancekit.attribution._features import tokenize
from stancekit.attribution._score import count_doc, normalise
from stancekit.attribution.train import fit, main as train_main

from .conftest import check_offsets, checked_segment

# -- small invented corpora -----------------------------------------------------------------------

ARTICLES = {
    "f01": ("The city council met on Monday to discuss the new bus lanes. "
            "Mayor Lina Ortiz said the lanes would cut travel times. "
            "Opposition leader Piet Vos argued that shops would lose customers. "
            "The council voted eight to three in favour.\n"),
    "f02": ("A drought has hit the southern farms this summer. "
            "Farm minister Jonas Berg warned that prices would rise. "
            "The harvest began two weeks early. "
            "Economist Mara Diaz said the rise would be small.\n"),
    "f03": ("The museum reopened after a long repair. "
            "Director Alain Roux said the new hall was ready. "
            "Visitors queued outside the gates. "
            "Critic Sofia Lang wrote that the building felt cold.\n"),
}


def _spec_folder(root: Path) -> Path:
    """A SPEC section 6 folder: every sentence a statement, actors where someone speaks."""
    root.mkdir(parents=True, exist_ok=True)
    rows = []
    for doc_id, text in ARTICLES.items():
        (root / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        start = 0
        for sent in text.strip().split(". "):
            sent = sent if sent.endswith(".") else sent + "."
            s = text.index(sent, start)
            e = s + len(sent)
            start = e
            words = sent.split()
            actor = None
            for k in range(len(words) - 1):
                if words[k][:1].isupper() and words[k + 1][:1].isupper() and k > 0:
                    actor = f"{words[k]} {words[k + 1]}"
                    break
            rows.append({"doc_id": doc_id, "start": s, "end": e, "text": sent, "actor": actor,
                         "actor_aliases": [], "kind": "indirect" if actor else "narrative", "stances": {},
                         "ambiguous": False})
    (root / "annotations.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return root


def _brat(text: str, source: str, cue: str, content: str) -> str:
    s, c, t = text.index(source), text.index(cue), text.index(content)
    return (f"T1\tSource {s} {s + len(source)}\t{source}\n"
            f"T2\tCue {c} {c + len(cue)}\t{cue}\n"
            f"T3\tContent {t} {t + len(content)}\t{content}\n"
            "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n")


# -- readers --------------------------------------------------------------------------------------

def test_parse_brat_reads_spans_and_discontinuous_content():
    text = "Ann Lee said the road, in her view, was unsafe."
    ann = ("T1\tSource 0 7\tAnn Lee\nT2\tCue 8 12\tsaid\nT3\tContent 13 21;35 47\tthe road was unsafe.\n"
           "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n")
    doc = parse_brat(ann, text, "d")
    (a,) = doc.attributions
    assert a.source == ((0, 7),) and a.cue == ((8, 12),) and a.content == ((13, 21), (35, 47))


def test_parse_brat_names_an_undefined_span_and_an_offset_past_the_text():
    text = "Short text."
    with pytest.raises(DataError, match=r"x.ann:2: event names 'T9', which is not a defined span"):
        parse_brat("T1\tCue 0 5\tShort\nE1\tAttribution:T1 Content:T9\n", text, "d", "x.ann")
    with pytest.raises(DataError, match=r"x.ann:1: span '0 99' is outside the text \(11 characters\)"):
        parse_brat("T1\tCue 0 99\tShort\n", text, "d", "x.ann")


def test_brat_type_with_hyphen_and_no_source():
    text = "It has been widely reported that the dam leaks."
    ann = "T1\tCue 0 27\tIt has been widely reported\nT2\tContent 28 47\tthat the dam leaks.\nE1\tAttribution-no-source:T1 Cue:T1 Content:T2\n"
    (a,) = parse_brat(ann, text, "d").attributions
    assert a.source == () and a.content == ((28, 47),)


def test_brat_folder_takes_the_first_annotation_file_of_each_document(tmp_path):
    text = "Ann Lee said the road was unsafe."
    (tmp_path / "d1.txt").write_text(text, encoding="utf-8")
    (tmp_path / "d1_a.ann").write_text(_brat(text, "Ann Lee", "said", "the road was unsafe"), encoding="utf-8")
    (tmp_path / "d1_b.ann").write_text("", encoding="utf-8")
    (doc,) = read_brat_folder(tmp_path)
    assert doc.doc_id == "d1" and len(doc.attributions) == 1
    assert read_any(tmp_path)[0].attributions == doc.attributions


def test_read_any_names_what_it_expected(tmp_path):
    with pytest.raises(DataError, match=r"not a labelled attribution set \(expected a .tar.gz of brat standoff"):
        read_any(tmp_path)


def test_spec_folder_gives_content_and_the_actor_mention_as_source(tmp_path):
    docs = read_spec_folder(_spec_folder(tmp_path / "spec"))
    f01 = next(d for d in docs if d.doc_id == "f01")
    sources = [f01.text[a.source[0][0]:a.source[0][1]] for a in f01.attributions]
    assert sources == ["Lina Ortiz", "Piet Vos"]
    assert len(f01.narrative) == 2


# -- the measure ----------------------------------------------------------------------------------

class _S:
    def __init__(self, start, end, actor, mention):
        self.start, self.end, self.actor, self.actor_mention = start, end, actor, mention


MEASURE_TEXT = "Ann Lee said the road was unsafe. The bridge opened. Bo Kim wrote that it was late."


@pytest.mark.parametrize("preds, found, right, false", [
    ([_S(0, 33, "Ann Lee", "Ann Lee")], 1, 1, 0),                       # found, speaker right
    ([_S(0, 33, "Ann Lee", "Lee")], 1, 1, 0),                           # last word of the source
    ([_S(0, 33, "Bo Kim", "Bo Kim")], 1, 0, 0),                         # found, wrong speaker
    ([_S(0, 20, "Ann Lee", "Ann Lee")], 0, 0, 0),                       # covers under half the content
    ([_S(0, 33, None, None)], 0, 0, 0),                                 # no actor: not found
    ([_S(34, 51, "Bo Kim", "Bo Kim")], 0, 0, 1),                        # overlaps no gold span
])
def test_measure_golden(preds, found, right, false):
    text = MEASURE_TEXT
    doc = parse_brat(_brat(text, "Ann Lee", "said", "the road was unsafe"), text, "m")
    c = count_doc(doc, preds)
    assert (c.found, c.right, c.false) == (found, right, false)


def test_normalise_ignores_case_and_punctuation():
    assert normalise("  The U.S. Senate's  ") == "the u s senate s"


# -- tokenizer on pathological input --------------------------------------------------------------

@pytest.mark.parametrize("text", ["'" * 50_000, "a'" * 50_000, "’s" * 50_000, "x" * 100_000, "." * 50_000])
def test_tokenize_pathological_input_keeps_offsets(text):
    toks = tokenize(text, limit=10**9)
    assert all(text[s:e] == t for t, s, e in toks)
    assert sum(e - s for _, s, e in toks) == len(text)


@pytest.mark.parametrize("text", ["a'" * 50_000, "said " * 20_000, "“said ”" * 10_000, "Ann said, " * 10_000])
def test_model_on_pathological_statements(shipped, text):
    from stancekit import load_lexicon
    found = shipped.find(text, 0, len(text), load_lexicon())
    assert found is None or all(0 <= k < 400 for k in found)


# -- the whole mention: name and apposition ------------------------------------------------------

@pytest.mark.parametrize("text, mention, expected", [
    ("Ada Ruiz, a nurse in Lima, said the ward was full.", "Ada Ruiz", "Ada Ruiz, a nurse in Lima"),
    ("Piet Vos, 61, a retired pilot, said the runway was short.", "Piet Vos", "Piet Vos, 61, a retired pilot"),
    ("Ada Ruiz, who runs the clinic, said the ward was full.", "Ada Ruiz", "Ada Ruiz, who runs the clinic"),
    ("Sen. Ada Ruiz (D-Ore.) said the bill was weak.", "Sen. Ada Ruiz", "Sen. Ada Ruiz (D-Ore.)"),
    ("Ada Ruiz, R-Ore., said the bill was weak.", "Ada Ruiz", "Ada Ruiz, R-Ore."),
    ("Ada Ruiz, senior analyst at Delta Bank, said rates would rise.", "Ada Ruiz",
     "Ada Ruiz, senior analyst at Delta Bank"),
    ("\"Rates will rise,\" said Ada Ruiz, an analyst at Delta Bank.", "Ada Ruiz", "Ada Ruiz, an analyst at Delta Bank"),
    # a title after lowercase modifiers among the first five words (regression: the mention stopped at the name)
    ("\"The scheme is broken,\" said Ada Ruiz, harbour safety program director at Tideway Trust, in an interview.",
     "Ada Ruiz", "Ada Ruiz, harbour safety program director at Tideway Trust"),
    ("Piet Vos, port and customs director of the Delta Institute, said rates would rise.", "Piet Vos",
     "Piet Vos, port and customs director of the Delta Institute"),
    # an apposition between dashes (regression: the mention stopped at the name)
    ("Piet Vos — a retired pilot from Delft — says the runway is short.", "Piet Vos",
     "Piet Vos — a retired pilot from Delft"),
    ("Piet Vos said the runway — the oldest in Delft — was short.", "Piet Vos", "Piet Vos"),
    # ... not words that open a clause or a phrase before a title ("recalling ... with the chief")
    ("Piet Vos, recalling weekly talks with the chief of staff, said rates would rise.", "Piet Vos", "Piet Vos"),
    ("Ada Ruiz, speaking with the ward director, said the ward was full.", "Ada Ruiz", "Ada Ruiz"),
    # not an apposition: the content after "according to X,", an adverb, a list of names, a clause
    ("According to Ada Ruiz, the ward is full.", "Ada Ruiz", "Ada Ruiz"),
    ("Ada Ruiz, however, said the ward was full.", "Ada Ruiz", "Ada Ruiz"),
    ("Ada Ruiz, Piet Vos and Bo Kim said the ward was full.", "Ada Ruiz", "Ada Ruiz"),
    ("Ada Ruiz, the ward is full, said the nurse.", "Ada Ruiz", "Ada Ruiz"),
    ("He, a nurse, said the ward was full.", "He", "He"),
    ("The ward was full, said Ada Ruiz.", "Bo Kim", "Bo Kim"),  # the mention is not in the text
])
def test_extend_mention_golden(text, mention, expected):
    from stancekit import load_lexicon
    from stancekit.attribution._mention import extend_mention
    lex = load_lexicon()
    got = extend_mention(text, 0, len(text), mention, lex.titles, lex.speech_verbs)
    assert got == expected
    assert got in text or got == mention


def test_extend_mention_reads_the_sentence_before_a_quotation():
    from stancekit import load_lexicon
    from stancekit.attribution._mention import extend_mention
    text = 'Ada Ruiz, a nurse in Lima, said: "The ward is full." "We need beds."'
    s = text.index('"We')
    lex = load_lexicon()
    assert extend_mention(text, s, len(text), "Ada Ruiz", lex.titles, lex.speech_verbs) == "Ada Ruiz, a nurse in Lima"


# Issue #13, wrong speakers on PolNeAR whose actor was right but whose mention stopped short of
# the Source's last word (written fresh): a place after the name, "of" + name, the phrase after
# a head noun, a head noun as apposition opener, a quotation whose speaker is named after it.
@pytest.mark.parametrize("text, mention, expected", [
    ("Tomas Brenner, 47, of Dayton, Ohio, said the plant would close.", "Tomas Brenner",
     "Tomas Brenner, 47, of Dayton, Ohio"),
    ("Gov. Ines Hart of Vermont said the levy was fair.", "Gov. Ines Hart", "Gov. Ines Hart of Vermont"),
    ("Critics of the levy have said it hurts farmers.", "Critics", "Critics of the levy"),
    ("A spokesman for the port said the cranes were idle.", "A spokesman", "A spokesman for the port"),
    ("Lena Ortiz, publisher of The Valley Ledger, said ad sales fell.", "Lena Ortiz",
     "Lena Ortiz, publisher of The Valley Ledger"),
    # a poll's or report's complement up to its verb of finding (regression: "New polls" and "Polls"
    # stopped short of PolNeAR's Source)
    ("New surveys released Monday showed the levy was popular.", "New surveys", "New surveys released Monday"),
    ("A study conducted by two Lima hospitals found the wards were full.", "A study",
     "A study conducted by two Lima hospitals"),
    ("Polls there show Ines Hart ahead.", "Polls", "Polls there"),
    ("Polls in Vermont show Ines Hart ahead.", "Polls", "Polls in Vermont"),
    # ... not a verb after a body ("released a statement"), nor "there" before no verb of saying
    ("The campaign released a statement saying the rally was off.", "The campaign", "The campaign"),
    ("Surveys there could be wrong.", "Surveys", "Surveys"),
    # a source named by "according to" at the end of the statement runs to its end (regression: the
    # apposition and the restrictive clause were cut off, as no speech verb came before the name)
    ("The fares rose in May and June, according to a Harbor Lines official who had no leave to talk to the press.",
     "Harbor Lines official", "Harbor Lines official who had no leave to talk to the press"),
    ("The fares rose again in May and June, according to Ana Ruiz, director of the Lima Survey Center, which "
     "ran the poll.", "Ana Ruiz", "Ana Ruiz, director of the Lima Survey Center, which ran the poll"),
    ("It is a very different story in the north, according to former Sen. Tom Reyes, R-Ohio.",
     "former Sen. Tom Reyes", "former Sen. Tom Reyes, R-Ohio"),
    # ... not when the content follows the source
    ("According to Ana Ruiz, the bridge that the city built is safe.", "Ana Ruiz", "Ana Ruiz"),
    ("For the mayor, according to Ana Ruiz, the bridge that the city built is safe.", "Ana Ruiz", "Ana Ruiz"),
    # a restrictive clause up to the main verb, a plural that a name modifies, a survey "by" its
    # author (regression, issue #13 session 14: the mention stopped at the noun or the name)
    ("A harbour official who described the meeting said the cranes were idle.", "A harbour official",
     "A harbour official who described the meeting"),
    ("Two nurses who have run the ward for years argue it is too small.", "Two nurses",
     "Two nurses who have run the ward for years"),
    ("Many Lima traders also say the fees are high.", "Many Lima", "Many Lima traders"),
    ("Harbor Lines pilots are warning of delays.", "Harbor Lines", "Harbor Lines pilots"),
    ("A survey by the port authority in March found the cranes idle.", "A survey",
     "A survey by the port authority in March"),
    ("Recent polls from Delta Bank and KTV/Metro respectively show a tie.", "Recent polls",
     "Recent polls from Delta Bank and KTV/Metro respectively"),
    # ... not a clause whose own speech verb follows an auxiliary, nor a verb after a name, nor a
    # particle after an "-ing" word ("going back": "back" is also a verb of the list)
    ("A survey by Delta Bank of harbour towns going back to 1990 showed the fares rose.", "A survey", "A survey"),
    ("Nurses who have said the ward is full were ignored.", "Nurses", "Nurses"),
    ("Ines Hart warns voters are tired.", "Ines Hart", "Ines Hart"),
    # no verb after the phrase: not a source's complement
    ("Critics of the plan, however, were quiet.", "Critics", "Critics"),
    ("Ada Ruiz, of course, said the ward was full.", "Ada Ruiz", "Ada Ruiz"),
])
def test_extend_mention_complements_golden(text, mention, expected):
    from stancekit import load_lexicon
    from stancekit.attribution._mention import extend_mention, head_nouns
    lex = load_lexicon()
    got = extend_mention(text, 0, len(text), mention, lex.titles, lex.speech_verbs, head_nouns(lex))
    assert got == expected


def test_extend_mention_reads_the_sentence_after_a_quotation():
    from stancekit import load_lexicon
    from stancekit.attribution._mention import extend_mention, head_nouns
    text = '"The ward is full. We need beds," said Ada Ruiz, a nurse in Lima.'
    e = text.index(" We")
    lex = load_lexicon()
    got = extend_mention(text, 0, e, "Ada Ruiz", lex.titles, lex.speech_verbs, head_nouns(lex))
    assert got == "Ada Ruiz, a nurse in Lima"


@pytest.mark.parametrize("text", ["Ann Lee" + ", a" * 50_000, "Ann Lee, " + "x" * 100_000 + ", said it.",
                                  "Ann Lee (" * 30_000, "Ann Lee," * 30_000, "Ann Lee" + " — a" * 50_000,
                                  "Ann Lee — " + "x" * 100_000 + " — said it.", "Ann Lee —" * 30_000])
def test_extend_mention_on_pathological_input(text):
    from stancekit import load_lexicon
    from stancekit.attribution._mention import MAX_WORDS, extend_mention
    lex = load_lexicon()
    got = extend_mention(text, 0, len(text), "Ann Lee", lex.titles, lex.speech_verbs)
    assert got.startswith("Ann Lee") and len(got.split()) <= 2 + 3 * MAX_WORDS


@pytest.mark.parametrize("text", ["Polls" + " there" * 50_000 + " show it.", "Polls released" + " x" * 100_000 + " show it.",
                                  "Polls in" + " in" * 100_000, "It rose in May and June, according to Polls" + " who" * 100_000,
                                  "It rose in May and June, according to Polls" + " who a" * 100_000 + ".",
                                  "Polls" + " who said" * 50_000, "Polls who" + " x" * 100_000 + " said it.",
                                  "Polls" + " traders" * 50_000 + " say", "Polls by" + " a/b" * 50_000 + " show it."])
def test_extend_mention_complement_on_pathological_input(text):
    from stancekit import load_lexicon
    from stancekit.attribution._mention import extend_mention, head_nouns
    lex = load_lexicon()
    got = extend_mention(text, 0, len(text), "Polls", lex.titles, lex.speech_verbs, head_nouns(lex))
    assert got.startswith("Polls") and len(got.split()) <= 8


def test_segment_mention_runs_over_the_apposition_and_the_actor_stays_the_name():
    text = "Mark Ivers, a pollster who has worked for both parties, argued that the tax would pass.\n"
    (st,) = segment(text, attribution=None)
    assert st.actor == "Mark Ivers"
    assert st.actor_mention == "Mark Ivers, a pollster who has worked for both parties"
    check_offsets(text, [st])


def test_training_target_is_the_head_of_the_first_noun_phrase():
    from stancekit import load_lexicon
    from stancekit.attribution.train import _marks
    text = "Ada Ruiz, a nurse who works in Lima, said the ward was full."
    doc = parse_brat(_brat(text, "Ada Ruiz, a nurse who works in Lima,", "said", "the ward was full"), text, "d")
    _, head = _marks(doc, load_lexicon().speech_verbs)
    assert head == {0: text.index("Ruiz")}


@pytest.mark.parametrize("text, head, expected", [
    ("said the mayor's spokesman, Tom Reyes, on Monday", "spokesman", "Tom Reyes"),
    ("said the mayor's spokesman, Tom Reyes.", "spokesman", "Tom Reyes"),
    ("said the spokesman, Tom A. Reyes, on Monday", "spokesman", "Tom A. Reyes"),
    ("said the spokesman, who was in Lima", "spokesman", "spokesman"),       # no name after the comma
    ("said the spokesman, Tom Reyes and Ann Lee", "spokesman", "spokesman"),  # a list, not one name
    ("said Tom Reyes, Ann Lee's aide", "Reyes", "Reyes"),                    # the head is a name already
    ("said he, Tom Reyes, on Monday", "he", "he"),
])
def test_a_description_beside_a_name_gives_the_name(text, head, expected):
    from stancekit.attribution._model import _apposed_name
    toks = tokenize(text)
    j = [t[0] for t in toks].index(head)
    j2, k2 = _apposed_name(toks, j, j)
    assert text[toks[k2][1]:toks[j2][2]] == expected


# A possessor's role beside a name (session 23, hC, fold 5): the learned model's source head on the
# possessor ("Ruiz's attorney, Tom J. Berg, declined to comment") gave the possessor, not the name.
@pytest.mark.parametrize("text, head, expected", [
    ("Ruiz's attorney, Tom J. Berg, also declined to comment.", "Ruiz", "Tom J. Berg"),
    ("Ruiz\u2019s chief strategist, Tom Berg, declined to comment.", "Ruiz", "Tom Berg"),
    ("Ruiz's attorney declined to comment.", "Ruiz", "Ruiz"),                 # no name beside the role
    ("Ruiz's attorney, who was in Lima, declined to comment.", "Ruiz", "Ruiz"),  # no name after the comma
    ("Ruiz's ferry, the Dawn, sank.", "Ruiz", "Ruiz"),                        # not a capitalised run of names
    ("Ruiz, Berg's aide, declined to comment.", "Ruiz", "Ruiz"),              # no possessive on the head
])
def test_a_possessors_role_beside_a_name_gives_the_name(text, head, expected):
    from stancekit.attribution._model import _apposed_name, _possessor_apposed_name
    toks = tokenize(text)
    j = [t[0] for t in toks].index(head)
    j2, k2 = _apposed_name(toks, *_possessor_apposed_name(toks, j, j))
    assert text[toks[k2][1]:toks[j2][2]] == expected


@pytest.mark.parametrize("text", ["Ruiz's " + "old " * 3000 + "aide, Tom Berg, said it.",
                                  "Ruiz's aide, " + "Tom " * 3000 + "said it."])
def test_a_possessors_role_on_pathological_input(text):
    from stancekit.attribution._model import _possessor_apposed_name
    toks = tokenize(text)
    _possessor_apposed_name(toks, 0, 0)


@pytest.mark.parametrize("word", ["already", "Nov", "sometimes", "any", "2008", "December", "someone"])
def test_source_candidates_leave_out_adverbs_numbers_and_months(word):
    from stancekit.attribution._features import quote_state, source_candidates
    text = f"The mayor {word} said the road was unsafe."
    toks = tokenize(text)
    low = [t[0].lower() for t in toks]
    i = low.index("said")
    cands = [toks[j][0] for j in source_candidates(toks, low, i, quote_state(toks))]
    assert word not in cands and "mayor" in cands


# -- training, determinism, the model file -------------------------------------------------------

@pytest.fixture(scope="module")
def small_model_paths(tmp_path_factory):
    """The same SPEC folder trained on twice through the documented command."""
    root = tmp_path_factory.mktemp("attr")
    folder = _spec_folder(root / "spec")
    a, b = root / "a" / "m.npz", root / "b" / "m.npz"
    assert train_main([str(folder), "-o", str(a)]) == 0
    assert train_main([str(folder), "-o", str(b)]) == 0
    return a, b


def test_training_twice_gives_the_same_bytes(small_model_paths):
    a, b = small_model_paths
    assert a.read_bytes() == b.read_bytes()
    ma = json.loads((a.parent / "m.npz.manifest.json").read_text())
    mb = json.loads((b.parent / "m.npz.manifest.json").read_text())
    assert ma.pop("command").endswith("/a/m.npz") and mb.pop("command").endswith("/b/m.npz")
    assert ma == mb
    assert ma["training_data"]["sets"][0]["documents"] == len(ARTICLES)


def test_retrained_model_from_a_spec_folder_loads_and_finds_a_speaker(small_model_paths):
    model = load_attribution_model(small_model_paths[0], missing_ok=False)
    assert isinstance(model, AttributionModel)
    assert "said" in model.vocab
    text = "The tram was late again. Engineer Rosa Klein said the rails were worn.\n"
    got = checked_segment(text, model)
    assert got[1].actor == "Rosa Klein"


def test_tampered_model_file_is_refused(small_model_paths, tmp_path):
    src = small_model_paths[0]
    dst = tmp_path / "m.npz"
    data = bytearray(src.read_bytes())
    data[len(data) // 2] ^= 0xFF
    dst.write_bytes(bytes(data))
    (tmp_path / "m.npz.manifest.json").write_text((src.parent / "m.npz.manifest.json").read_text())
    with pytest.raises(ModelIntegrityError, match=r"m.npz: sha256 .* does not match the manifest"):
        load_attribution_model(dst)


def test_model_without_manifest_is_refused(small_model_paths, tmp_path):
    dst = tmp_path / "m.npz"
    dst.write_bytes(small_model_paths[0].read_bytes())
    with pytest.raises(ModelError, match="manifest not found"):
        load_attribution_model(dst)


def test_foreign_npz_with_a_matching_manifest_is_no_attribution_model(tmp_path):
    import hashlib

    import numpy as np
    p = tmp_path / "x.npz"
    np.savez(p, a=np.zeros(3))
    from stancekit._files import library_versions
    (tmp_path / "x.npz.manifest.json").write_text(json.dumps({"sha256": hashlib.sha256(p.read_bytes()).hexdigest(),
                                                              "versions": library_versions()}))
    with pytest.raises(ModelError, match=r"x.npz: not a stancekit attribution model"):
        load_attribution_model(p)


def test_missing_model_file_falls_back_to_rules(tmp_path):
    assert load_attribution_model(tmp_path / "absent.npz") is None
    with pytest.raises(ModelError, match=r"absent.npz: attribution model file not found"):
        load_attribution_model(tmp_path / "absent.npz", missing_ok=False)
    text = "Mayor Lina Ortiz said the lanes would cut travel times.\n"
    assert segment(text, attribution=None) == segment(text, attribution="rules")


def test_default_is_rules_only_when_the_shipped_file_is_absent(monkeypatch, tmp_path):
    from stancekit.attribution import _model
    monkeypatch.setattr(_model, "_DEFAULT", [])
    monkeypatch.setattr(_model, "default_attribution_path", lambda: tmp_path / "absent.npz")
    assert _model.resolve_attribution("default") is None
    text = "Senator Lena Park chided the agency for its slow answers.\n"
    assert segment(text) == segment(text, attribution="rules")


@pytest.mark.parametrize("value, error, message", [
    ("best", ValueError, r"attribution 'best' is not one of: 'default', 'rules'"),
    (3, TypeError, r"attribution must be 'default', 'rules', None or an AttributionModel, got int"),
])
def test_bad_attribution_parameter_is_named(value, error, message):
    with pytest.raises(error, match=message):
        segment("Ann Lee said so.", attribution=value)


def test_fit_without_examples_says_so():
    from stancekit.attribution._corpus import AttributedDoc
    with pytest.raises(ValueError, match=r"no cue or source examples in 1 document\(s\)"):
        fit([AttributedDoc("d", "Nothing is said here by anyone at all.")])


# -- the shipped model ----------------------------------------------------------------------------

SHIPPED = default_attribution_path()


@pytest.fixture(scope="module")
def shipped():
    if not SHIPPED.is_file():
        pytest.skip(f"no shipped attribution model at {SHIPPED}")
    return load_attribution_model(SHIPPED, missing_ok=False)


def test_shipped_model_matches_its_manifest(shipped):
    man = json.loads(SHIPPED.with_name(SHIPPED.name + ".manifest.json").read_text())
    assert man["kind"] == "stancekit-attribution/1"
    assert {"training_data", "command", "cv", "blas"} <= set(man)


def test_shipped_attribution_model_is_not_stale(shipped):
    """The manifest's digest of fixtures/train must match fixtures/train as it is now: the model
    trains on it, so new or edited articles mean a rebuild (the command in the manifest)."""
    from stancekit.attribution.train import data_digest

    from .conftest import FIXTURES

    man = json.loads(SHIPPED.with_name(SHIPPED.name + ".manifest.json").read_text())
    sets = {s["path"]: s for s in man["training_data"]["sets"]}
    docs = read_any(FIXTURES / "train")
    assert sets["train"]["documents"] == len(docs)
    assert sets["train"]["sha256"] == data_digest(docs), (
        f"fixtures/train changed since the attribution model was trained: rebuild it with {man['command']!r}")


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abc XYZ said told ,.:\"“”'\n")), max_size=300))
def test_segment_with_the_model_keeps_the_invariants(text):
    model = load_attribution_model(SHIPPED)
    checked_segment(text, model)


# Issue #13's failure patterns, written fresh: (sentence(s), index of the statement, expected actor).
# The learned model is asked only where the rules find no speaker.
PATTERNS = {
    "inverted speaker with a long title": (
        "The tariff will hurt small ports, said Harbor Policy Institute scholar Nadia Ferreira.\n", 0,
        "Nadia Ferreira"),
    "according to X's spokesman, Y, the inner speaker wins": (
        "According to the mayor's spokesman, Tom Reyes, the transport chief said the line would close.\n", 0,
        "transport chief"),
    "title in apposition with the name": (
        "The chair of the river commission, Ilse Marek, said the dam was safe.\n", 0, "Ilse Marek"),
    "passive: advised by X": (
        "The council was advised by engineer Paolo Ferri that the bridge needed repairs.\n", 0, "Paolo Ferri"),
    "noun phrase: drew criticism from X": (
        "The new levy drew criticism from the Coastal Fishers Union.\n", 0, "Coastal Fishers Union"),
    "verb outside the list: chided": (
        "Senator Lena Park chided the agency for its slow answers.\n", 0, "Lena Park"),
    "verb outside the list: played up": (
        "Governor Ada Ruiz played up the rise in exports.\n", 0, "Ada Ruiz"),
    "verb outside the list: stressing": (
        "Stressing the cost of delay, Finance Minister Karl Brandt urged a quick vote.\n", 0, "Karl Brandt"),
    # passes since session 17: "rights" is a modifier of a group noun (np_modifiers.txt), so the
    # rules name "rights groups" instead of "groups"
    "attribution inside a relative clause": (
        "The court upheld a verdict that rights groups said was unfair.\n", 0, "rights groups"),
    "'according to the interests of' is no source": (
        "Water is shared according to the interests of the largest farms.\n", 0, None),
    "bare head noun as actor: 'and independent journalists'": (
        "Lawyers and independent journalists said the new law was vague.\n", 0,
        "Lawyers and independent journalists"),
    "scare quotes are no speech": (
        "The so-called \"reform\" cut rural pensions by a third.\n", 0, None),
    "'she' after a man goes to the woman": (
        "Anna Petrova opened the hearing. Then Viktor Lund read the report. "
        "She said the figures were wrong.\n", 2, "Anna Petrova"),
}

# Patterns that still fail (each a strict xfail: a fix shows), at the shipped model's default
# thresholds and at PolNeAR's broad ones (RECALL_THRESHOLDS).
STILL_FAILING = {
    "default": set(),
    "broad": set(),
}


@pytest.mark.parametrize("mode, name", [
    pytest.param(mode, n, marks=pytest.mark.xfail(strict=True, reason="issue #13: not reached yet"))
    if n in STILL_FAILING[mode] else (mode, n) for mode in ("default", "broad") for n in PATTERNS])
def test_issue13_failure_patterns(shipped, mode, name):
    from stancekit.attribution.train import RECALL_THRESHOLDS
    model = shipped if mode == "default" else shipped.with_thresholds(*RECALL_THRESHOLDS)
    text, i, actor = PATTERNS[name]
    got = checked_segment(text, model)
    assert got[i].actor == actor


# The shipped model at its default point (issue #13; cue model C 1, cue threshold 1.5 since the eighth round):
# sayings and findings the rules miss are found, narration stays in the article's voice.
@pytest.mark.parametrize("text, actor", [
    # A noun cue after a light verb sits at the joint cue threshold. The model rebuilt in session 13
    # scored "details" over "provided" and found no clear source for "details" (a strict xfail then,
    # "joint cue chosen by score alone"); the model rebuilt in session 15 (the tenth round's rules and
    # data) names Reyes again; the model rebuilt in session 17 (362 fixture articles, the twelfth
    # round's rules) scores neither word over its threshold: a strict xfail in session 17. Since session
    # 18 a cue whose best source is not clear is compared with the others by cue and source scores
    # together (AttributionModel._find_in, CLEAR_SOURCE): both are joint cues, and "provided" (Reyes at
    # log-odds 3.8) now speaks over "details" (Reyes at -0.3, under the joint source threshold).
    # The model rebuilt in session 24 (1,514 fixture articles, 5205e7d1) scores neither word over its
    # threshold again, as session 17's did: a strict xfail.
    pytest.param("Tom Reyes provided new details about the fire and his talks with the mayor.\n", "Tom Reyes",
                 marks=pytest.mark.xfail(strict=True, reason="session 24: the model rebuilt on 1,514 articles "
                                                             "takes neither 'provided' nor 'details'")),
    ("New polls published Friday showed the mayor pulling ahead in the race.\n", "New polls"),
    ("Members of the city council on Wednesday debated the results of the harbor summit.\n", None),
    ("The Harbor Gazette has released excerpts of the report.\n", None),
    ("The fishers union drew the comparison during a speech to dockworkers on Sunday.\n", None),
    # an adverb opening the sentence is no part of the model's mention (regression: "Perhaps young voters")
    ("Perhaps young voters prefer the mayor's plan for the pier over the council's caution.\n", "young voters"),
])
def test_shipped_model_golden(shipped, text, actor):
    got = checked_segment(text, shipped)
    assert got[0].actor == actor


def _toy_model(cues=("grumbled",), **thresholds):
    """A hand-made model: each cue word of ``cues`` scores 0.5, a pronoun or a capitalised word
    scores 5 as its source; cue threshold 2 unless ``thresholds`` set it (or lower it in context)."""
    from stancekit.attribution import AttributionModel
    meta = {"format": "stancekit-attribution/1", "cue_bias": 0.0, "source_bias": 0.0, "cue_threshold": 2.0,
            "source_threshold": 0.0, "vocab": list(cues), **thresholds}
    return AttributionModel({f"w={c}": 0.5 for c in cues},
                            {"kind=pron": 5.0, "kind=cap": 5.0, "run_end=True": 1.0}, meta)


# Issue #13: the cue threshold of reported speech (a quotation, a "that" clause or a colon after
# the cue, a personal pronoun before it) is lower than elsewhere; each only lowers the threshold.
@pytest.mark.parametrize("text, thresholds, actor", [
    ("Ada Ruiz came in. She grumbled the plan failed.\n", {}, None),
    ("Ada Ruiz came in. She grumbled the plan failed.\n", {"pronoun_threshold": 0.0}, "Ada Ruiz"),
    ("Ada Ruiz came in. She grumbled the plan failed.\n", {"pronoun_threshold": 3.0}, None),
    # a subject pronoun right after the cue opens its clause, as "that" does (issue #13, eighth round)
    ("Ada Ruiz grumbled they had failed.\n", {"pronoun_threshold": 0.0}, "Ada Ruiz"),
    ("Ada Ruiz grumbled they had failed.\n", {}, None),
    ("Ada Ruiz grumbled them a tune.\n", {"pronoun_threshold": 0.0}, None),
    ("Ada Ruiz grumbled that the plan failed.\n", {}, None),
    ("Ada Ruiz grumbled that the plan failed.\n", {"clause_threshold": 0.0}, "Ada Ruiz"),
    ("Ada Ruiz grumbled: the plan failed.\n", {"clause_threshold": 0.0}, "Ada Ruiz"),
    ("Ada Ruiz grumbled the plan failed.\n", {"clause_threshold": 0.0}, None),
    ("Ada Ruiz grumbled the \"plan\" failed.\n", {"quote_threshold": 0.0}, "Ada Ruiz"),
    ("Ada Ruiz grumbled the plan failed.\n", {"quote_threshold": 0.0}, None),
])
def test_contextual_cue_thresholds(text, thresholds, actor):
    model = _toy_model(**thresholds)
    got = checked_segment(text, model)
    assert got[-1].actor == actor


# Issue #13, eighth round: a relative "who" after a description ("an old ferryman, who ...") or a dash,
# and a relative "which" after a capitalised name, stand for the words before them.
@pytest.mark.parametrize("text, actor", [
    ("The last question came from an old ferryman, who grumbled that the hall was cold.\n", "ferryman"),
    ("The order answered the Harbor Gazette, which grumbled that the files were public.\n", "Harbor Gazette"),
    ("Mayor Ada Ruiz - who grumbled that the hall was cold - left early.\n", "Ada Ruiz"),
    ("The hall was cold, which grumbled nothing.\n", None),  # no name before "which"
    ("It was cold in there, who grumbled that?\n", None),  # no description before "who"
])
def test_a_relative_pronoun_stands_for_the_words_before_it(text, actor):
    from stancekit.attribution import AttributionModel
    meta = {"format": "stancekit-attribution/1", "cue_bias": 0.0, "source_bias": 0.0, "cue_threshold": 0.0,
            "source_threshold": 0.0, "vocab": ["grumbled"]}
    # only a pronoun scores as a source: a name is reached through the relative pronoun alone
    model = AttributionModel({"w=grumbled": 0.5}, {"kind=pron": 5.0}, meta)
    got = checked_segment(text, model)
    assert got[0].actor == actor


# A cue under its threshold is taken when its source is clear (joint thresholds).
@pytest.mark.parametrize("joint, actor", [(None, None), ((0.0, 2.0), "Ada Ruiz"), ((0.0, 10.0), None),
                                          ((1.0, 2.0), None)])
def test_joint_cue_and_source_thresholds(joint, actor):
    model = _toy_model().with_thresholds(2.0, 0.0, joint=joint)
    text = "Ada Ruiz grumbled the plan failed.\n"
    got = checked_segment(text, model)
    assert got[0].actor == actor


# A cue taken under its threshold for its clear source: a source after the cue follows it directly or
# after "by", "from", "of", "to" (regression, the rebuilt model of session 11: "telephone calls among
# X, Y and Z" gave X, a fixtures/train statement that is the article's own voice).
@pytest.mark.parametrize("text, actor", [
    ("The plan was fine, grumbled Ada Ruiz.\n", "Ada Ruiz"),
    ("The plan drew grumbled remarks from Ada Ruiz.\n", None),  # "remarks" between: not taken
    ("The deal came in grumbled calls among Ada Ruiz, Tom Reyes and Lena Ortiz.\n", None),
])
def test_joint_cue_source_after_it(text, actor):
    model = _toy_model().with_thresholds(2.0, 0.0, joint=(0.0, 2.0))
    got = checked_segment(text, model)
    assert got[0].actor == actor


@pytest.mark.parametrize("text, found", [
    ("Ada Ruiz expects a payback.", True),
    ("Ada Ruiz is the only one expecting a payback.", False),  # a participle: the cue threshold
])
def test_speech_list_threshold_is_for_finite_forms(text, found):
    """Regression (issue #13, seed article): a speech-list word in -ing scored between the
    speech-verb list's threshold and the cue threshold was taken as a cue."""
    from stancekit import load_lexicon
    from stancekit.attribution import AttributionModel
    from stancekit.attribution._features import tokenize
    meta = {"format": "stancekit-attribution/1", "cue_bias": 0.0, "source_bias": 0.0, "cue_threshold": 2.0,
            "speech_threshold": 1.0, "source_threshold": 0.0, "vocab": ["expects", "expecting"]}
    model = AttributionModel({"w=expects": 1.5, "w=expecting": 1.5}, {"kind=cap": 5.0, "run_end=True": 1.0}, meta)
    lex = load_lexicon()
    assert {"expects", "expecting"} <= lex.speech_verbs
    assert (model._find_in(tokenize(text), lex) is not None) == found


def test_relative_who_gives_the_name_before_it():
    """Issue #13: a source written "who" (PolNeAR's Source span) is the name before its comma;
    "who" stays the mention, the actor is the name."""
    from stancekit.attribution import AttributionModel
    meta = {"format": "stancekit-attribution/1", "cue_bias": 0.0, "source_bias": 0.0, "cue_threshold": 0.0,
            "source_threshold": 0.0, "vocab": ["grumbled"]}
    model = AttributionModel({"w=grumbled": 0.5}, {"kind=pron": 7.0, "kind=cap": 5.0}, meta)
    text = "Ada Ruiz, who grumbled that the plan failed, left early.\n"
    got = checked_segment(text, model)
    assert (got[0].actor, got[0].actor_mention) == ("Ada Ruiz", "who")
    text = "Then, who grumbled that the plan failed?\n"  # no name before the comma: no speaker
    assert segment(text, attribution=model)[0].actor is None


def test_with_thresholds_sets_the_contextual_thresholds():
    m = _toy_model().with_thresholds(2.0, 0.0, quote=0.0, clause=1.0, pronoun=-1.0)
    assert (m.meta["quote_threshold"], m.meta["clause_threshold"], m.meta["pronoun_threshold"]) == (0.0, 1.0, -1.0)
    assert _toy_model().with_thresholds(1.0, 0.0).meta["quote_threshold"] == 1.0


def test_regression_phase_verb_before_a_non_speech_cue_is_narration(shipped):
    """Retrained on 153 fixture articles, the model took "restricting" (log-odds 2.06, over the
    cue threshold of 2) after "has continued" as a cue and named the subject as its source."""
    text = ("Meanwhile, the Latvian cabinet has continued restricting press freedom, "
            "recently trying to shut a radio station.\n")
    got = segment(text, "x", attribution=shipped)
    check_offsets(text, got)
    assert [(s.actor, s.kind) for s in got] == [(None, "narrative")]


# Issue #13, third round: gates on what the learned model takes (toy model: see _toy_model).
@pytest.mark.parametrize("text, actor", [
    ("Ada Ruiz grumbled the plan failed.\n", "Ada Ruiz"),
    # a verb of phase before the verb it governs is its aspect, not a cue of its own
    ("Ada Ruiz continued grumbling about the plan.\n", None),
    ("Ada Ruiz continued to grumble about the plan.\n", None),
    ("Ada Ruiz continued: the plan failed.\n", "Ada Ruiz"),
    # a negative pronoun names no speaker
    ("Nobody grumbled the plan failed.\n", None),
    ("Neither grumbled the plan failed.\n", None),
])
def test_phase_verbs_and_negative_sources_are_no_attribution(text, actor):
    model = _toy_model(cues=("grumbled", "continued"), cue_threshold=0.0)
    got = checked_segment(text, model)
    assert got[0].actor == actor


@pytest.mark.parametrize("text, heads, actor", [
    # a cue taken for its clear source (joint thresholds) needs a source that may be a speaker:
    # a capitalised name, a pronoun, a title, group or organisation word, or a learned source head
    ("Ada Ruiz grumbled the plan failed.\n", [], "Ada Ruiz"),
    ("On Monday the officials grumbled the plan failed.\n", [], "officials"),
    ("On Monday the bakers grumbled the plan failed.\n", ["bakers"], "bakers"),
    ("On Monday the bakers grumbled the plan failed.\n", [], None),
    ("On Monday the harbour grumbled the plan failed.\n", ["bakers"], None),
    ("On Monday the harbour grumbled the plan failed.\n", None, "harbour"),  # a model file without the list
])
def test_joint_cue_needs_a_speakerlike_source(text, heads, actor):
    from stancekit.attribution import AttributionModel
    meta = {"format": "stancekit-attribution/1", "cue_bias": 0.0, "source_bias": 0.0, "cue_threshold": 2.0,
            "source_threshold": 0.0, "vocab": ["grumbled"], "joint_cue_threshold": 0.0,
            "joint_source_threshold": 2.0}
    if heads is not None:
        meta["source_heads"] = heads
    model = AttributionModel({"w=grumbled": 0.5}, {"b": 5.0, "side=L": 1.0, "run_end=True": 1.0}, meta)
    got = checked_segment(text, model)
    assert got[0].actor is not None if actor else got[0].actor is None
    if actor:
        assert actor.lower() in got[0].actor.lower()


def test_source_heads_are_the_common_nouns_that_head_gold_sources_often():
    from stancekit.attribution._corpus import Attribution, AttributedDoc
    from stancekit.attribution.train import SOURCE_HEAD_MIN, _source_heads
    from stancekit import load_lexicon

    def doc(i: int, source: str) -> AttributedDoc:
        text = f"The {source} said the oven was cold."
        s = text.index(source)
        c = text.index("said")
        return AttributedDoc(f"d{i}", text, [Attribution(((s, s + len(source)),), ((c, c + 4),),
                                                         ((c + 5, len(text) - 1),))])

    docs = [doc(i, "local bakers") for i in range(SOURCE_HEAD_MIN)] + [doc(9, "millers")]
    docs += [doc(10 + i, "Ada Ruiz") for i in range(SOURCE_HEAD_MIN)]
    heads = _source_heads(docs, load_lexicon().speech_verbs)
    assert "bakers" in heads and "millers" not in heads and "ruiz" not in heads


@pytest.mark.parametrize("text, finding, actor", [
    # a verb of finding is a cue at its own threshold when a poll, study or report before it is its source
    ("A harbour audit showed the ferry losing riders.\n", -1.0, "audit"),
    ("A harbour audit showed the ferry losing riders.\n", None, None),
    ("A harbour audit showed the ferry losing riders.\n", 0.0, None),  # the cue scores -0.5
    ("The harbour master showed the ferry to visitors.\n", -1.0, None),  # no poll, study or report
    ("The ferry showed its age in a harbour survey.\n", -1.0, None),  # the source is not before it
])
def test_findings_of_polls_and_studies(text, finding, actor):
    from stancekit.attribution import AttributionModel
    meta = {"format": "stancekit-attribution/1", "cue_bias": 0.0, "source_bias": 0.0, "cue_threshold": 2.0,
            "source_threshold": 0.0, "vocab": ["showed"]}
    model = AttributionModel({"w=showed": -0.5}, {"b": 5.0, "side=L": 1.0}, meta)
    model = model.with_thresholds(2.0, 0.0, finding=finding)
    got = checked_segment(text, model)
    assert got[0].actor is None if actor is None else actor in got[0].actor.lower()


# Issue #13, eighth round: a finding's poll, study or report is its source whatever the source
# ranker scores it (regression: "A poll of ... released on Tuesday showed" scored "poll" under the
# source threshold, and the finding was lost).
@pytest.mark.parametrize("text, actor", [
    ("A harbour survey of ferry riders released by the port on Tuesday showed a drop.\n", "survey"),
    ("The harbour master showed the ferry to visitors.\n", None),  # no poll, study or report
])
def test_a_finding_takes_its_poll_whatever_it_scores(text, actor):
    from stancekit.attribution import AttributionModel
    meta = {"format": "stancekit-attribution/1", "cue_bias": 0.0, "source_bias": 0.0, "cue_threshold": 2.0,
            "source_threshold": 0.0, "vocab": ["showed"]}
    model = AttributionModel({"w=showed": -0.5}, {"b": -5.0}, meta).with_thresholds(2.0, 0.0, finding=-1.0)
    got = checked_segment(text, model)
    assert got[0].actor is None if actor is None else actor in got[0].actor.lower()


# A verb of finding that scores over the joint cue threshold but under its context's, with no source
# clear enough for a joint cue, is still a finding when a poll, study or report comes before it
# (regression: "New polls published Friday showed ..." was lost when the cue threshold rose over its
# score, as the joint path took it and found no clear source).
@pytest.mark.parametrize("text, joint, actor", [
    ("New harbour polls published Friday showed the ferry losing riders.\n", (0.0, 10.0), "polls"),
    ("A harbour survey showed the ferry losing riders.\n", (0.0, 10.0), "survey"),
    ("The harbour master showed the ferry to visitors.\n", (0.0, 10.0), None),  # no poll, study or report
    ("Mayor Ada Ruiz showed the ferry to visitors.\n", (0.0, 2.0), "ada ruiz"),  # a clear source: a joint cue
    ("The ferry showed its age, a harbour survey found.\n", (0.0, 10.0), None),  # the survey is not before it
])
def test_finding_verb_between_the_joint_and_the_cue_threshold(text, joint, actor):
    from stancekit.attribution import AttributionModel
    meta = {"format": "stancekit-attribution/1", "cue_bias": 0.0, "source_bias": 0.0, "cue_threshold": 2.0,
            "source_threshold": 0.0, "vocab": ["showed"]}
    model = AttributionModel({"w=showed": 0.5}, {"b": 1.0, "kind=cap": 2.0, "run_end=True": 1.0}, meta)
    model = model.with_thresholds(2.0, 0.0, finding=-1.0, joint=joint)
    got = checked_segment(text, model)
    assert got[0].actor is None if actor is None else actor in got[0].actor.lower()


# Judgement verbs of the speech-verb list (SPEC section 4: "criticised", "questioned"; issue #13:
# "chided"), found by the rules alone; a noun of the same spelling is no cue.
@pytest.mark.parametrize("text, actor", [
    ("Mayor Mira Holt denounced the budget as reckless.\n", "Mira Holt"),
    ("Opposition leader Tomas Varga lambasted the ministry for its silence.\n", "Tomas Varga"),
    ("Senator Lena Park mocked the plan as a fantasy.\n", "Lena Park"),
    ("Mayor Jonas Eck disputed the figures.\n", "Jonas Eck"),
    ("Mayor Jonas Eck blames the weather.\n", "Jonas Eck"),
    ("The blame fell on the harbour office.\n", None),
    ("The recount in the third district took two days.\n", None),
    ("A local advocate of cycling spoke first.\n", None),
    # issue #13, eighth round: verbs of saying and judging outside the list before it
    ("Senator Petra Vinter blasted the ferry operator over the fares.\n", "Petra Vinter"),
    ("Governor Emil Sandor joked that the pitch was greener than his team.\n", "Emil Sandor"),
    ("Mayor Jonas Eck likened the toll to a tax on the poor.\n", "Jonas Eck"),
    ("Minister Olga Fenn reaffirmed her support for the canal.\n", "Olga Fenn"),
    ("The union leader Marta Koss railed against the night shifts.\n", "Marta Koss"),
    ("A loud blast shook the harbour office.\n", None),
    ("The old joke about the ferry still works.\n", None),
])
def test_judgement_verbs_are_cues(text, actor):
    got = checked_segment(text)
    assert got[0].actor == actor


# Nouns of a judgement with their source after "from" or "by" (data/attribution_noun_cues.txt),
# found by the rules alone; a request ("appeals from") is narrated.
@pytest.mark.parametrize("text, actor", [
    ("The plan won praise from Mayor Jonas Eck.\n", "Jonas Eck"),
    ("The ferry timetable drew complaints from the Harbour Users Council.\n", "Harbour Users Council"),
    ("A warning by the central bank came too late.\n", "central bank"),
    ("Despite repeated appeals from the Red Cross, the camp stayed shut.\n", None),
    ("The parcel from the Harbour Users Council arrived on Monday.\n", None),
])
def test_noun_cues_name_their_source_after_from_or_by(text, actor):
    got = checked_segment(text)
    assert got[0].actor == actor


@pytest.mark.parametrize("text, actor", [
    ("Ada Ruiz is grumbling that the plan failed.\n", "Ada Ruiz"),  # a progressive, not a passive
    ("It is grumbled that the plan failed.\n", None),  # a passive: its source would follow "by"
])
def test_progressive_after_be_is_no_passive(text, actor):
    model = _toy_model(cues=("grumbling", "grumbled"), cue_threshold=0.0)
    got = checked_segment(text, model)
    assert got[0].actor == actor


@pytest.mark.parametrize("text, actor", [
    ("Seats were given out according to the rules of the chamber.\n", None),
    ("The convoy left according to plan.\n", None),
    ("Prices rose according to the wishes of the largest traders.\n", None),
    ("According to the ministry, prices rose in May.\n", "ministry"),
])
def test_according_before_a_measure_cites_no_source(shipped, text, actor):
    """Regression: the rebuilt model took "according to the interests of the largest farms" as a
    citation of "farms"; "according to" before a noun of measure or wish is no cue."""
    from stancekit.attribution.train import RECALL_THRESHOLDS
    for model in (shipped, shipped.with_thresholds(*RECALL_THRESHOLDS)):
        got = segment(text, attribution=model)[0]
        assert got.actor == actor or (actor is not None and got.actor and actor in got.actor.lower())


# Issue #13, fifth round: a clause after ", but", ", while", ", and" or ";" whose source only the
# learned model finds (a cue among its first words, its source before the cue and no pronoun) is
# a statement of its own when the rules name another source in the clause before.
@pytest.mark.parametrize("text, expected", [
    ("Ada Ruiz said the pier was safe, but Tom Berg grumbled that it was not.",
     [("Ada Ruiz said the pier was safe,", "Ada Ruiz"), ("but Tom Berg grumbled that it was not.", "Tom Berg")]),
    ("Ada Ruiz said the pier was safe; Tom Berg grumbled that it was not.",
     [("Ada Ruiz said the pier was safe;", "Ada Ruiz"), ("Tom Berg grumbled that it was not.", "Tom Berg")]),
    ("Ada Ruiz said the pier was safe, while Ines Moro grumbled that it was not.",
     [("Ada Ruiz said the pier was safe,", "Ada Ruiz"), ("while Ines Moro grumbled that it was not.", "Ines Moro")]),
    # a pronoun subject most often stands for the first clause's source: one statement
    ("Ada Ruiz said the pier was safe, but she grumbled that it was late.",
     [("Ada Ruiz said the pier was safe, but she grumbled that it was late.", "Ada Ruiz")]),
    # no source for the first clause: the sentence stays whole (the model names its speaker)
    ("The pier was closed, but Tom Berg grumbled that it was safe.",
     [("The pier was closed, but Tom Berg grumbled that it was safe.", "Tom Berg")]),
    # the cue past the clause's first eight words: no split
    ("Ada Ruiz said the pier was safe, but Tom Berg of the old north harbour ferry crews grumbled.",
     [("Ada Ruiz said the pier was safe, but Tom Berg of the old north harbour ferry crews grumbled.", "Ada Ruiz")]),
    # no cue word in the second clause: nothing to look at
    ("Ada Ruiz said the pier was safe, but Tom Berg was not there.",
     [("Ada Ruiz said the pier was safe, but Tom Berg was not there.", "Ada Ruiz")]),
])
def test_model_finds_the_source_of_a_second_clause(text, expected):
    model = _toy_model(cue_threshold=0.0)
    got = checked_segment(text, model)
    assert [(s.text, s.actor) for s in got] == expected
    if len(expected) == 2:  # the rules alone do not know the cue: one statement
        assert len(segment(text, attribution=None)) == 1


@pytest.mark.parametrize("verb", [
    "has bristled that the budget is late",
    pytest.param("has threatened to block the budget", marks=pytest.mark.xfail(
        strict=True, reason="session 23: the attribution model rebuilt on 914 articles (91a4bed5) scores "
                            "'threatened' in this clause under the cue threshold; 56aca698 split it")),
])
def test_shipped_model_splits_a_second_source_the_rules_miss(shipped, verb):
    text = f"Mayor Ana Ruiz said the bridge would open in May, while council member Tom Berg {verb}."
    assert [s.actor for s in segment(text, attribution=None)] == ["Ana Ruiz"]
    got = checked_segment(text, shipped)
    assert [s.actor for s in got] == ["Ana Ruiz", "Tom Berg"]


@pytest.mark.parametrize("text", ["Ann Lee said it" + ", but Tom Berg grumbled" * 40 + ".",
                                  "Ann Lee said it" + "; Tom" * 200 + " grumbled.",
                                  "Ann Lee said it, but " + "Tom " * 300 + "grumbled."])
def test_second_clause_split_on_pathological_sentences(text):
    model = _toy_model(cue_threshold=0.0)
    checked_segment(text, model)


# Issue #13, fifth round: a sentence that opens with a subordinate clause ("While A ..., B ...")
# gives two statements when each clause has a source of its own and a learned model is given
# (since the eighth round, the rules alone too when they name both sources).
@pytest.mark.parametrize("text, expected", [
    ("While Ana Ruiz has said the pier is safe, Tom Berg said it is not.",
     [("While Ana Ruiz has said the pier is safe,", "Ana Ruiz"), ("Tom Berg said it is not.", "Tom Berg")]),
    ("Although Ana Ruiz grumbled that the pier was late, Tom Berg said it was on time.",
     [("Although Ana Ruiz grumbled that the pier was late,", "Ana Ruiz"), ("Tom Berg said it was on time.", "Tom Berg")]),
    ("Whereas Ana Ruiz said the pier was safe, Tom Berg grumbled that it was not.",
     [("Whereas Ana Ruiz said the pier was safe,", "Ana Ruiz"), ("Tom Berg grumbled that it was not.", "Tom Berg")]),
    # a pronoun subject stands for the subordinate clause's source: one statement
    ("While Ana Ruiz has said the pier is safe, she said it is old.",
     [("While Ana Ruiz has said the pier is safe, she said it is old.", "Ana Ruiz")]),
    # one source only: one statement
    ("While the pier is old, Tom Berg said it is safe.",
     [("While the pier is old, Tom Berg said it is safe.", "Tom Berg")]),
])
def test_a_leading_subordinate_clause_with_its_own_source_is_split(text, expected):
    model = _toy_model(cue_threshold=0.0)
    got = checked_segment(text, model)
    assert [(s.text, s.actor) for s in got] == expected
    rules = segment(text, attribution=None)  # the rules alone: the same split where they name
    check_offsets(text, rules)  # both sources (eighth round), else one statement
    assert [s.text for s in rules] in ([s.text for s in got], [text])


@pytest.mark.parametrize("text, mention", [
    ("While Ana Ruiz grumbled that the pier was late, the ferry ran.", "Ana Ruiz"),
    ("Yet Ana Ruiz grumbled that the pier was late.", "Ana Ruiz"),
    ("But Ana Ruiz grumbled that the pier was late.", "Ana Ruiz"),
])
def test_a_capitalised_conjunction_is_no_part_of_the_model_mention(text, mention):
    got = segment(text, attribution=_toy_model(cue_threshold=0.0))
    assert (got[0].actor, got[0].actor_mention) == (mention, mention)


@pytest.mark.parametrize("text", ["While " + "Ann " * 2000 + "said it, Tom said no.",
                                  "While" + " x" * 400 + ", Tom grumbled.", "While , , , " * 500,
                                  "Although Ann said it" + ", Tom grumbled" * 300 + "."])
def test_leading_subordinate_split_on_pathological_sentences(text):
    check_offsets(text, segment(text, attribution=_toy_model(cue_threshold=0.0)))


# Issue #13, eighth round: a clause of time, condition or cause first ("When A pointed out X, B
# said Y") is split like "While ..." when the rules find a source in each clause (the model is not
# asked about the first clause: "When the ministers agreed to ..., Y promised" is narration there).
@pytest.mark.parametrize("text, expected", [
    ("When Ana Ruiz pointed out that the ferry was late, Mayor Tom Berg said the pier was safe.",
     [("When Ana Ruiz pointed out that the ferry was late,", "Ana Ruiz"),
      ("Mayor Tom Berg said the pier was safe.", "Tom Berg")]),
    ("If Ana Ruiz says the pier is safe, Tom Berg insisted, the ferry should run.",
     [("If Ana Ruiz says the pier is safe,", "Ana Ruiz"), ("Tom Berg insisted, the ferry should run.", "Tom Berg")]),
    ("Because Ana Ruiz argued that the toll was too high, Tom Berg said it would be cut.",
     [("Because Ana Ruiz argued that the toll was too high,", "Ana Ruiz"),
      ("Tom Berg said it would be cut.", "Tom Berg")]),
    # no source of its own in the first clause: one statement
    ("When the council met on Monday, Tom Berg said the pier was safe.",
     [("When the council met on Monday, Tom Berg said the pier was safe.", "Tom Berg")]),
    # "As A has stressed, ...": A's tag over the main clause, not a second source (not split)
    ("As Mayor Ana Ruiz has stressed, Port Velden regards the pier as a shared asset.",
     [("As Mayor Ana Ruiz has stressed, Port Velden regards the pier as a shared asset.", "Ana Ruiz")]),
])
def test_a_leading_clause_of_time_or_condition_with_its_own_source_is_split(text, expected):
    got = segment(text, attribution=_toy_model(cue_threshold=0.0))
    check_offsets(text, got)
    assert [(s.text, s.actor) for s in got] == expected
    rules = segment(text, attribution=None)  # the rules alone: the same split where they name
    check_offsets(text, rules)  # both sources (eighth round), else one statement
    assert [s.text for s in rules] in ([s.text for s in got], [text])


@pytest.mark.parametrize("text, expected", [
    ("While Ana Ruiz has said the pier is safe, Tom Berg said it is not.",
     [("While Ana Ruiz has said the pier is safe,", "Ana Ruiz"), ("Tom Berg said it is not.", "Tom Berg")]),
    ("When Ana Ruiz pointed out that the ferry was late, Mayor Tom Berg said the pier was safe.",
     [("When Ana Ruiz pointed out that the ferry was late,", "Ana Ruiz"),
      ("Mayor Tom Berg said the pier was safe.", "Tom Berg")]),
    # the same source in both clauses: one statement
    ("While Ana Ruiz has said the pier is safe, Ruiz said it is old.",
     [("While Ana Ruiz has said the pier is safe, Ruiz said it is old.", "Ana Ruiz")]),
])
def test_the_rules_alone_split_a_leading_clause_with_its_own_source(text, expected):
    got = checked_segment(text)
    assert [(s.text, s.actor) for s in got] == expected


@pytest.mark.parametrize("text", ["When " + "Ann " * 2000 + "said it, Tom said no.",
                                  "If" + " x" * 400 + ", Tom grumbled.", "Because , , , " * 500,
                                  "Even as Ann said it" + ", Tom grumbled" * 300 + "."])
def test_leading_time_clause_split_on_pathological_sentences(text):
    check_offsets(text, segment(text, attribution=_toy_model(cue_threshold=0.0)))


# Issue #13, eighth round: a participle after a comma shares the clause's subject; the object
# before the comma and a name inside the participle's content are not its source (the rules had
# taken "Mr. Berg" from "Mr. Berg had answered", a verb inside the content).
@pytest.mark.parametrize("text, actor", [
    ("Ana Ruiz sternly reprimanded Mr. Berg, saying at a rally that Mr. Berg had answered the council with contempt.",
     "Ana Ruiz"),
    ("Ana Ruiz hugged Tom Berg, saying that Tom Berg had promised to fix the pier.", "Ana Ruiz"),
    ("Ana Ruiz met Tom Berg, saying on Monday that the council had warned of delays.", "Ana Ruiz"),
    # a participle with no content of its own leaves the verb after it its subject
    ("Officials familiar with the pier plan, speaking on condition of anonymity, said the toll would rise.",
     "Officials"),
    # a described subject whose noun is a body's head noun (eleventh round: speakers and sayings left)
    ("The harbour union toured the pier with Mayor Tom Berg, arguing that Tom Berg had insisted on the toll.",
     "harbour union"),
])
def test_a_participle_after_a_comma_keeps_the_clause_subject(text, actor):
    got = checked_segment(text)
    assert [s.actor for s in got] == [actor]


# Issue #13, eighth round: an opening conjunction is no part of a group subject ("While the main
# candidates say ..." had the actor "While the main candidates").
@pytest.mark.parametrize("text, actor, mention", [
    ("While the main candidates of both camps say the pier must be rebuilt, they differ on the toll.",
     "main candidates", "the main candidates of both camps"),
    ("Although local officials say the pier is safe, a new survey is due.", "local officials", "local officials"),
    # (with a pronoun subject in the main clause, that pronoun is the mention: eighth round, second pass)
    ("Although local officials say the pier is safe, they want a new survey.", "local officials", "they"),
])
def test_an_opening_conjunction_is_no_part_of_a_group_subject(text, actor, mention):
    got = checked_segment(text)
    assert [(s.actor, s.actor_mention) for s in got] == [(actor, mention)]


# Issue #13, ninth round (session 14): wrong speakers of statements with one gold attribution.
# "Some" as a share of a group ("Some said": the rules had taken a name inside the content); a
# verb in "-s" before "that" after a noun in "-al" ("The Gazette Journal notes that": "Journal"
# had been read as an adjective and "notes" as a noun); an unnamed speaker in a tag after a
# quotation ('"...?" the insider said.': no speaker, or the model's word inside the quotation).
@pytest.mark.parametrize("text, actor, mention", [
    ("Some said the fares had doubled as Tom Reyes likened the port to a toll road.", "Some", "Some"),
    ("Some of the dock workers argue that the cranes are too old.", "dock workers", "Some of the dock workers"),
    ("The Harbor Journal notes that Mayor Ana Ruiz wrote that the pier was safe.", "Harbor Journal",
     "The Harbor Journal"),
    ("\"Is the pier safe?\" the insider asked.", "insider", "the insider"),
    ("\"Will the ferry run in May?\" a harbour staffer wondered.", "staffer", "a harbour staffer"),
    # "according to" a description with a phrase after its noun (regression: no speaker, then the
    # model's last word, "base"): the noun before the first preposition, the whole phrase as mention
    ("According to the officer on duty at the pier that evening, the cranes were idle.", "officer",
     "the officer on duty at the pier that evening"),
    ("According to the interests of the port, the toll must rise.", None, None),
    # an opening prepositional phrase is read after the main clause ("During a press call ..., the
    # campaign said" had the actor "press"), and a base form after an article and capitalised words
    # is a noun ("the Lima contest", "a Twitter comment" had the actors "Lima", "Twitter")
    ("During a press call on Monday, the Reyes campaign said the strike would go on.", "Reyes campaign",
     "the Reyes campaign"),
    ("It is still unclear whether Tom Reyes will win the Lima contest.", None, None),
    ("Ana Ruiz added a Twitter comment, saying the pier was safe.", "Ana Ruiz", "Ana Ruiz"),
    ("Nor will the Harbor Trust accept the new toll.", "Harbor Trust", "the Harbor Trust"),
    # a finding's subject across a relative clause, and the main clause's own subject of a verb of
    # finding after an opening poll (regression: the share's group, and the poll, were the actors)
    ("Exit surveys at the Lima vote, which Tom Reyes lost narrowly, showed that most farmers wanted the levy.",
     "Exit surveys", "Exit surveys at the Lima vote, which Tom Reyes lost narrowly"),
    ("In a phone poll of 600 ferry riders, taken in early May, Harbor Research found that the fares are too high.",
     "Harbor Research", "Harbor Research"),
    # an inverted speaker whose title follows lowercase modifiers after a body's name (regression: the
    # body was the actor)
    ("\"We will win,\" said Delta State University law professor Ana Ruiz.", "Ana Ruiz",
     "Delta State University law professor Ana Ruiz"),
    # an inverted tag with no quotation that names a group described (regression: no speaker; the
    # model then took a name inside the content)
    ("The new toll is not the worst idea, say some Democrats, who recall the old one.",
     "Democrats", "some Democrats, who recall the old one"),
    ("The pier is unsafe, said local officials.", "local officials", "local officials"),
    ("Ana Ruiz, said to be the richest woman in Lima, bought the pier.", None, None),
    # a noun in "-ly" is no adverb between a subject and its verb (regression: "a Lima rally blasting"
    # had the actor "Lima", as "rally" was skipped like "repeatedly")
    ("Ana Ruiz held a Lima rally blasting the mayor for the new toll.", "Ana Ruiz", "Ana Ruiz"),
    # an opening "In March," is no name in apposition before "the X" (regression: the actor "In
    # March"); a passive with its addressee before "by"; a hyphenated modifier before an inverted title
    ("In March, the Harbor Board announced a new toll on ferries.", "Harbor Board", "the Harbor Board"),
    ("Details of the plan were described to her by a Gazette reporter.", "Gazette reporter", "a Gazette reporter"),
    ("\"It will be close,\" said Lima dock-workers union organizer Ana Ruiz.", "Ana Ruiz",
     "Lima dock-workers union organizer Ana Ruiz"),
    # a one-word label whose lowercase form the line repeats names its topic, not a speaker
    # (regression: "Superdelegates: ... 520 superdelegates ..., according to X" had the label's actor)
    ("Funding: The council is backed by 20 funding partners, according to the Harbor Gazette.", "Harbor Gazette",
     "the Harbor Gazette"),
    ("Reyes: We will rebuild the pier before the winter.", "Reyes", "Reyes"),
    # ... not a share of a quantity ("Some 40 percent"), nor a description with no quotation before it
    ("Some 40 percent of dock workers say the cranes are too old.", "dock workers", "Some 40 percent of dock workers"),
    ("The crowd cheered and the insider said nothing.", None, None),
    pytest.param("\"Will the ferry run in May?\" a clerk in the harbour office wondered.", "clerk",
                 "a clerk in the harbour office", marks=pytest.mark.xfail(
                     strict=True, reason="a tag's description with a phrase after its noun is not read")),
])
def test_single_attribution_speakers_ninth_round(text, actor, mention):
    got = checked_segment(text)
    assert [(s.actor, s.actor_mention) for s in got] == [(actor, mention)]


@pytest.mark.parametrize("text", ['"' + "x" * 50_000 + '" the' + " a" * 20_000 + " said.",
                                  '"x," the insider said.' * 5_000, "Some said " * 10_000,
                                  "Exit polls, which" + " x" * 50_000 + ", showed it.", "In a poll, conducted" + " x" * 50_000,
                                  "In a poll, " + "Delta " * 50_000 + "found it.", "Exit polls, which" + ", which x" * 20_000,
                                  "It is late, say" + " some" * 50_000 + " residents.", "It is late, say some Dutch," * 10_000,
                                  "It was described" + " to him" * 50_000 + " by Ana.", "In March, the" * 20_000,
                                  "Funding: " + "fund " * 50_000 + "\nFunding: x" * 5_000])
def test_single_attribution_speakers_on_pathological_input(text):
    checked_segment(text)
