"""The second model's perceptron (settings ``mlp_blend``, ``mlp_hidden``, ``mlp_alpha``; #14,
ninth round; ``mlp_seeds``, session 19): the classifier's blend, the perceptron as plain arrays
in the scorer file, old models and files, several seeds averaged as one perceptron."""

from __future__ import annotations

import json
import pickle

import numpy as np
import pytest
import scipy.sparse as sp
from sklearn.base import clone
from sklearn.neural_network import MLPClassifier
from sklearn.utils.estimator_checks import check_estimator

from stancekit._model import build_pipeline, fit_model, save_model
from stancekit._targets import default_targets
from stancekit._vectors import Perceptron, _csr_of_dense, dense_tail
from stancekit.sklearn import StanceClassifier

from .conftest import FIXTURES, ROOT, check_fit_is_deterministic, check_off_is_without
from .test_trees import TREES, _data, _statements, scorer_of_saved

MLP = {**{k: v for k, v in TREES.items() if not k.startswith("tree_")}, "mlp_blend": 0.5, "mlp_hidden": 8,
       "mlp_alpha": 30.0}


@pytest.fixture(scope="module")
def mlp_model(small_train):
    return fit_model(small_train, default_targets(), MLP)


# -- the classifier -------------------------------------------------------------------------------

@pytest.mark.parametrize("seeds", [1, 2])
def test_check_estimator_with_the_perceptron(seeds):
    expected = {
        "check_sample_weight_equivalence_on_dense_data": "calibration folds split repeated samples",
        "check_sample_weight_equivalence_on_sparse_data": "calibration folds split repeated samples",
    }
    check_estimator(StanceClassifier(mlp_blend=0.5, mlp_hidden=8, mlp_seeds=seeds), expected_failed_checks=expected)


@pytest.mark.parametrize("classes", [2, 3])
def test_classifier_blends_the_linear_and_the_perceptrons_probabilities(classes):
    """The blend is (1 - share) * linear + share * perceptron; the perceptron as arrays gives
    scikit-learn's MLPClassifier's probabilities of the standardised, clipped last columns."""
    X, y = _data(classes=classes)
    lin = StanceClassifier().fit(X, y)
    both = StanceClassifier(mlp_blend=0.25, mlp_hidden=8, mlp_columns=4).fit(X, y)
    assert lin.mlp_ is None and lin.perceptron_ is None
    assert isinstance(both.mlp_, MLPClassifier) and both.perceptron_.n_columns == both.mlp_.n_features_in_ == 4
    np.testing.assert_array_equal(both.estimator_.coef_, lin.estimator_.coef_)
    net = both.perceptron_
    z = np.clip((X[:, -4:] - net.mean) / net.scale, -3.0, 3.0)
    np.testing.assert_allclose(net.proba(X[:, -4:]), both.mlp_.predict_proba(z), rtol=0, atol=1e-12)
    np.testing.assert_array_equal(np.vstack([net.proba(X[i:i + 7, -4:]) for i in range(0, len(X), 7)]),
                                  net.proba(X[:, -4:]))  # a row, whatever block it is in
    want = 0.75 * lin.predict_proba(X) + 0.25 * both.mlp_.predict_proba(z)
    np.testing.assert_allclose(both.predict_proba(X), want, rtol=0, atol=1e-12)


def test_perceptron_fit_is_deterministic():
    X, y = _data(seed=3)
    a = StanceClassifier(mlp_blend=0.5, mlp_hidden=16).fit(X, y)
    b = StanceClassifier(mlp_blend=0.5, mlp_hidden=16).fit(X, y)
    assert a.perceptron_ == b.perceptron_
    np.testing.assert_array_equal(a.predict_proba(X), b.predict_proba(X))


def test_perceptron_is_fit_with_the_square_root_of_the_class_weights():
    """Balanced class weights, square-rooted (ninth #14 round: the full weights over-predict
    stances, none under-predict them): a fit with those sample weights is the same perceptron."""
    from sklearn.utils.class_weight import compute_sample_weight
    X, y = _data(seed=1)
    clf = StanceClassifier(mlp_blend=0.5, mlp_hidden=8).fit(X, y)
    net = clf.perceptron_
    ref = MLPClassifier(hidden_layer_sizes=(8,), alpha=30.0, solver="lbfgs", activation="relu", max_iter=500,
                        random_state=0).fit(np.clip((X - net.mean) / net.scale, -3, 3), y,
                                            sample_weight=np.sqrt(compute_sample_weight("balanced", y)))
    for a, b in zip(ref.coefs_ + ref.intercepts_, clf.mlp_.coefs_ + clf.mlp_.intercepts_):
        np.testing.assert_array_equal(a, b)


