"""The second model's trees (settings ``tree_blend``, ``author_stack``; #14, eighth round): the
classifier's blend, the trees as plain arrays in the scorer file, old models and files."""

from __future__ import annotations

import json
import pickle

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.utils.estimator_checks import check_estimator

import stancekit
from stancekit._model import build_pipeline, fit_model, save_model
from stancekit._targets import default_targets
from stancekit._vectors import VOICE_FEATURE, TreeEnsemble, statement_inputs
from stancekit.sklearn import StanceClassifier

from .conftest import FIXTURES, ROOT

TREES = {"min_df": 1, "doc_weight": 1.0, "stack_weight": 1.0, "actor_weight": 0.0, "author_actor": True,
         "doc_focus": True, "doc_gate": True, "doc_about": True, "tree_blend": 0.5, "tree_rounds": 40,
         "tree_learning_rate": 0.25, "author_stack": True}


@pytest.fixture(scope="module")
def tree_model(small_train):
    return fit_model(small_train, default_targets(), TREES)


@pytest.fixture(scope="module")
def plain_model(small_train):
    """TREES with no trees (tree_blend 0; the author's copy stays): the model of two tests, fitted once."""
    return fit_model(small_train, default_targets(), {**TREES, "tree_blend": 0.0})


@pytest.fixture(scope="module")
def unblended_model(small_train):
    """TREES with both settings at their off values (tree_blend 0, author_stack false): the model of
    two tests, fitted once."""
    return fit_model(small_train, default_targets(), {**TREES, "tree_blend": 0.0, "author_stack": False})


def _statements(n_docs=4):
    docs = sorted((FIXTURES / "dev").glob("*.txt"))[:n_docs]
    off = stancekit.segment("The senator won the primary on Tuesday. Her rival said the result was a disgrace.", "off")
    return [st for p in docs for st in stancekit.segment(p.read_text(encoding="utf-8"), p.stem)] + off


def _data(seed=0, n=300, d=6, classes=3):
    rng = np.random.RandomState(seed)
    X = rng.normal(size=(n, d))
    X[:, 0] = rng.randint(0, 3, n)  # a column of few values, as counts and flags are
    y = np.array(["a", "b", "c"][:classes])[(X[:, 1] + X[:, 0] > 1).astype(int)
                                            + (classes > 2) * (X[:, 2] > 0.5).astype(int)]
    return X, y


# -- the trees as arrays --------------------------------------------------------------------------------

@pytest.mark.parametrize("classes", [2, 3])
def test_tree_walk_gives_scikit_learns_raw_scores_bit_for_bit(classes):
    """The numpy walk over all trees at once adds the leaves in scikit-learn's order: its raw
    scores are scikit-learn's exactly (missing values on both sides included), its
    probabilities scikit-learn's to 1e-12."""
    X, y = _data(classes=classes)
    X[::7, 3] = np.nan
    est = HistGradientBoostingClassifier(max_iter=30, max_leaf_nodes=7, random_state=0).fit(X, y)
    trees = TreeEnsemble.of_hist_gradient_boosting(est, X.shape[1])
    Xt, _ = _data(seed=1, n=200, classes=classes)
    Xt[::5, 3] = np.nan
    Xt[::3, 1] = np.nan
    np.testing.assert_array_equal(trees.raw(Xt), est._raw_predict(Xt))
    np.testing.assert_allclose(trees.proba(Xt), est.predict_proba(Xt), rtol=0, atol=1e-12)
    again = TreeEnsemble(**trees.arrays(), n_columns=trees.n_columns)
    assert again.levels == trees.levels > 0
    np.testing.assert_array_equal(again.raw(Xt), trees.raw(Xt))


def test_tree_arrays_out_of_range_are_refused():
    X, y = _data()
    trees = TreeEnsemble.of_hist_gradient_boosting(HistGradientBoostingClassifier(max_iter=3).fit(X, y), 6)
    bad = trees.arrays()
    bad["child"] = bad["child"] + len(bad["feature"])
    with pytest.raises(ValueError, match="out of range"):
        TreeEnsemble(**bad, n_columns=6)
    with pytest.raises(ValueError, match="unequal lengths"):
        TreeEnsemble(**{**trees.arrays(), "value": trees.value[:-1]}, n_columns=6)


