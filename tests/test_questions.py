"""Questions (setting ``questions``; #14, eleventh round): two columns after all others, whether a
statement ends with a question mark and whether it opens with an interviewer's label, and the
scorer file that carries them."""

from __future__ import annotations

import json

import numpy as np
import pytest

import stancekit
from stancekit._model import build_pipeline, fit_model
from stancekit._targets import default_targets
from stancekit._vectors import QUESTION_FEATURES, StatementInput, evidence_label, question_rows, statement_inputs
from stancekit.sklearn import StanceFeaturizer

from .conftest import FIXTURES, check_fit_is_deterministic, check_off_is_without
from .test_trees import scorer_of_saved

ASK = {"min_df": 1, "doc_weight": 1.0, "stack_weight": 1.0, "actor_weight": 0.0, "author_actor": True,
       "doc_focus": True, "doc_gate": True, "doc_about": True, "author_stack": True, "paragraph_context": True,
       "questions": True, "mlp_blend": 0.5, "mlp_hidden": 8}

# Invented interview, written for these tests.
INTERVIEW = (
    "Vienna, May 4\n\n"
    "Q: Minister Halvorsen, your government called the Russian draft a useful start. Do you still think so?\n\n"
    "Halvorsen: We think the treaty deserves a serious hearing, and the OSCE is the place for it.\n\n"
    "Q: Critics say the chair has been too quiet about the jailed editors.\n\n"
    "Halvorsen: The chair has raised every case in private, and it will keep doing so.\n"
)


@pytest.fixture(scope="module")
def ask_model(train_part):
    return fit_model(train_part, default_targets(), ASK)


def _statements():
    return stancekit.segment(INTERVIEW, "ask") + stancekit.segment(
        "The ministers met in Almaty. Was the summit worth it? Nobody in the room said so.", "plain")


@pytest.mark.parametrize("text, want", [
    ("Will the chair survive the winter?", (1, 0)),
    ("“Is this the treaty Europe needs?” she asked.", (0, 0)),  # the question is inside; the sentence states
    ("He asked: “Is this the treaty Europe needs?”", (1, 0)),
    ("Q: Does the draft give Moscow a veto?", (1, 1)),
    ("Q: Moscow says the draft gives nobody a veto.", (0, 1)),
    ("  interviewer: You signed the Madrid pledges in 2007.", (0, 1)),
    ("Question: What did the summit achieve (if anything?)", (1, 1)),
    ("The Q: label is not at the start here?", (1, 0)),
    ("Quentin: I think the chair did well.", (0, 0)),
    ("The minister said the treaty was good.", (0, 0)),
    ("What a year it was for the chair!", (0, 0)),
])
def test_question_rows(text, want):
    assert tuple(question_rows([StatementInput(text)])[0]) == want


@pytest.mark.parametrize("text", ["?" * 200_000, " " * 200_000 + "Q:", "Q" + " " * 200_000 + ":",
                                  ("Q: ” ) »" * 40_000) + "?"])
def test_question_rows_on_pathological_input(text):
    row = question_rows([StatementInput(text)])[0]
    assert row.shape == (len(QUESTION_FEATURES),)


def test_question_columns_come_last(ask_model):
    for pipe in ask_model.pipelines.values():
        feat = pipe[0]
        names = list(feat.get_feature_names_out())
        assert names[-2:] == list(QUESTION_FEATURES)
        assert names[-3] == "stack:27"
        plan = feat.feature_plan()
        assert plan.questions and plan.feature_names()[-2:] == list(QUESTION_FEATURES)
        assert pipe[-1].mlp_columns == plan.n_dense()  # the perceptron reads them too
    for pipe in ask_model.stage1.pipelines.values():  # the first model has none
        assert not pipe[0].questions and "ask:question" not in list(pipe[0].get_feature_names_out())


def test_questions_setting_is_checked():
    with pytest.raises(TypeError, match=r"setting 'questions' must be true or false"):
        build_pipeline(default_targets()[0], {**ASK, "questions": "yes"})


def test_train_command_refuses_a_questions_value_that_is_not_a_boolean(tmp_path, capsys):
    from stancekit._cli import main
    code = main(["train", str(FIXTURES / "train"), "-o", str(tmp_path / "m.joblib"), "--set", "questions=3"])
    err = capsys.readouterr().err
    assert code == 2 and "questions" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_scorer_file_with_questions_gives_the_pipelines_probabilities(ask_model, tmp_path):
    """The scorer file (format 5) gives the pipelines' own probabilities to the last bit, read at
    once and in blocks."""
    from stancekit._scorer import _texts, load_scoring_model, scorer_arrays
    scorer = scorer_of_saved(ask_model, tmp_path / "q.joblib")
    meta = json.loads(_texts(scorer_arrays(scorer)["meta"])[0])
    assert meta["format"] == 5 and all(t["questions"] is True for t in meta["targets"])
    assert all("questions" not in t for t in meta["stage1"]["targets"])
    sts = _statements()
    want = ask_model._pipeline_proba(statement_inputs(sts), fast=False)
    got = load_scoring_model(tmp_path / "q.joblib").predict_proba(sts)
    for tid in want:
        np.testing.assert_array_equal(got[tid], want[tid])


def test_model_fit_with_questions_is_deterministic(train_part, ask_model):
    check_fit_is_deterministic(ask_model, train_part, ASK, _statements())


def test_questions_off_is_the_model_without_the_setting(train_part):
    a, _b = check_off_is_without(train_part, ASK, {"questions": False}, _statements())
    assert "ask:question" not in list(a.pipelines["treaty"][0].get_feature_names_out())


def test_featurizer_pickled_before_questions_existed_loads_without_it():
    state = StanceFeaturizer().__getstate__()
    state.pop("questions")
    g = StanceFeaturizer.__new__(StanceFeaturizer)
    g.__setstate__(state)
    assert g.get_params()["questions"] is False


def test_explain_names_the_question_evidence(ask_model):
    assert evidence_label("ask:question", []) == "a question"
    assert evidence_label("ask:interviewer", []) == "an interviewer's question"
    sts = _statements()
    asked = [i for i, s in enumerate(sts) if s.text.rstrip().endswith("?")]
    assert asked
    ev = ask_model.explain(sts, k=200)
    assert any("a question" in ev[i][tid] or "an interviewer's question" in ev[i][tid]
               for i in asked for tid in ev[i])