def test_a_constant_column_is_read_as_is():
    X, y = _data()
    X[:, -1] = 2.0
    clf = StanceClassifier(mlp_blend=0.5, mlp_hidden=8).fit(X, y)
    assert clf.perceptron_.scale[-1] == 1.0 and np.isfinite(clf.predict_proba(X)).all()


def test_classifier_with_the_perceptron_clones_and_pickles():
    X, y = _data()
    clf = StanceClassifier(mlp_blend=0.5, mlp_hidden=8, mlp_alpha=3.0, mlp_columns=3).fit(X, y)
    assert clone(clf).get_params() == clf.get_params()
    assert {k: clf.get_params()[k] for k in ("mlp_blend", "mlp_hidden", "mlp_alpha", "mlp_columns", "mlp_seeds")} == \
        {"mlp_blend": 0.5, "mlp_hidden": 8, "mlp_alpha": 3.0, "mlp_columns": 3, "mlp_seeds": 1}
    two = StanceClassifier(mlp_blend=0.5, mlp_hidden=4, mlp_seeds=2).fit(X, y)
    assert clone(two).get_params()["mlp_seeds"] == 2
    np.testing.assert_array_equal(pickle.loads(pickle.dumps(two)).predict_proba(X), two.predict_proba(X))
    np.testing.assert_array_equal(pickle.loads(pickle.dumps(clf)).predict_proba(X), clf.predict_proba(X))


def test_classifier_pickled_before_mlp_blend_existed_scores_as_before():
    X, y = _data()
    clf = StanceClassifier().fit(X, y)
    want = clf.predict_proba(X)
    for name in ("mlp_blend", "mlp_hidden", "mlp_alpha", "mlp_columns", "mlp_seeds", "mlp_", "mlps_", "perceptron_"):
        delattr(clf, name)
    old = pickle.loads(pickle.dumps(clf))
    assert (old.mlp_blend, old.mlp_hidden, old.mlp_alpha, old.mlp_columns, old.mlp_seeds) == (0.0, 32, 30.0, None, 1)
    assert old.perceptron_ is None and old.mlps_ is None
    np.testing.assert_array_equal(old.predict_proba(X), want)
    assert clone(old).get_params()["mlp_blend"] == 0.0


def test_classifier_pickled_before_mlp_seeds_existed_has_its_one_perceptron():
    X, y = _data()
    clf = StanceClassifier(mlp_blend=0.5, mlp_hidden=8).fit(X, y)
    want = clf.predict_proba(X)
    for name in ("mlp_seeds", "mlps_"):
        delattr(clf, name)
    old = pickle.loads(pickle.dumps(clf))
    assert old.mlp_seeds == 1 and len(old.mlps_) == 1 and old.mlps_[0] is old.mlp_
    np.testing.assert_array_equal(old.predict_proba(X), want)
    assert clone(old).get_params()["mlp_seeds"] == 1


# -- several seeds (setting mlp_seeds) -------------------------------------------------------------

def _reference_net(X, y, net, hidden, seed):
    """scikit-learn's perceptron fit as the classifier fits it, with ``seed``."""
    from sklearn.utils.class_weight import compute_sample_weight
    return MLPClassifier(hidden_layer_sizes=(hidden,), alpha=30.0, solver="lbfgs", activation="relu", max_iter=500,
                         random_state=seed).fit(np.clip((X - net.mean) / net.scale, -3, 3), y,
                                                sample_weight=np.sqrt(compute_sample_weight("balanced", y)))


@pytest.mark.parametrize("classes", [2, 3])
def test_one_seed_is_the_single_perceptron_bit_for_bit(classes):
    """mlp_seeds 1 (the default) is the perceptron of before: the arrays of the one net fitted with
    random_state itself, unchanged (no division, no mean), and the same probabilities."""
    X, y = _data(seed=2, classes=classes)
    one = StanceClassifier(mlp_blend=0.5, mlp_hidden=8, mlp_seeds=1).fit(X, y)
    default = StanceClassifier(mlp_blend=0.5, mlp_hidden=8).fit(X, y)
    net = one.perceptron_
    ref = _reference_net(X, y, net, 8, 0)
    assert net == Perceptron.of_mlp(ref, net.mean, net.scale, 3.0) == default.perceptron_
    assert one.mlps_ == [one.mlp_] and net.coef0.shape[1] == 8
    np.testing.assert_array_equal(one.predict_proba(X), default.predict_proba(X))