# -- the classifier -------------------------------------------------------------------------------------

def test_check_estimator_with_trees():
    expected = {
        "check_sample_weight_equivalence_on_dense_data": "calibration folds split repeated samples",
        "check_sample_weight_equivalence_on_sparse_data": "calibration folds split repeated samples",
    }
    check_estimator(StanceClassifier(tree_blend=0.5), expected_failed_checks=expected)


def test_classifier_blends_the_linear_and_the_trees_probabilities():
    X, y = _data()
    lin = StanceClassifier().fit(X, y)
    both = StanceClassifier(tree_blend=0.25, tree_columns=4).fit(X, y)
    assert lin.trees_ is None and lin.tree_ensemble_ is None
    assert isinstance(both.trees_, HistGradientBoostingClassifier) and both.tree_ensemble_.n_columns == 4
    assert both.trees_.n_features_in_ == 4  # the last four columns
    np.testing.assert_array_equal(both.estimator_.coef_, lin.estimator_.coef_)
    want = 0.75 * lin.predict_proba(X) + 0.25 * both.trees_.predict_proba(X[:, -4:])
    np.testing.assert_allclose(both.predict_proba(X), want, rtol=0, atol=1e-12)
    again = StanceClassifier(tree_blend=0.25, tree_columns=4).fit(X, y)
    np.testing.assert_array_equal(again.predict_proba(X), both.predict_proba(X))  # deterministic


def test_classifier_with_trees_clones_and_pickles():
    X, y = _data()
    clf = StanceClassifier(tree_blend=0.5, tree_columns=3).fit(X, y)
    assert clone(clf).get_params() == clf.get_params()
    assert clf.get_params()["tree_blend"] == 0.5 and clf.get_params()["tree_columns"] == 3
    np.testing.assert_array_equal(pickle.loads(pickle.dumps(clf)).predict_proba(X), clf.predict_proba(X))


def test_classifier_pickled_before_tree_blend_existed_scores_as_before():
    """Like neutral_bias (4a97c9a): a classifier whose state has no ``tree_blend``, no
    ``tree_columns`` and no fitted trees gets the defaults, scores as it did, and clones."""
    X, y = _data()
    clf = StanceClassifier().fit(X, y)
    want = clf.predict_proba(X)
    for name in ("tree_blend", "tree_rounds", "tree_learning_rate", "tree_columns", "trees_", "tree_ensemble_"):
        delattr(clf, name)
    old = pickle.loads(pickle.dumps(clf))
    assert old.tree_blend == 0.0 and old.tree_columns is None and old.tree_ensemble_ is None
    assert (old.tree_rounds, old.tree_learning_rate) == (200, 0.05)
    np.testing.assert_array_equal(old.predict_proba(X), want)
    assert clone(old).get_params()["tree_blend"] == 0.0


@pytest.mark.parametrize("value", [-0.1, 1.5, "0.5", True, None, float("nan")])
def test_tree_blend_must_be_a_share(value):
    with pytest.raises(ValueError, match=r"setting 'tree_blend' must be a number from 0 .*to 1"):
        build_pipeline(default_targets()[0], {"tree_blend": value})
    X, y = _data()
    with pytest.raises(ValueError, match=r"setting 'tree_blend' must be"):
        StanceClassifier(tree_blend=value).fit(X, y)


def test_tree_blend_needs_temperature_or_no_calibration():
    X, y = _data()
    with pytest.raises(ValueError, match=r"setting 'tree_blend' must be 0 with calibration 'sigmoid'"):
        StanceClassifier(tree_blend=0.5, calibration="sigmoid").fit(X, y)


@pytest.mark.parametrize("setting,value,message", [
    ("tree_rounds", 0, "a whole number above 0"), ("tree_rounds", 2.5, "a whole number above 0"),
    ("tree_rounds", True, "a whole number above 0"), ("tree_learning_rate", 0, "a number above 0, at most 1"),
    ("tree_learning_rate", 1.5, "a number above 0, at most 1"), ("tree_learning_rate", "x", "a number above 0"),
])
def test_tree_rounds_and_learning_rate_are_checked(setting, value, message):
    with pytest.raises(ValueError, match=rf"setting '{setting}' must be {message}"):
        build_pipeline(default_targets()[0], {setting: value})


