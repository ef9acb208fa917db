"""Paragraphs (setting ``paragraph_context``; #14, tenth round): each statement's paragraph, the
first model's view of the paragraph in the second model, the scorer file that carries it."""

from __future__ import annotations

import json
import pickle

import numpy as np
import pytest

import stancekit
from stancekit._model import build_pipeline, fit_model, save_model
from stancekit._segment import Statement, paragraph_numbers
from stancekit._targets import default_targets
from stancekit._vectors import StackSignals, StatementInput, _DocLayout, evidence_label, stack_names, statement_inputs
from stancekit.sklearn import StanceFeaturizer

from .conftest import FIXTURES, ROOT, check_fit_is_deterministic, check_off_is_without
from .test_trees import _statements, scorer_of_saved

PARA = {"min_df": 1, "doc_weight": 1.0, "stack_weight": 1.0, "actor_weight": 0.0, "author_actor": True,
        "doc_focus": True, "doc_gate": True, "doc_about": True, "author_stack": True, "paragraph_context": True}


@pytest.fixture(scope="module")
def para_model(small_train):
    return fit_model(small_train, default_targets(), PARA)


# -- where paragraphs come from -----------------------------------------------------------------

@pytest.mark.parametrize("text, spans, want", [
    ("One. Two.", [(0, 4), (5, 9)], [0, 0]),
    ("One.\nTwo.", [(0, 4), (5, 9)], [0, 0]),  # a line break alone is no paragraph break
    ("One.\n\nTwo.", [(0, 4), (6, 10)], [0, 1]),
    ("One.\n \t\nTwo.", [(0, 4), (8, 12)], [0, 1]),  # a line of spaces is blank
    ("One.\r\n\r\nTwo.", [(0, 4), (8, 12)], [0, 1]),
    ("Head\n\nOne. Two.\n\n\n\nThree.", [(6, 10), (11, 15), (19, 25)], [0, 0, 1]),  # before the first: not counted
    ("A line\n\nin one span. Next.", [(0, 20), (21, 26)], [0, 0]),  # a break inside a span does not count
    ("", [], []),
])
def test_paragraph_numbers(text, spans, want):
    assert paragraph_numbers(text, spans) == want


@pytest.mark.parametrize("gap", ["\n" + " " * 200_000 + "x", "\n \n" * 50_000, " \n" * 100_000])
def test_paragraph_break_pattern_is_linear_on_pathological_gaps(gap):
    text = "One." + gap + "Two."
    out = paragraph_numbers(text, [(0, 4), (len(text) - 4, len(text))])  # a backtracking pattern would hang
    assert out == [0, 1 if "\n \n" in gap else 0]


def test_segment_gives_each_statement_its_paragraph():
    text = ("Ana Ruiz said the pier was safe. The council disagreed.\n\n"
            "Work starts in May, the mayor said.\n\nThe harbour is old.")
    sts = stancekit.segment(text, "d")
    assert [s.paragraph for s in sts] == paragraph_numbers(text, [(s.start, s.end) for s in sts]) == [0, 0, 1, 2]
    assert "paragraph" not in sts[0].to_dict()  # not a SPEC field
    moved = Statement(*[getattr(sts[0], k) for k in ("doc_id", "statement_id", "actor", "actor_mention", "kind",
                                                     "start", "end", "text")], paragraph=5)
    assert moved == sts[0] and repr(moved) == repr(sts[0])  # not compared, not shown
    assert Statement(None, "0", None, None, "narrative", 0, 1, "x").paragraph == -1  # not known
    assert [it.para for it in statement_inputs(sts)] == [0, 0, 1, 2]
    assert pickle.loads(pickle.dumps(sts[2])).paragraph == 1


def test_labelled_spans_get_their_paragraph(small_train):
    docs: dict[str, list] = {}
    for s in small_train.statements:
        docs.setdefault(s.doc_id, []).append(s)
    for doc_id, sts in docs.items():
        text = small_train.documents[doc_id]
        assert [s.paragraph for s in sts] == paragraph_numbers(text, [(s.start, s.end) for s in sts])
    assert max(s.paragraph for s in small_train.statements) > 0


def test_mapping_and_object_inputs_carry_a_paragraph():
    items = statement_inputs([{"text": "a", "doc_id": "d", "paragraph": 2}, {"text": "b", "doc_id": "d"},
                              {"text": "c", "doc_id": "d", "paragraph": True}, {"text": "d", "paragraph": "1"}])
    assert [it.para for it in items] == [2, -1, -1, -1]


# -- the paragraph columns ----------------------------------------------------------------------