@pytest.mark.parametrize("classes", [2, 3])
def test_three_seeds_are_one_perceptron_of_their_logits_mean(classes):
    """mlp_seeds 3 with 32 hidden units: one stored perceptron of 96 units, the nets of seeds
    random_state, + 1, + 2 side by side, whose probabilities are the softmax of the mean of the
    three nets' output logits (here from their own probabilities: a log-probability is a logit
    less a per-row constant, which the softmax takes away)."""
    X, y = _data(seed=4, classes=classes)
    clf = StanceClassifier(mlp_blend=0.5, mlp_hidden=32, mlp_seeds=3, mlp_columns=5, random_state=7).fit(X, y)
    net = clf.perceptron_
    assert net.coef0.shape == (5, 96) and net.bias0.shape == (96,) and net.coef1.shape[0] == 96
    assert len(clf.mlps_) == 3 and clf.mlp_ is clf.mlps_[0]
    z = np.clip((X[:, -5:] - net.mean) / net.scale, -3.0, 3.0)
    refs = [_reference_net(X[:, -5:], y, net, 32, seed) for seed in (7, 8, 9)]
    for ref, got in zip(refs, clf.mlps_):
        for a, b in zip(ref.coefs_ + ref.intercepts_, got.coefs_ + got.intercepts_):
            np.testing.assert_array_equal(a, b)
    probas = [r.predict_proba(z) for r in refs]
    assert not np.allclose(probas[0], probas[1])  # the seeds differ: an average is not one of them
    mean_log = np.mean([np.log(p) for p in probas], axis=0)
    want = np.exp(mean_log - mean_log.max(axis=1, keepdims=True))
    want /= want.sum(axis=1, keepdims=True)
    np.testing.assert_allclose(net.proba(X[:, -5:]), want, rtol=0, atol=1e-9)
    lin = StanceClassifier(random_state=7).fit(X, y)
    np.testing.assert_allclose(clf.predict_proba(X), 0.5 * lin.predict_proba(X) + 0.5 * want, rtol=0, atol=1e-9)


def test_several_seeds_fit_is_deterministic():
    X, y = _data(seed=5)
    a = StanceClassifier(mlp_blend=0.5, mlp_hidden=8, mlp_seeds=3).fit(X, y)
    b = StanceClassifier(mlp_blend=0.5, mlp_hidden=8, mlp_seeds=3).fit(X, y)
    assert a.perceptron_ == b.perceptron_
    for na, nb in zip(a.mlps_, b.mlps_):
        for x, w in zip(na.coefs_ + na.intercepts_, nb.coefs_ + nb.intercepts_):
            np.testing.assert_array_equal(x, w)
    np.testing.assert_array_equal(a.predict_proba(X), b.predict_proba(X))


def test_model_with_several_seeds_travels_in_the_scorer_file(small_train, tmp_path):
    """The setting reaches the classifier; the wider perceptron is stored as any other (no new
    arrays): the scorer file's probabilities are the pipelines' to the last bit."""
    model = fit_model(small_train, default_targets(), {**MLP, "mlp_seeds": 2})
    for pipe in model.pipelines.values():
        clf = pipe[-1]
        assert clf.mlp_seeds == 2 and clf.perceptron_.coef0.shape == (clf.mlp_columns, 16)
    scorer = scorer_of_saved(model, tmp_path / "s.joblib")
    assert all(h.mlp.coef0.shape[1] == 16 for h in scorer.heads.values())


# -- the settings ----------------------------------------------------------------------------------

@pytest.mark.parametrize("setting, value, message", [
    ("mlp_blend", -0.1, "a number from 0"), ("mlp_blend", 1.5, "a number from 0"), ("mlp_blend", "0.5", "a number from 0"),
    ("mlp_blend", True, "a number from 0"), ("mlp_hidden", 0, "a whole number above 0"),
    ("mlp_hidden", 8.0, "a whole number above 0"), ("mlp_hidden", True, "a whole number above 0"),
    ("mlp_alpha", 0.0, "a finite number above 0"), ("mlp_alpha", float("nan"), "a finite number above 0"),
    ("mlp_alpha", "1", "a finite number above 0"), ("mlp_seeds", 0, "a whole number above 0"),
    ("mlp_seeds", 3.0, "a whole number above 0"), ("mlp_seeds", True, "a whole number above 0"),
    ("mlp_seeds", "3", "a whole number above 0"),
])
def test_mlp_settings_are_checked(setting, value, message):
    with pytest.raises(ValueError, match=rf"setting '{setting}' must be {message}"):
        build_pipeline(default_targets()[0], {**MLP, setting: value})
    with pytest.raises(ValueError, match=rf"setting '{setting}' must be {message}"):
        StanceClassifier(**{setting: value, **({} if setting == "mlp_blend" else {"mlp_blend": 0.5})}).fit(*_data())