def test_tree_rounds_and_learning_rate_reach_the_trees():
    X, y = _data()
    clf = StanceClassifier(tree_blend=0.5, tree_rounds=7, tree_learning_rate=0.3).fit(X, y)
    assert clf.trees_.n_iter_ == 7 and clf.trees_.learning_rate == 0.3
    assert len(clf.tree_ensemble_.roots) == 7 * 3
    pipe = build_pipeline(default_targets()[0], {"tree_blend": 0.5, "tree_rounds": 9, "tree_learning_rate": 0.2})
    assert (pipe[-1].tree_rounds, pipe[-1].tree_learning_rate) == (9, 0.2)


@pytest.mark.parametrize("value", [0, -3, 2.5, True])
def test_tree_columns_must_be_a_positive_whole_number(value):
    X, y = _data()
    with pytest.raises(ValueError, match=r"setting 'tree_columns' must be None .*or a whole number above 0"):
        StanceClassifier(tree_blend=0.5, tree_columns=value).fit(X, y)


def test_author_stack_needs_a_first_model():
    with pytest.raises(ValueError, match=r"setting 'author_stack' reads the first model's view: it needs "
                                         r"'stack_weight' above 0 \(got stack_weight=0.0\)"):
        build_pipeline(default_targets()[0], {"author_stack": True})
    with pytest.raises(TypeError, match=r"setting 'author_stack'"):
        build_pipeline(default_targets()[0], {"author_stack": "yes", "stack_weight": 1.0})


# -- the model and its scorer file -----------------------------------------------------------------------

def test_model_with_trees_reads_the_dense_columns_and_the_authors_copy(tree_model):
    """The trees read the columns after the word blocks; author_stack adds the voice and a copy
    of the first model's view that is the view for the article's own voice, 0 for others."""
    statements = _statements(2)
    inputs = tree_model._stacked(statement_inputs(statements))
    for tid, pipe in tree_model.pipelines.items():
        feat, clf = pipe[0], pipe[-1]
        names = list(feat.get_feature_names_out())
        n_stack = feat.n_stack_
        assert names[-(n_stack + 1)] == VOICE_FEATURE and names[-1] == f"author:stack:{n_stack - 1}"
        assert clf.tree_columns == feat.feature_plan().n_dense() == sum(
            1 for n in names if not n.startswith(("w:", "a:")))
        assert clf.trees_.n_features_in_ == clf.tree_columns
        assert tree_model.stage1.pipelines[tid][-1].tree_ensemble_ is None  # the first model has no trees
        X = feat.transform(inputs).toarray()
        voice = X[:, -(n_stack + 1)]
        np.testing.assert_array_equal(voice, [0.0 if it.actor else 1.0 for it in inputs])
        np.testing.assert_array_equal(X[:, -n_stack:], X[:, -(2 * n_stack + 1):-(n_stack + 1)] * voice[:, None])
        assert 0 < voice.sum() < len(voice)


def scorer_of_saved(model, path):
    """``model`` saved to ``path`` and read back as its scorer file, checked to give the pipelines'
    own probabilities (Pipeline.predict_proba) to the last bit, read at once and in blocks."""
    from stancekit._scorer import load_scoring_model
    save_model(model, path)
    scorer = load_scoring_model(path)
    assert type(scorer).__name__ == "Scorer"
    statements = _statements()
    want = model._pipeline_proba(statement_inputs(statements), fast=False)
    got = scorer.predict_proba(statements)
    in_blocks = scorer.proba_of_inputs(statements, 5)
    for tid in want:
        np.testing.assert_array_equal(got[tid], want[tid])
        np.testing.assert_array_equal(in_blocks[tid], want[tid])
    return scorer


def test_scorer_file_with_trees_gives_the_pipelines_probabilities(tree_model, tmp_path):
    """The trees travel as arrays in the scorer file (format 2): the file's probabilities are the
    pipelines' own (Pipeline.predict_proba) to the last bit, read at once and in blocks."""
    from stancekit._scorer import _texts, scorer_arrays, scorer_path
    scorer = scorer_of_saved(tree_model, tmp_path / "t.joblib")
    assert all(h.trees is not None and h.tree_blend == 0.5 for h in scorer.heads.values())
    assert all(h.trees is None for h in scorer.stage1.heads.values())
    meta = json.loads(_texts(scorer_arrays(scorer)["meta"])[0])
    assert meta["format"] == 2 and all(t["author_stack"] and t["tree_blend"] == 0.5 for t in meta["targets"])
    assert scorer_path(tmp_path / "t.joblib").is_file()