def test_paragraph_columns_are_the_first_models_view_of_the_paragraph():
    """Per target, the mean supporting / questioning over the paragraph's other statements; then,
    for a statement in the article's own voice, the mean over the paragraph's attributed ones."""
    items = [StatementInput("a", doc="d", actor="Ana", para=0), StatementInput("b", doc="d", para=0),
             StatementInput("c", doc="d", actor="Bo", para=0), StatementInput("e", doc="d", para=1),
             StatementInput("f", doc="d", para=-1), StatementInput("g", doc="x", para=0)]
    p = np.array([[0.6, 0.2, 0.2], [0.1, 0.1, 0.8], [0.2, 0.4, 0.4], [0.9, 0.0, 0.1], [0.3, 0.3, 0.4],
                  [0.5, 0.5, 0.0]])
    sig = StackSignals(_DocLayout(items, True), [p], paragraph=True)
    m = sig.matrix(0, len(items))
    assert m.shape == (6, 10 + 4) and len(stack_names(["t"], True)) == 14
    np.testing.assert_allclose(m[:, :10], StackSignals(_DocLayout(items, True), [p]).matrix(0, 6))
    want_others = [[0.15, 0.25], [0.4, 0.3], [0.35, 0.15], [0, 0], [0, 0], [0, 0]]
    want_attributed = [[0, 0], [0.4, 0.3], [0, 0], [0, 0], [0, 0], [0, 0]]  # the own voice's "b" alone
    np.testing.assert_allclose(m[:, 10:12], want_others)
    np.testing.assert_allclose(m[:, 12:14], want_attributed)
    for a, b in [(0, 2), (2, 6), (1, 4)]:  # a block of rows reads what the whole batch gives
        np.testing.assert_array_equal(sig.matrix(a, b), m[a:b])


def test_paragraph_context_columns_come_last_and_are_not_copied(para_model):
    for pipe in para_model.pipelines.values():
        feat = pipe[0]
        names = list(feat.get_feature_names_out())
        assert feat.n_stack_ == 28 and feat.n_para_ == 8
        assert names[-8:] == [f"stack:{k}" for k in range(20, 28)]
        assert names[-9] == "author:stack:19" and "author:stack:20" not in names
        plan = feat.feature_plan()
        assert plan.n_para == 8
        assert plan.feature_names(stack_names(para_model.stage1.target_ids, True))[-8:] == \
            stack_names(para_model.stage1.target_ids, True)[-8:]


def test_paragraph_context_is_checked():
    with pytest.raises(TypeError, match=r"setting 'paragraph_context' must be true or false"):
        build_pipeline(default_targets()[0], {**PARA, "paragraph_context": "yes"})
    with pytest.raises(ValueError, match=r"paragraph_context"):
        build_pipeline(default_targets()[0], {**PARA, "stack_weight": 0.0, "author_stack": False})


def test_train_command_refuses_paragraph_context_without_the_first_model(tmp_path, capsys):
    from stancekit._cli import main
    code = main(["train", str(FIXTURES / "dev"), "-o", str(tmp_path / "m.joblib"), "--set", "paragraph_context=true"])
    err = capsys.readouterr().err
    assert code == 2 and "paragraph_context" in err and "stack_weight" in err and "Traceback" not in err


def test_scorer_file_with_paragraph_context_gives_the_pipelines_probabilities(para_model, tmp_path):
    """The scorer file (format 4) gives the pipelines' own probabilities to the last bit, read at
    once and in blocks (a paragraph may straddle two blocks)."""
    from stancekit._scorer import _texts, scorer_arrays
    scorer = scorer_of_saved(para_model, tmp_path / "p.joblib")
    meta = json.loads(_texts(scorer_arrays(scorer)["meta"])[0])
    assert meta["format"] == 4 and all(t["n_para"] == 8 for t in meta["targets"])
    assert all("n_para" not in t for t in meta["stage1"]["targets"])


def test_paragraphs_change_the_labels_and_unknown_paragraphs_read_as_none(para_model):
    sts = _statements(2)
    with_paras = para_model.predict_proba(sts)
    unknown = [Statement(*[getattr(s, k) for k in ("doc_id", "statement_id", "actor", "actor_mention", "kind",
                                                   "start", "end", "text")]) for s in sts]
    without = para_model.predict_proba(unknown)
    assert any(not np.array_equal(with_paras[t], without[t]) for t in with_paras)


def test_model_fit_with_paragraph_context_is_deterministic(small_train, para_model):
    check_fit_is_deterministic(para_model, small_train, PARA, _statements(2))