def test_mlp_columns_must_be_a_positive_whole_number():
    with pytest.raises(ValueError, match=r"setting 'mlp_columns' must be None \(all columns\)"):
        StanceClassifier(mlp_blend=0.5, mlp_columns=0).fit(*_data())


def test_mlp_blend_is_one_blend_at_a_time_and_needs_temperature():
    with pytest.raises(ValueError, match=r"setting 'mlp_blend' must be 0 when tree_blend is above 0"):
        build_pipeline(default_targets()[0], {**MLP, "tree_blend": 0.5})
    with pytest.raises(ValueError, match=r"setting 'mlp_blend' must be 0 when tree_blend is above 0"):
        StanceClassifier(mlp_blend=0.5, tree_blend=0.5).fit(*_data())
    with pytest.raises(ValueError, match=r"setting 'mlp_blend' must be 0 with calibration 'sigmoid'"):
        StanceClassifier(mlp_blend=0.5, calibration="sigmoid").fit(*_data())


def test_train_command_refuses_a_bad_mlp_setting(tmp_path, capsys):
    from stancekit._cli import main
    code = main(["train", str(FIXTURES / "dev"), "-o", str(tmp_path / "m.joblib"), "--set", "mlp_blend=2"])
    err = capsys.readouterr().err
    assert code == 2 and "setting 'mlp_blend' must be a number from 0" in err and "Traceback" not in err


# -- the model and its scorer file ------------------------------------------------------------------

def test_model_perceptron_reads_the_dense_columns(mlp_model):
    for tid, pipe in mlp_model.pipelines.items():
        feat, clf = pipe[0], pipe[-1]
        assert clf.mlp_columns == feat.feature_plan().n_dense() == clf.perceptron_.n_columns
        assert clf.mlp_hidden == 8 and clf.mlp_.coefs_[0].shape == (clf.mlp_columns, 8)
        assert mlp_model.stage1.pipelines[tid][-1].perceptron_ is None  # the first model has none


def test_scorer_file_with_the_perceptron_gives_the_pipelines_probabilities(mlp_model, tmp_path):
    """The perceptron travels as arrays in the scorer file (format 3): the file's probabilities are
    the pipelines' own (Pipeline.predict_proba) to the last bit, read at once and in blocks."""
    from stancekit._scorer import _texts, scorer_arrays
    scorer = scorer_of_saved(mlp_model, tmp_path / "p.joblib")
    assert all(h.mlp is not None and h.mlp_blend == 0.5 and h.trees is None for h in scorer.heads.values())
    assert all(h.mlp is None for h in scorer.stage1.heads.values())
    meta = json.loads(_texts(scorer_arrays(scorer)["meta"])[0])
    assert meta["format"] == 3 and all(t["mlp_blend"] == 0.5 and "tree_blend" not in t for t in meta["targets"])


def test_scorer_file_with_perceptron_arrays_that_do_not_fit_is_refused(mlp_model, tmp_path):
    from stancekit import ModelError
    from stancekit._files import write_npz
    from stancekit._scorer import _scorer_of_arrays, scorer_arrays
    arrays = scorer_arrays(mlp_model.scorer())
    arrays["head0_mlp_bias0"] = arrays["head0_mlp_bias0"][:-1]
    path = tmp_path / "x.npz"
    with open(path, "wb") as f:
        write_npz(f, arrays)
    with pytest.raises(ModelError, match=r"the perceptron's arrays are missing or do not fit"):
        _scorer_of_arrays(path.read_bytes())


def test_perceptron_arrays_must_fit_together():
    with pytest.raises(ValueError, match="do not fit together"):
        Perceptron(np.zeros(3), np.ones(3), np.float64(3.0), np.zeros((3, 2)), np.zeros(2), np.zeros((2, 3)),
                   np.zeros(3), n_columns=4)
    with pytest.raises(ValueError, match="do not fit together"):
        Perceptron(np.zeros(3), np.zeros(3), np.float64(3.0), np.zeros((3, 2)), np.zeros(2), np.zeros((2, 3)),
                   np.zeros(3), n_columns=3)


def test_model_fit_with_the_perceptron_is_deterministic(small_train, mlp_model):
    check_fit_is_deterministic(mlp_model, small_train, MLP, _statements(2))