def test_scorer_without_trees_keeps_format_1_and_other_formats_are_refused(tmp_path, unblended_model):
    from stancekit._scorer import _scorer_of_arrays, _text_array, _texts, scorer_arrays
    from stancekit._files import write_npz
    from stancekit import ModelError
    arrays = scorer_arrays(unblended_model.scorer())
    meta = json.loads(_texts(arrays["meta"])[0])
    assert meta["format"] == 1 and "tree_blend" not in json.dumps(meta) and "author_stack" not in json.dumps(meta)
    arrays["meta"] = _text_array([json.dumps({**meta, "format": 6})])
    path = tmp_path / "x.npz"
    with open(path, "wb") as f:
        write_npz(f, arrays)
    with pytest.raises(ModelError, match=r"scorer format 6, this stancekit reads 1, 2, 3, 4, 5"):
        _scorer_of_arrays(path.read_bytes())


def test_explain_says_it_reads_the_linear_weights_only_when_trees_blend(tree_model, plain_model):
    """--explain (#14) gives the linear model's evidence; with trees the scorer says that the
    trees' part of a label goes unexplained (Explaining.note), and without trees says nothing."""
    from stancekit._scorer import Explaining
    note = Explaining(tree_model).note
    assert note and "linear model's weights only" in note and "treaty 0.5" in note and "chairmanship 0.5" in note
    ev = tree_model.explain(_statements(1), k=2)
    assert ev and all(len(e) <= 2 for row in ev for e in row.values())
    assert Explaining(plain_model).note is None and plain_model.scorer().evidence_note is None


def test_score_explain_prints_the_trees_note_once_and_plain_models_print_none(tree_model, plain_model, tmp_path, capsys):
    """`stancekit score --explain` with a model whose labels blend trees says on stderr that the
    evidence reads the linear weights only (#14: an analyst must not take the terms for the whole
    reason); a model without trees says nothing of the kind, and the records are unchanged."""
    from stancekit._cli import main
    art = ROOT / "docs" / "example-article.txt"
    save_model(tree_model, tmp_path / "trees.joblib")
    save_model(plain_model, tmp_path / "plain.joblib")
    for name in ("trees", "plain"):
        capsys.readouterr()
        assert main(["score", str(art), "--model", str(tmp_path / f"{name}.joblib"), "--quiet", "--explain", "2",
                     "-o", str(tmp_path / f"{name}.jsonl")]) == 0
        err = capsys.readouterr().err
        notes = [line for line in err.splitlines() if line.startswith("stancekit score: note: ")]
        if name == "trees":
            assert len(notes) == 1 and "linear model's weights only" in notes[0] and "treaty 0.5" in notes[0]
        else:
            assert notes == []
        records = [json.loads(x) for x in (tmp_path / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()]
        assert records and all(len(s["evidence"]) <= 2 for r in records for s in r["stances"].values())


def test_evidence_names_the_voice_and_the_authors_copy():
    from stancekit._vectors import evidence_label
    assert evidence_label(VOICE_FEATURE, []) == "the article's own voice"
    assert evidence_label("author:stack:actor:treaty:supporting", []) == \
        "own voice, same actor's other statements: supporting treaty"


def test_tree_blend_zero_is_the_model_without_the_setting(small_train, unblended_model):
    """The defaults keep today's model: tree_blend 0 and author_stack false give the labels and
    probabilities of settings that do not name them."""
    base = {k: v for k, v in TREES.items() if k not in ("tree_blend", "author_stack")}
    a = fit_model(small_train, default_targets(), base)
    b = unblended_model  # {**base, "tree_blend": 0.0, "author_stack": False}
    statements = _statements(2)
    pa, pb = a.predict_proba(statements), b.predict_proba(statements)
    for tid in pa:
        np.testing.assert_array_equal(pa[tid], pb[tid])