def test_paragraph_context_off_is_the_model_without_the_setting(small_train):
    check_off_is_without(small_train, PARA, {"paragraph_context": False}, _statements(2))


def test_featurizer_pickled_before_paragraph_context_existed_loads_without_it():
    f = StanceFeaturizer()
    state = f.__getstate__()
    state.pop("paragraph_context")
    g = StanceFeaturizer.__new__(StanceFeaturizer)
    g.__setstate__(state)
    assert g.get_params()["paragraph_context"] is False


def test_explain_names_the_paragraph_evidence(para_model, tmp_path, capsys):
    assert evidence_label("para:others:treaty:supporting", []) == "rest of the paragraph: supporting treaty"
    assert evidence_label("para:attributed:chairmanship:questioning", []) == \
        "the paragraph's sources: questioning chairmanship"
    from stancekit._cli import main
    art = ROOT / "docs" / "example-article.txt"
    save_model(para_model, tmp_path / "p.joblib")
    capsys.readouterr()
    assert main(["score", str(art), "--model", str(tmp_path / "p.joblib"), "--quiet", "--explain", "40",
                 "-o", str(tmp_path / "p.jsonl")]) == 0
    lines = (tmp_path / "p.jsonl").read_text(encoding="utf-8")
    assert "rest of the paragraph" in lines or "the paragraph's sources" in lines


def test_regression_select_cv_tries_unstacked_candidates_without_the_settings_that_read_the_first_model(
        small_train, monkeypatch):
    """models/settings.json has author_stack and paragraph_context, which need the first model;
    --select-cv's grid has candidates without it (stack_weight 0), which build_pipeline refused."""
    import stancekit._train as train_module
    seen = []
    real = train_module.cross_validated_probas
    monkeypatch.setattr(train_module, "cross_validated_probas",
                        lambda data, t, s, k, **kw: seen.append(dict(s)) or real(data, t, s, k, **kw))
    base = {**PARA, "C": 1.0}
    chosen, _scores = train_module.select_settings_cv(small_train, default_targets(), 3, [{"stack_weight": 0.0}],
                                                      base, neutral_biases=None)
    assert [(s["stack_weight"], s["author_stack"], s["paragraph_context"]) for s in seen] == [(0.0, False, False)]
    assert chosen["stack_weight"] == 0.0 and not chosen["author_stack"] and not chosen["paragraph_context"]
    build_pipeline(default_targets()[0], chosen)  # a valid setting


def test_regression_evaluation_on_gold_spans_gives_the_model_each_statements_paragraph(para_model, monkeypatch):
    """evaluate_model built its inputs without the paragraph: a model with paragraph_context was
    scored on gold spans as if no paragraph were known (zeros in its paragraph columns)."""
    from stancekit._data import LabelledSet, read_labelled
    from stancekit._evaluate import evaluate_model
    train, _ = read_labelled([FIXTURES / "train"], ["treaty", "chairmanship"])
    first = sorted({s.doc_id for s in train.statements})[:3]
    data = LabelledSet([s for s in train.statements if s.doc_id in first],
                       {d: train.documents[d] for d in first}, train.files)
    seen = []
    real = para_model.predict
    monkeypatch.setattr(para_model, "predict", lambda x: seen.append(list(x)) or real(x))
    evaluate_model(para_model, data, end_to_end=False)
    assert [d["paragraph"] for d in seen[0]] == [s.paragraph for s in data.statements]
    assert max(s.paragraph for s in data.statements) > 0


def test_paragraph_is_keyword_only_so_a_scored_statements_stances_keep_their_place():
    from stancekit import ScoredStatement
    args = ("d", "d:0", None, None, "narrative", 0, 1, "x")
    scored = ScoredStatement(*args, {"treaty": None})
    assert scored.stances == {"treaty": None} and scored.paragraph == -1
    assert Statement(*args, paragraph=3).paragraph == 3
    with pytest.raises(TypeError):
        Statement(*args, 3)


def test_paragraphs_of_a_long_document_read_in_windows_are_those_of_the_whole(monkeypatch):
    """A long document is segmented in windows of paragraphs (issue 15); the paragraph numbers run on
    across windows (statements compare without them, so they are checked here)."""
    import stancekit._segment as seg
    texts = [p.read_text(encoding="utf-8") for p in sorted((FIXTURES / "train").glob("*.txt"))[:6]]
    whole = [[s.paragraph for s in stancekit.segment(t, "d")] for t in texts]
    monkeypatch.setattr(seg, "_WINDOW_CHARS", 1)
    assert [[s.paragraph for s in stancekit.segment(t, "d")] for t in texts] == whole
    assert all(max(p) > 0 for p in whole)