def test_score_explain_names_the_perceptron(mlp_model, tmp_path, capsys):
    """`stancekit score --explain` with a model whose labels blend a perceptron says on stderr, once,
    that the evidence reads the linear weights only, naming the perceptron's share."""
    from stancekit._cli import main
    from stancekit._scorer import Explaining
    note = Explaining(mlp_model).note
    assert note and "linear model's weights only" in note and "perceptron's share: chairmanship 0.5, treaty 0.5" in note
    assert "trees" not in note
    art = ROOT / "docs" / "example-article.txt"
    save_model(mlp_model, tmp_path / "p.joblib")
    capsys.readouterr()
    assert main(["score", str(art), "--model", str(tmp_path / "p.joblib"), "--quiet", "--explain", "2",
                 "-o", str(tmp_path / "p.jsonl")]) == 0
    notes = [x for x in capsys.readouterr().err.splitlines() if x.startswith("stancekit score: note: ")]
    assert len(notes) == 1 and "perceptron's share" in notes[0]


def test_mlp_blend_zero_is_the_model_without_the_setting(small_train):
    _a, b = check_off_is_without(small_train, MLP, {"mlp_blend": 0.0, "mlp_hidden": 4, "mlp_alpha": 1.0},
                                 _statements(2))
    assert all(p[-1].perceptron_ is None for p in b.pipelines.values())


def _tail_by_stacking(blocks, k):
    # the columns as scipy stacks them: what dense_tail gives, bit for bit
    return sp.hstack(blocks, format="csr").toarray()[:, -k:] if k else np.zeros((blocks[0].shape[0], 0))


def _tail_blocks():
    wide = sp.csr_matrix(np.array([[0.0, 1.5, 0.0, -2.0, 0.0], [3.0, 0.0, 0.0, 0.0, 4.0], [0.0] * 5]))
    dup = sp.csr_matrix((np.array([0.1, 0.2, -0.0, 7.0]), np.array([1, 1, 0, 2]), np.array([0, 2, 3, 4])),
                        shape=(3, 3))  # row 0 holds column 1 twice, row 1 an explicit -0.0
    assert not dup.has_canonical_format
    dense = np.array([[1.0, 2.0], [0.0, -1.0], [5.0, 0.0]])
    return [wide, dup, sp.csr_matrix(dense), sp.csr_matrix((3, 0)), sp.csr_matrix(np.eye(3)[:, :1])]


@pytest.mark.parametrize("k", [0, 1, 3, 4, 7, 9, 11])
def test_dense_tail_is_the_stacked_matrix_last_columns(k):
    blocks = _tail_blocks()
    got = dense_tail(blocks, 3, k)
    want = _tail_by_stacking(blocks, k)
    assert got.shape == want.shape == (3, k) and got.flags["C_CONTIGUOUS"]
    assert got.tobytes() == want.tobytes()  # bit for bit: duplicates summed, -0.0 read as 0.0 + -0.0


def test_dense_tail_of_dense_blocks_and_of_fewer_columns_than_asked():
    blocks = [np.array([[1.0, 2.0], [3.0, 4.0]]), sp.csr_matrix(np.array([[0.0], [5.0]]))]
    np.testing.assert_array_equal(dense_tail(blocks, 2, 2), [[2.0, 0.0], [4.0, 5.0]])
    np.testing.assert_array_equal(dense_tail(blocks, 2, 5), [[1.0, 2.0, 0.0], [3.0, 4.0, 5.0]])


def test_perceptron_proba_leaves_its_input_alone():
    rng = np.random.default_rng(3)
    p = Perceptron(rng.normal(size=4), rng.random(4) + 0.5, np.float64(3.0), rng.normal(size=(4, 5)),
                   rng.normal(size=5), rng.normal(size=(5, 3)), rng.normal(size=3), n_columns=4)
    X = rng.normal(size=(6, 4))
    before = X.copy()
    a = p.proba(X)
    np.testing.assert_array_equal(X, before)
    np.testing.assert_array_equal(a, p._proba_in_place(X.copy()))
    # each row its own: the same whatever the rows scored with it
    np.testing.assert_array_equal(a[2:3], p.proba(X[2:3]))


@pytest.mark.parametrize("k", [1, 2, 4, 6])
def test_dense_tail_copies_the_array_a_dense_block_was_made_of(k):
    made = np.array([[-0.0, 2.5, np.nan], [0.0, -1.0, 0.0]])  # -0.0 is left out of the CSR block: it reads 0.0
    blocks = [sp.csr_matrix(np.array([[1.0, 0.0, 3.0], [0.0, 4.0, 0.0]])), _csr_of_dense(made)]
    assert blocks[1]._dense_rows is made
    got = dense_tail(blocks, 2, k)
    want = sp.hstack([blocks[0], sp.csr_matrix(blocks[1])], format="csr").toarray()[:, -k:]
    assert got.tobytes() == want.tobytes()
