"""The stance model: API, determinism, model files and their manifests, training data errors."""

from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
import sys
import warnings

import numpy as np
import pytest
from sklearn.model_selection import GridSearchCV
from sklearn.pipeline import Pipeline
from sklearn.utils.estimator_checks import check_estimator

import stancekit
from stancekit import DataError, ModelError, ModelIntegrityError, ModelVersionWarning
from stancekit._data import data_digest, read_labelled
from stancekit._model import Stance, build_pipeline, fit_model, save_model
from stancekit._targets import Target, default_targets
from stancekit.sklearn import CueLexiconFeatures, StanceClassifier, StanceFeaturizer, TargetSignalFeatures

from .conftest import FIXTURES, MODEL, ROOT, assert_same_proba

# -- the classifier and featurizers follow scikit-learn's rules -----------------------------------------

@pytest.mark.parametrize("calibration", ["temperature", "sigmoid"])
def test_check_estimator_on_classifier(calibration):
    # Calibration splits the data into folds, and "balanced" weights depend on class counts,
    # so weighting a sample twice is not the same as repeating it: the two sample-weight
    # equivalence checks cannot hold by design. Everything else must pass.
    expected = {
        "check_sample_weight_equivalence_on_dense_data": "calibration folds split repeated samples",
        "check_sample_weight_equivalence_on_sparse_data": "calibration folds split repeated samples",
    }
    check_estimator(StanceClassifier(calibration=calibration), expected_failed_checks=expected)


def test_check_estimator_uncalibrated_unweighted_passes_everything():
    check_estimator(StanceClassifier(calibration=None, class_weight=None))


def test_temperature_calibration_keeps_labels():
    X = np.random.RandomState(0).normal(size=(120, 5))
    y = np.array(["a", "b", "c"])[(X[:, 0] > 0).astype(int) + (X[:, 1] > 0.5).astype(int)]
    raw = StanceClassifier(calibration=None).fit(X, y)
    cal = StanceClassifier(calibration="temperature").fit(X, y)
    np.testing.assert_array_equal(raw.predict(X), cal.predict(X))
    assert cal.temperature_ != 1.0 and cal.calibrated_


def test_init_stores_parameters_only():
    f = StanceFeaturizer(phrases=("treaty",), min_df="not validated here")
    assert f.min_df == "not validated here"
    assert not hasattr(f, "word_")


SENTS = [
    {"text": "Lavrov said Moscow welcomed the treaty.", "kind": "indirect"},
    {"text": "NATO rejected the treaty as unnecessary.", "kind": "indirect"},
    {"text": "The ministers met in Vienna.", "kind": "narrative"},
    {"text": "“We strongly support the security treaty,” he said.", "kind": "direct"},
    {"text": "Critics warned the treaty would divide Europe.", "kind": "indirect"},
    {"text": "The weather in Vienna was cold.", "kind": "narrative"},
] * 4
LABELS_ = ["supporting", "questioning", "neutral", "supporting", "questioning", "neutral"] * 4


def test_featurizer_and_classifier_in_user_pipeline_and_grid_search():
    pipe = Pipeline([("f", StanceFeaturizer(phrases=("treaty",), min_df=1)), ("c", StanceClassifier(calibration=None))])
    gs = GridSearchCV(pipe, {"c__C": [0.5, 2.0], "f__char_ngram_range": [None, (2, 4)]}, cv=2)
    gs.fit(SENTS, LABELS_)
    assert set(gs.predict(SENTS)) <= {"supporting", "questioning", "neutral"}
    assert gs.best_params_["c__C"] in (0.5, 2.0)


@pytest.mark.parametrize("est", [StanceFeaturizer(), CueLexiconFeatures(), TargetSignalFeatures(("treaty",))])
def test_bare_string_where_documents_expected_raises(est):
    with pytest.raises(TypeError, match="iterable of statements.*bare str"):
        est.fit("one statement")


def test_fit_returns_self_and_fitted_state_ends_in_underscore():
    f = StanceFeaturizer(phrases=("treaty",), min_df=1)
    assert f.fit(SENTS) is f
    assert hasattr(f, "word_") and hasattr(f, "n_features_out_")
    assert len(f.get_feature_names_out()) == f.transform(SENTS).shape[1]


@pytest.mark.parametrize("text,pos,neg", [
    ("Moscow welcomed the treaty.", 1, 0),
    ("Moscow did not welcome the treaty.", 0, 1),
    ("Berlin had no doubts about the chair.", 1, 0),
    ("Warsaw rejected the idea.", 0, 1),
])
def test_cue_negation_scope(text, pos, neg):
    f = CueLexiconFeatures().fit([text])
    row = dict(zip(f.get_feature_names_out(), f.transform([text]).toarray()[0]))
    assert (row["polarity_pos"] > 0) == bool(pos)
    assert (row["polarity_neg"] > 0) == bool(neg)


def test_cues_inside_quotation_are_counted_apart_from_frame():
    f = CueLexiconFeatures().fit(["x"])
    row = dict(zip(f.get_feature_names_out(), f.transform(["“We welcome it,” he said."]).toarray()[0]))
    assert row["endorse_quote"] > 0 and row["endorse_frame"] == 0


def test_target_signals_use_context_for_anaphora():
    f = TargetSignalFeatures(phrases=("security treaty",), anaphora=("the initiative",)).fit(["x"])
    names = list(f.get_feature_names_out())
    row = f.transform([{"text": "He praised the initiative.", "context": "Medvedev proposed a security treaty."}]).toarray()[0]
    assert row[names.index("anaphor_with_context")] == 1.0
    assert row[names.index("no_target")] == 0.0


# -- the shipped model -------------------------------------------------------------------------------------

def test_load_model_default_is_shipped(shipped_model):
    assert shipped_model.target_ids == ["treaty", "chairmanship"]


def test_analyze_gives_spec_records(seed_text, shipped_model):
    out = stancekit.analyze(seed_text, "000_9c81a39b0ce1faa2", model=shipped_model)
    assert out
    rec = out[7].to_dict()
    assert set(rec) == {"doc_id", "statement_id", "actor", "actor_mention", "kind", "start", "end", "text", "stances"}
    assert set(rec["stances"]) == {"treaty", "chairmanship"}
    for s in rec["stances"].values():
        assert s["label"] in stancekit.LABELS and 0.0 <= s["confidence"] <= 1.0
    for s in out:
        assert seed_text[s.start:s.end] == s.text


def test_predict_accepts_statements_dicts_and_strings(shipped_model):
    st = stancekit.segment("Lavrov said the treaty must be signed.", "d")
    for x in (st, [s.to_dict() for s in st], [s.text for s in st]):
        got = shipped_model.predict(x)
        assert len(got) == 1 and set(got[0]) == {"treaty", "chairmanship"}


def test_predict_rejects_bare_string(shipped_model):
    with pytest.raises(TypeError, match="bare str"):
        shipped_model.predict("Lavrov said the treaty must be signed.")


def test_shipped_model_is_not_stale():
    """The manifest's training-data digest must match fixtures/train + fixtures/dev as they are now."""
    manifest = json.loads(MODEL.with_name(MODEL.name + ".manifest.json").read_text())
    data, _ = read_labelled([FIXTURES / "train", FIXTURES / "dev"], [t.id for t in default_targets()])
    assert manifest["training_digest"] == data_digest(data), (
        "fixtures changed since the shipped model was trained: rebuild it with the command in README.md")


def test_manifest_records_versions_targets_and_metrics():
    manifest = json.loads(MODEL.with_name(MODEL.name + ".manifest.json").read_text())
    assert set(manifest["versions"]) == {"stancekit", "scikit-learn", "numpy", "scipy"}
    assert [t["id"] for t in manifest["targets"]] == ["treaty", "chairmanship"]
    assert manifest["labels"] == ["supporting", "questioning", "neutral"]
    assert "dev" in manifest["metrics"]
    assert manifest["blas"] and all(len(k.split()) >= 3 for k in manifest["blas"]), manifest.get("blas")


_HAS = ["openblas 0.3.30 Haswell", "openblas 0.3.31 Haswell"]
_SKX = ["openblas 0.3.30 SkylakeX", "openblas 0.3.31 SkylakeX"]


@pytest.mark.parametrize("before, after, expect", [
    (None, {"blas": _HAS}, None),  # first build: nothing replaced
    ({"versions": {}}, {"blas": _HAS}, None),  # a manifest from before kernels were recorded
    ({"blas": _HAS}, {"blas": _HAS}, None),
    ({"blas": _SKX}, {"blas": _HAS}, r"with OPENBLAS_CORETYPE=SkylakeX\)$"),
    ({"blas": _HAS}, {"blas": _SKX}, r"with OPENBLAS_CORETYPE=Haswell\)$"),
    ({"blas": ["openblas 0.3.30 Zen", "openblas 0.3.31 Haswell"]}, {"blas": _SKX}, r"under other kernels$"),
])
def test_rebuild_under_other_blas_kernels_says_so(before, after, expect):
    """Regression: session 11's stance model (4ebf842f) was fitted under OpenBLAS's SkylakeX kernels;
    the same command under Haswell kernels wrote other bytes (e8e08e9e) and no one could say why."""
    from stancekit._files import kernel_note
    note = kernel_note(before, after)
    if expect is None:
        assert note is None
    else:
        assert note and re.search(expect, note), note


# -- model files are code: integrity and versions --------------------------------------------------------

@pytest.fixture()
def model_copy(tmp_path):
    dst = tmp_path / "m.joblib"
    shutil.copy(MODEL, dst)
    shutil.copy(MODEL.with_name(MODEL.name + ".manifest.json"), tmp_path / "m.joblib.manifest.json")
    return dst


def test_tampered_model_is_refused_unread(model_copy):
    with open(model_copy, "ab") as f:
        f.write(b"x")
    with pytest.raises(ModelIntegrityError, match="does not match the manifest"):
        stancekit.load_model(model_copy)


def test_missing_manifest_is_refused(model_copy):
    model_copy.with_name("m.joblib.manifest.json").unlink()
    with pytest.raises(ModelError, match="manifest not found"):
        stancekit.load_model(model_copy)


def test_missing_model_file(tmp_path):
    with pytest.raises(ModelError, match="model file not found"):
        stancekit.load_model(tmp_path / "nope.joblib")


def test_version_mismatch_warns_and_strict_raises(model_copy):
    mp = model_copy.with_name("m.joblib.manifest.json")
    m = json.loads(mp.read_text())
    m["versions"]["scikit-learn"] = "0.0.1"
    mp.write_text(json.dumps(m))
    with pytest.warns(ModelVersionWarning, match="scikit-learn 0.0.1"):
        stancekit.load_model(model_copy)
    with pytest.raises(ModelError, match=r"strict=True"):
        stancekit.load_model(model_copy, strict=True)


def test_scipy_version_mismatch_warns(model_copy):
    mp = model_copy.with_name("m.joblib.manifest.json")
    m = json.loads(mp.read_text())
    m["versions"]["scipy"] = "0.0.2"
    mp.write_text(json.dumps(m))
    with pytest.warns(ModelVersionWarning, match="scipy 0.0.2"):
        stancekit.load_model(model_copy)


def test_manifest_written_before_scipy_was_recorded_loads_without_warning(model_copy):
    # regression: recording scipy must not make every older model file warn
    mp = model_copy.with_name("m.joblib.manifest.json")
    m = json.loads(mp.read_text())
    m["versions"].pop("scipy", None)
    mp.write_text(json.dumps(m))
    with warnings.catch_warnings():
        warnings.simplefilter("error", ModelVersionWarning)
        stancekit.load_model(model_copy)


def test_save_is_atomic_and_leaves_no_temporary_files(tmp_path, shipped_model):
    save_model(shipped_model, tmp_path / "x.joblib")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.joblib", "x.joblib.manifest.json", "x.joblib.scorer.npz"]
    stancekit.load_model(tmp_path / "x.joblib")


# -- scorer files: scoring without scikit-learn or pickle ----------------------------------------------

def _dev_statements(n_docs=6):
    docs = sorted((FIXTURES / "dev").glob("*.txt"))[:n_docs]
    return [st for p in docs for st in stancekit.segment(p.read_text(encoding="utf-8"), p.stem)]


def test_scorer_file_gives_what_the_scikit_learn_pipelines_give(shipped_model):
    """The scorer file holds the model as numbers and text; its probabilities are the pipelines' own,
    to the last bit (features by the same blocks, the classifier by X @ coef.T + intercept)."""
    from stancekit._scorer import read_scorer, scorer_path
    from stancekit._vectors import statement_inputs
    statements = _dev_statements()
    inputs = statement_inputs(statements)
    scorer = read_scorer(scorer_path(MODEL))
    got = scorer.predict_proba(statements)
    # scikit-learn's Pipeline.predict_proba per target (transform, then StanceClassifier), after the
    # first model's pipelines where the model is stacked
    want = shipped_model._pipeline_proba(inputs, fast=False)
    for tid in shipped_model.pipelines:
        np.testing.assert_array_equal(got[tid], want[tid])
    assert scorer._best(statements) == shipped_model._best(statements)


def test_tampered_scorer_is_refused_unread(model_copy):
    from stancekit._scorer import load_scoring_model
    sp = model_copy.with_name("m.joblib.scorer.npz")
    shutil.copy(MODEL.with_name("stancekit-default.joblib.scorer.npz"), sp)
    assert type(load_scoring_model(model_copy)).__name__ == "Scorer"
    with open(sp, "ab") as f:
        f.write(b"x")
    with pytest.raises(ModelIntegrityError, match=r"m.joblib.scorer.npz: sha256 .* does not match the manifest"):
        load_scoring_model(model_copy)


def _npz(path, **arrays):
    np.savez(path, **arrays)
    return path


@pytest.mark.parametrize("make,reason", [
    (lambda d: d.joinpath("x.npz").write_bytes(b"") or d / "x.npz", "not a stancekit scorer"),
    (lambda d: (np.save(d / "a.npy", np.arange(3)), d / "a.npy")[1], "a single array, not an archive"),
    (lambda d: _npz(d / "b.npz", other=np.arange(3)), "no meta"),
    (lambda d: _npz(d / "c.npz", meta=np.frombuffer(b'[1, 2]', dtype=np.uint8)), "scorer format None"),
    (lambda d: _npz(d / "e.npz", meta=np.frombuffer(b'{"format": 1}', dtype=np.uint8)), "not a stancekit scorer"),
    (lambda d: _npz(d / "f.npz", meta=np.frombuffer(b'{"format": 9}', dtype=np.uint8)), "scorer format 9"),
])
def test_foreign_scorer_file_is_a_clear_model_error(tmp_path, make, reason):
    """Regression: some foreign files raised TypeError, EOFError, KeyError or AttributeError."""
    from stancekit._scorer import read_scorer
    path = make(tmp_path)
    with pytest.raises(ModelError, match=reason):
        read_scorer(path)


def test_two_models_in_one_folder_keep_their_own_scorers(small_train, tmp_path):
    """Regression: 'm.joblib' and 'm.pkl' both wrote 'm.scorer.npz'."""
    from stancekit._scorer import load_scoring_model
    a = fit_model(small_train, default_targets(), {"min_df": 1})
    b = fit_model(small_train, default_targets(), {"min_df": 1, "C": 0.1})
    save_model(a, tmp_path / "m.joblib")
    save_model(b, tmp_path / "m.pkl")
    sts = _dev_statements(2)
    assert load_scoring_model(tmp_path / "m.joblib")._best(sts) == a._best(sts)
    assert load_scoring_model(tmp_path / "m.pkl")._best(sts) == b._best(sts)


def test_model_copied_without_its_scorer_is_scored_from_the_pickle(model_copy):
    from stancekit._scorer import load_scoring_model
    assert isinstance(load_scoring_model(model_copy), stancekit.StanceModel)


@pytest.mark.parametrize("settings", [{"calibration": "sigmoid"}, {"char_ngram_range": [2, 3]}])
def test_model_without_a_plain_data_form_has_no_scorer_and_still_scores(small_train, tmp_path, settings):
    from stancekit._scorer import load_scoring_model
    model = fit_model(small_train, default_targets(), {"min_df": 1, **settings})
    (tmp_path / "x.joblib.scorer.npz").write_bytes(b"an earlier model's scorer")
    manifest = save_model(model, tmp_path / "x.joblib")
    assert manifest["scorer"] is None and not (tmp_path / "x.joblib.scorer.npz").exists()
    docs = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted((FIXTURES / "dev").glob("*.txt"))[:2]]
    got = list(stancekit.score_documents(docs, model_path=tmp_path / "x.joblib"))
    assert isinstance(load_scoring_model(tmp_path / "x.joblib"), stancekit.StanceModel)
    assert got == list(stancekit.score_documents(docs, model=model))


def test_scoring_from_the_command_line_imports_no_scikit_learn(tmp_path):
    code = ("import sys; from stancekit._cli import main; "
            f"rc = main(['score', {str(ROOT / 'docs' / 'example-article.txt')!r}, '-o', {str(tmp_path / 'o.jsonl')!r}]); "
            "print(rc, 'sklearn' in sys.modules, 'joblib' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["0", "False", "False"]
    assert (tmp_path / "o.jsonl").read_text(encoding="utf-8").count("\n") > 3


# -- training ---------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def small_train():
    data, _ = read_labelled([FIXTURES / "dev"], ["treaty", "chairmanship"])
    return data


def test_training_is_deterministic(small_train, tmp_path):
    t = default_targets()
    a = fit_model(small_train, t, {"char_ngram_range": None})
    b = fit_model(small_train, t, {"char_ngram_range": None})
    assert_same_proba(a, b, [s.text for s in small_train.statements[:60]])
    ma = save_model(a, tmp_path / "a.joblib")
    mb = save_model(b, tmp_path / "b.joblib")
    assert ma["training_digest"] == mb["training_digest"]
    assert ma["scorer"]["sha256"] == mb["scorer"]["sha256"]  # the scorer file: the same bytes


def _write_csv(path, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=["text", "target", "label", "context"])
        w.writeheader()
        w.writerows(rows)


NEW_TARGET_ROWS = (
    [{"text": f"The city council backed the new tram line on route {i}.", "target": "tram", "label": "supporting", "context": ""} for i in range(8)]
    + [{"text": f"Residents opposed the tram line plan for street {i}.", "target": "tram", "label": "questioning", "context": ""} for i in range(8)]
    + [{"text": f"The weather on day {i} was mild.", "target": "tram", "label": "neutral", "context": ""} for i in range(8)]
)


def test_brand_new_target_end_to_end_from_csv(tmp_path):
    from stancekit._cli import main
    data = tmp_path / "tram.csv"
    _write_csv(data, NEW_TARGET_ROWS)
    targets = tmp_path / "targets.json"
    targets.write_text(json.dumps({"targets": [{"id": "tram", "description": "A city tram line",
                                                "phrases": ["tram", "tram line"]}]}))
    out = tmp_path / "tram.joblib"
    assert main(["train", str(data), "--targets", str(targets), "-o", str(out), "--set", "min_df=1"]) == 0
    model = stancekit.load_model(out)
    assert model.target_ids == ["tram"]
    res = stancekit.analyze("Mayor Ana Ruiz said the council backed the new tram line. "
                            "Residents opposed the tram line plan.", "t1", model=model)
    assert [s.stances["tram"].label for s in res] == ["supporting", "questioning"]


def test_train_from_jsonl_flat_file_with_target_from_data(tmp_path):
    from stancekit._cli import main
    p = tmp_path / "flat.jsonl"
    p.write_text("".join(json.dumps(r) + "\n" for r in NEW_TARGET_ROWS))
    out = tmp_path / "m.joblib"
    assert main(["train", str(p), "-o", str(out)]) == 0
    assert stancekit.load_model(out).target_ids == ["tram"]


@pytest.mark.parametrize("row,message", [
    ({"text": "x", "target": "tram", "label": "positive"}, r"flat.csv:3: unknown label 'positive'"),
    ({"text": "", "target": "tram", "label": "neutral"}, r"flat.csv:3: empty text"),
    ({"text": "x", "target": "", "label": "neutral"}, r"flat.csv:3: missing field 'target'"),
])
def test_bad_training_rows_name_file_and_line(tmp_path, row, message):
    p = tmp_path / "flat.csv"
    _write_csv(p, [NEW_TARGET_ROWS[0], {**{"context": ""}, **row}])
    with pytest.raises(DataError, match=message):
        read_labelled([p])


def test_unknown_target_is_reported(tmp_path):
    p = tmp_path / "flat.csv"
    _write_csv(p, NEW_TARGET_ROWS[:1])
    with pytest.raises(DataError, match=r"flat.csv:2: unknown target 'tram'; known targets: chairmanship, treaty"):
        read_labelled([p], ["treaty", "chairmanship"])


def test_class_with_too_few_examples_is_reported(tmp_path):
    p = tmp_path / "flat.csv"
    _write_csv(p, NEW_TARGET_ROWS[:8] + NEW_TARGET_ROWS[8:9])
    data, _ = read_labelled([p])
    with pytest.raises(DataError, match=r"target 'tram' has 1 'questioning' example\(s\); at least 2"):
        fit_model(data, [Target("tram", phrases=("tram",))])


def test_single_label_cannot_train(tmp_path):
    p = tmp_path / "flat.csv"
    _write_csv(p, NEW_TARGET_ROWS[:8])
    data, _ = read_labelled([p])
    with pytest.raises(DataError, match="has examples of 1 label"):
        fit_model(data, [Target("tram", phrases=("tram",))])


def test_cross_validation_needs_k_examples_per_class(tmp_path):
    from stancekit._train import cross_validate
    p = tmp_path / "flat.csv"
    _write_csv(p, NEW_TARGET_ROWS[:8] + NEW_TARGET_ROWS[8:11] + NEW_TARGET_ROWS[16:])
    data, _ = read_labelled([p])
    with pytest.raises(DataError, match=r"flat.csv: target 'tram' has too few examples to cross-validate with --cv 5: 3 'questioning'"):
        cross_validate(data, [Target("tram", phrases=("tram",))], {"min_df": 1}, 5)


def test_settings_chosen_by_cross_validation_on_train_alone(small_train, monkeypatch):
    """--select-cv: each candidate is cross-validated by document on the training data, once, with
    no neutral bias; every bias of the list is scored on those held-out probabilities; the best
    F_avg wins (the first of equals); no other set is read."""
    import stancekit._train as train_module
    grid = [{"C": 0.001}, {"C": 1.0}, {"C": 1.0, "min_df": 1}]
    seen = []
    real = train_module.cross_validated_probas
    monkeypatch.setattr(train_module, "cross_validated_probas",
                        lambda data, t, s, k, **kw: seen.append((data, s["C"], s["neutral_bias"], k))
                        or real(data, t, s, k, **kw))
    biases = (0.0, 0.5, 3.0)
    chosen, scores = train_module.select_settings_cv(small_train, default_targets(), 3, grid, {"doc_weight": 1.0},
                                                     neutral_biases=biases, margin=0.0)
    assert [(d is small_train, c, b, k) for d, c, b, k in seen] == [(True, 0.001, 0.0, 3), (True, 1.0, 0.0, 3),
                                                                      (True, 1.0, 0.0, 3)]
    assert [g for g, _f in scores] == [{**g, "neutral_bias": b} for g in grid for b in biases]
    f = {(g["C"], g.get("min_df"), g["neutral_bias"]): v for g, v in scores}
    assert f[1.0, None, 0.0] > f[0.001, None, 0.0]  # a tiny C labels (nearly) everything neutral
    assert f[1.0, None, 3.0] < f[1.0, None, 0.0]  # so does a large bias toward neutral
    best = max(v for _g, v in scores)
    assert chosen == {**train_module.DEFAULT_SETTINGS, "doc_weight": 1.0, **next(g for g, v in scores if v == best)}
    assert train_module.select_settings_cv(small_train, default_targets(), 3, grid, {"doc_weight": 1.0},
                                           neutral_biases=biases, margin=0.0) == (chosen, scores)
    # a bias other than 0 must beat 0 by the margin: with a margin no F_avg can clear, bias 0 wins
    seen.clear()
    kept, _ = train_module.select_settings_cv(small_train, default_targets(), 3, grid, {"doc_weight": 1.0},
                                              neutral_biases=biases, margin=1.0)
    best0 = max(v for g, v in scores if g["neutral_bias"] == 0.0)
    assert kept == {**train_module.DEFAULT_SETTINGS, "doc_weight": 1.0,
                    **next(g for g, v in scores if g["neutral_bias"] == 0.0 and v == best0)}
    # without biases, each candidate's own setting (here 0) is scored, as before the bias existed
    plain, plain_scores = train_module.select_settings_cv(small_train, default_targets(), 3, grid, {"doc_weight": 1.0},
                                                          neutral_biases=None)
    assert [(g, v) for g, v in plain_scores] == [(g, f[g["C"], g.get("min_df"), 0.0]) for g in grid]


@pytest.mark.parametrize("extra", [{}, {"mlp_blend": 0.5, "mlp_hidden": 8, "mlp_alpha": 30}],
                         ids=["linear", "with_the_perceptron"])
def test_cross_validated_labels_with_a_neutral_bias_are_those_of_a_model_fit_with_it(small_train, extra):
    """The bias is scored on held-out probabilities of the unbiased models (--select-cv); a
    cross-validation of models fit with the bias gives the same labels. Regression (session 21):
    with the perceptron blended in, the bias went to the linear share alone, so the two differed."""
    from stancekit._train import cross_validated_probas
    s = {"min_df": 1, "doc_weight": 1.0, **extra}
    cv0 = cross_validated_probas(small_train, default_targets(), s, 3)
    cv1 = cross_validated_probas(small_train, default_targets(), {**s, "neutral_bias": 0.7}, 3)
    assert cv0.labels(0.7) == cv1.labels() != cv0.labels()
    assert cv0.result(0.7).to_dict() == cv1.result().to_dict()
    assert set(cv1.result().by_voice) == {"author's voice", "attributed"}


def test_batch_scoring_equals_one_document_at_a_time(shipped_model):
    from stancekit._batch import Document, _score_batch_with, records_for
    texts = [p.read_text(encoding="utf-8") for p in sorted((FIXTURES / "dev").glob("*.txt"))[:4]]
    docs = [Document(f"d{i}", text=t) for i, t in enumerate(texts)] + [Document("bad", error="x: unreadable")]
    assert _score_batch_with(docs, shipped_model, 10_000_000) == [records_for(d, shipped_model) for d in docs]


def test_batch_records_carry_what_predict_gives(shipped_model):
    """The batch path builds the stances field without Stance objects; it must say what predict says."""
    from stancekit._api import analyze
    from stancekit._batch import Document, records_for
    text = sorted((FIXTURES / "dev").glob("*.txt"))[0].read_text(encoding="utf-8")
    records = records_for(Document("d", text=text), shipped_model)
    scored = analyze(text, "d", model=shipped_model)
    assert records and [r["stances"] for r in records] == [s.to_dict()["stances"] for s in scored]
    assert [r["text"] for r in records] == [text[r["start"]:r["end"]] for r in records]


def test_unknown_setting_is_named_with_the_allowed_ones():
    from stancekit._model import build_pipeline
    with pytest.raises(ValueError, match=r"setting 'C_value' is not one of: 'C', 'word_ngram_range'"):
        build_pipeline(Target("t", phrases=("tram",)), {"C_value": 3})
    with pytest.raises(TypeError, match=r"setting 'use_cues' must be true or false, got str"):
        build_pipeline(Target("t", phrases=("tram",)), {"use_cues": "no"})


def test_news_blocks_can_be_turned_off_by_settings():
    from stancekit._model import build_pipeline
    texts = ["The tram plan was welcomed.", "Critics doubt the tram plan.", "The tram runs late."] * 2
    on = build_pipeline(Target("t", phrases=("tram",)), {"min_df": 1})[0].fit(texts)
    off = build_pipeline(Target("t", phrases=("tram",)),
                         {"min_df": 1, "use_cues": False, "use_target": False, "use_kind": False})[0].fit(texts)
    names_on, names_off = set(on.get_feature_names_out()), set(off.get_feature_names_out())
    assert any(n.startswith(("cue:", "target:", "kind=")) for n in names_on)
    assert not any(n.startswith(("cue:", "target:", "kind=", "x:")) for n in names_off)
    assert {n for n in names_on if n.startswith("w:")} == {n for n in names_off if n.startswith("w:")}


def test_affix_analyzer():
    from stancekit._features import AffixAnalyzer
    assert AffixAnalyzer((4, 6))("Welcomed it") == ["welc~", "welcom~"]


# -- document context and stacking ------------------------------------------------------------------------

STACKED = {"min_df": 1, "doc_weight": 1.0, "stack_weight": 1.0, "actor_weight": 0.0}


@pytest.fixture(scope="module")
def stacked_model(small_train):
    return fit_model(small_train, default_targets(), STACKED)


@pytest.fixture(scope="module")
def author_model(small_train):
    """Stacked, with the article's own voice as one actor of its document (as shipped)."""
    return fit_model(small_train, default_targets(), {**STACKED, "author_actor": True})


@pytest.fixture(scope="module")
def focus_model(small_train):
    """With whether the document names the target at all (doc_focus) and the gate that reads it."""
    return fit_model(small_train, default_targets(), {**STACKED, "author_actor": True, "doc_focus": True,
                                                      "doc_gate": True})


@pytest.fixture(scope="module")
def about_model(small_train):
    """The focus model, reading the targets' "about" phrases too (doc_about)."""
    return fit_model(small_train, default_targets(), {**STACKED, "author_actor": True, "doc_focus": True,
                                                      "doc_gate": True, "doc_about": True})


@pytest.fixture(scope="module")
def bias_model(small_train):
    """The about model with the neutral logit raised after calibration (neutral_bias)."""
    return fit_model(small_train, default_targets(), {**STACKED, "author_actor": True, "doc_focus": True,
                                                      "doc_gate": True, "doc_about": True, "neutral_bias": 0.8})


_OFF_TOPIC = ("The senator won the primary on Tuesday. Her rival said the result was a disgrace. "
              "\"We welcome the voters' choice,\" a spokesman said. The count ends today.")


@pytest.mark.parametrize("which", ["stacked_model", "author_model", "focus_model", "about_model", "bias_model"])
def test_stacked_scorer_file_gives_what_the_scikit_learn_pipelines_give(which, request, tmp_path):
    """Document features and the first model's stacked view exist in both paths, bit for bit
    (read at once and in blocks of a few statements), a document that names no target included."""
    stacked_model = request.getfixturevalue(which)
    from stancekit._scorer import load_scoring_model
    from stancekit._vectors import statement_inputs
    save_model(stacked_model, tmp_path / "s.joblib")
    scorer = load_scoring_model(tmp_path / "s.joblib")
    assert type(scorer).__name__ == "Scorer" and scorer.stage1 is not None
    statements = _dev_statements(4) + stancekit.segment(_OFF_TOPIC, "off")
    got = scorer.predict_proba(statements)
    want = stacked_model._pipeline_proba(statement_inputs(statements), fast=False)  # Pipeline.predict_proba
    for tid in want:
        np.testing.assert_array_equal(got[tid], want[tid])
    in_blocks = scorer.proba_of_inputs(statements, 3)
    for tid in want:
        np.testing.assert_array_equal(in_blocks[tid], want[tid])
    assert scorer._best(statements) == stacked_model._best(statements)


def test_document_that_names_no_target_is_neutral_toward_it_with_the_gate(focus_model):
    """Off-topic false positives (#14): with doc_gate, every statement of a document that names
    none of a target's phrases is neutral toward it, certain, in the model and its scorer; a
    document that names the target is labelled by the classifier as before."""
    off = stancekit.segment(_OFF_TOPIC, "off")
    on = stancekit.segment("Ann Lee said the treaty was a fine idea. Bo Ek said it was a disgrace.", "on")
    assert len(off) > 1
    for rows in (focus_model.predict(off), focus_model.scorer().predict_proba(off)):
        if isinstance(rows, dict):
            for tid, p in rows.items():
                np.testing.assert_array_equal(p, np.tile([0.0, 0.0, 1.0], (len(off), 1)))
        else:
            assert all(r[t] == Stance("neutral", 1.0) for r in rows for t in r)
    assert focus_model.predict(on)[0]["treaty"].confidence < 1.0


# US news that names only the chairmanship's broad phrases ("elections", "opposition", "human rights",
# "the chair"), none of its "about" phrases (data/target_about.json: OSCE, Kazakhstan, Astana, ...).
_BROAD = ("Voters cast ballots in the state elections on Sunday. The opposition said the governor's "
          "human rights record was a disgrace. \"We welcome the result,\" the chair of the party said.")


def test_broad_chairmanship_phrases_pass_the_gate_without_doc_about(focus_model, about_model, tmp_path):
    """The fourth #14 round's known limit: a document that names only a target's broad phrases was
    read as one about the target. With doc_about it is gated for the chairmanship (model, scorer
    file); so is the treaty, whose phrases it does not name either."""
    from stancekit._scorer import load_scoring_model
    broad = stancekit.segment(_BROAD, "broad")
    assert len(broad) > 1
    assert any(r["chairmanship"].confidence < 1.0 for r in focus_model.predict(broad))  # the limit
    save_model(about_model, tmp_path / "a.joblib")
    scorer = load_scoring_model(tmp_path / "a.joblib")
    assert all(r["chairmanship"] == Stance("neutral", 1.0) for r in about_model.predict(broad))
    np.testing.assert_array_equal(scorer.predict_proba(broad)["chairmanship"],
                                  np.tile([0.0, 0.0, 1.0], (len(broad), 1)))
    assert all(r["treaty"] == Stance("neutral", 1.0) for r in about_model.predict(broad))
    on = stancekit.segment("The OSCE chair met Kazakh officials. Ann Lee said the chairmanship was a disgrace.", "on")
    assert about_model.predict(on)[1]["chairmanship"].confidence < 1.0


def test_neutral_bias_raises_the_neutral_logit_after_calibration_and_nothing_else(about_model, bias_model, tmp_path):
    """neutral_bias (#14: balanced classes over-predict stances) adds a constant to the second
    model's calibrated neutral logit: the fit (weights, temperatures, the unbiased first model)
    is the same, each probability row is the unbiased one re-weighted by exp(bias) on neutral,
    a neutral label stays neutral, gated rows stay certain; the scorer file carries the bias."""
    from stancekit._scorer import load_scoring_model
    from stancekit._targets import LABELS
    for tid in about_model.pipelines:
        a, b = about_model.pipelines[tid][-1], bias_model.pipelines[tid][-1]
        np.testing.assert_array_equal(a.estimator_.coef_, b.estimator_.coef_)
        assert a.temperature_ == b.temperature_ and b.neutral_bias == 0.8
        assert bias_model.stage1.pipelines[tid][-1].neutral_bias == 0.0
    statements = _dev_statements(4) + stancekit.segment(_OFF_TOPIC, "off")
    p0, p1 = about_model.predict_proba(statements), bias_model.predict_proba(statements)
    n = LABELS.index("neutral")
    moved = 0
    for tid in p0:
        w = p0[tid].copy()
        w[:, n] *= np.exp(0.8)
        np.testing.assert_allclose(p1[tid], w / w.sum(axis=1, keepdims=True), rtol=1e-9, atol=1e-12)
        before, after = p0[tid].argmax(axis=1), p1[tid].argmax(axis=1)
        assert np.all(after[before == n] == n)
        moved += int(np.sum((before != n) & (after == n)))
        np.testing.assert_array_equal(p1[tid][p0[tid][:, n] == 1.0], p0[tid][p0[tid][:, n] == 1.0])
    assert moved > 0  # the bias is big enough to turn some stances neutral on these documents
    save_model(bias_model, tmp_path / "b.joblib")
    scorer = load_scoring_model(tmp_path / "b.joblib")
    assert {h.neutral_bias for h in scorer.heads.values()} == {0.8}
    assert {h.neutral_bias for h in scorer.stage1.heads.values()} == {0.0}


def test_scorer_file_of_a_model_without_neutral_bias_does_not_name_it(about_model, tmp_path):
    """A model without the bias writes the scorer file it wrote before the setting existed."""
    from stancekit._scorer import _texts, scorer_arrays
    meta = json.loads(_texts(scorer_arrays(about_model.scorer())["meta"])[0])
    assert all("neutral_bias" not in t for t in meta["targets"] + meta["stage1"]["targets"])


@pytest.mark.parametrize("value", ["0.5", float("nan"), float("inf"), True, None, [0.5]])
def test_neutral_bias_must_be_a_finite_number(value):
    with pytest.raises(ValueError, match=r"setting 'neutral_bias' must be a finite number"):
        build_pipeline(default_targets()[0], {"neutral_bias": value})


@pytest.mark.parametrize("setting,message", [
    ('neutral_bias="x"', r"setting 'neutral_bias' must be a finite number .*got 'x'"),
    ("doc_gate=true", r"setting 'doc_gate' reads the document focus"),
    ("tree_blend=2", r"setting 'tree_blend' must be a number from 0 \(no trees\) to 1 .*got 2"),
    ("tree_rounds=0", r"setting 'tree_rounds' must be a whole number above 0, got 0"),
    ("author_stack=true", r"setting 'author_stack' reads the first model's view: it needs 'stack_weight' above 0"),
])
def test_bad_setting_value_is_a_usage_error_not_a_traceback(tmp_path, capsys, setting, message):
    """Regression: 'stancekit train --set doc_gate=true' (and a bad neutral_bias) ended in a
    ValueError traceback after reading the data; now exit status 2, one line, nothing written."""
    from stancekit._cli import main
    examples = ROOT / "docs" / "examples"
    rc = main(["train", str(examples / "tram-labels.csv"), "--targets", str(examples / "tram-targets.json"),
               "-o", str(tmp_path / "m.joblib"), "--set", setting])
    err = capsys.readouterr().err
    assert rc == 2 and re.search(r"stancekit train: error: " + message, err) and "Traceback" not in err
    assert not (tmp_path / "m.joblib").exists()


def test_classifier_pickled_before_neutral_bias_existed_adds_nothing(small_train):
    """A StanceClassifier pickled before the parameter existed has no ``neutral_bias`` in its
    state; unpickled, it gets the default and scores as it did."""
    import pickle

    from stancekit.sklearn import StanceClassifier
    X = np.array([[0.0, 1.0], [1.0, 0.0], [1.0, 1.0], [0.0, 0.0]] * 6)
    y = np.array(["supporting", "questioning", "neutral", "neutral"] * 6)
    clf = StanceClassifier().fit(X, y)
    want = clf.predict_proba(X)
    del clf.neutral_bias
    old = pickle.loads(pickle.dumps(clf))  # the file's state has no neutral_bias
    assert old.neutral_bias == 0.0
    np.testing.assert_array_equal(old.predict_proba(X), want)


def test_about_phrases_need_the_document_focus():
    with pytest.raises(ValueError, match=r"setting 'doc_about' .* needs 'doc_focus' true .*got doc_focus=False"):
        build_pipeline(default_targets()[1], {"doc_about": True, "doc_weight": 1.0})


def test_gate_needs_the_document_focus():
    with pytest.raises(ValueError, match=r"setting 'doc_gate' .* needs 'doc_focus' true .*got doc_focus=False"):
        build_pipeline(default_targets()[0], {"doc_gate": True, "doc_weight": 1.0})


def test_a_document_is_labelled_the_same_alone_or_in_a_batch(stacked_model):
    docs = sorted((FIXTURES / "dev").glob("*.txt"))[:3]
    per_doc = [stancekit.segment(p.read_text(encoding="utf-8"), p.stem) for p in docs]
    together = stacked_model.predict([st for sts in per_doc for st in sts])
    assert together == [p for sts in per_doc for p in stacked_model.predict(sts)]


def test_stack_features_come_from_models_that_never_saw_the_document(small_train):
    """Regression guard for leakage: flipping one document's gold labels leaves that document's
    stacked features as they were (they come from first models fit on the other folds)."""
    from stancekit._data import LabelledSet
    from stancekit._model import _stack_training
    flip = {"supporting": "questioning", "questioning": "supporting", "neutral": "neutral"}
    doc = small_train.statements[0].doc_id
    changed = LabelledSet([s if s.doc_id != doc else type(s)(**{**s.__dict__, "labels": {t: flip[v] for t, v in s.labels.items()}})
                           for s in small_train.statements], small_train.documents, small_train.files)
    settings = {**STACKED, "stack_weight": 0.0}
    _m1, a = _stack_training(small_train, default_targets(), settings, 0, 2)
    _m2, b = _stack_training(changed, default_targets(), settings, 0, 2)
    mine = [i for i, s in enumerate(small_train.statements) if s.doc_id == doc]
    assert [a[i] for i in mine] == [b[i] for i in mine]
    assert any(a[i] != b[i] for i in range(len(a)) if i not in set(mine))  # other documents did see it


@pytest.mark.parametrize("which,settings", [("stacked_model", STACKED),
                                            ("author_model", {**STACKED, "author_actor": True})])
def test_stacked_training_is_deterministic(small_train, which, settings, request, tmp_path):
    stacked_model = request.getfixturevalue(which)
    again = fit_model(small_train, default_targets(), settings)
    assert save_model(again, tmp_path / "a.joblib")["scorer"]["sha256"] == \
        save_model(stacked_model, tmp_path / "b.joblib")["scorer"]["sha256"]


# -- evidence ---------------------------------------------------------------------------------------------

from stancekit._vectors import _WORD  # noqa: E402

_DESCRIBED = ("target ", "cue: ", "cues: ", "kind: ", "actor: ", "before: ", "endorsing cue", "doubting cue",
              "same actor", "statement before", "statement after", "rest of the document", "first reading",
              "refers back")


def test_explain_gives_features_present_in_the_text_toward_the_chosen_label(stacked_model):
    statements = _dev_statements(2)
    evidence = stacked_model.explain(statements, k=6)
    labels = stacked_model.predict(statements)
    assert len(evidence) == len(statements)
    n_terms = 0
    for st, ev, lab in zip(statements, evidence, labels):
        assert set(ev) == set(lab)
        words = " " + " ".join(_WORD.findall(st.text.lower())) + " "
        for tid, terms in ev.items():
            assert len(terms) <= 6 and len(set(terms)) == len(terms)
            for term in terms:
                if not term.startswith(_DESCRIBED):  # a word, a pair of words, or a word's prefix
                    n_terms += 1
                    assert (f" {term} " in words if not term.endswith("…") else f" {term[:-1]}" in words), \
                        (term, st.text)
    assert n_terms >= 5  # words and prefixes among the evidence (the stacked view and cues weigh much too)
    assert stacked_model.explain(statements, k=6) == evidence  # deterministic
    assert [{t: e[:2] for t, e in ev.items()} for ev in evidence] == stacked_model.explain(statements, k=2)


def test_explain_in_the_scorer_equals_explain_in_the_model(stacked_model):
    sts = _dev_statements(2)
    assert stacked_model.scorer().explain(sts, 2) == stacked_model.explain(sts, k=2)


def test_explain_needs_a_positive_k_and_a_linear_model(small_train, stacked_model):
    with pytest.raises(TypeError, match=r"k must be a positive int, got int"):
        stacked_model.explain(["The treaty."], k=0)
    sigmoid = fit_model(small_train, default_targets(), {"min_df": 1, "calibration": "sigmoid"})
    with pytest.raises(ModelError, match=r"'sigmoid' calibration"):
        sigmoid.explain(["The treaty."])


def test_score_explain_in_jsonl_and_csv_and_not_without_the_flag(tmp_path, stacked_model):
    from stancekit._cli import main
    save_model(stacked_model, tmp_path / "m.joblib")
    art = ROOT / "docs" / "example-article.txt"
    base = ["score", str(art), "--model", str(tmp_path / "m.joblib"), "--quiet"]
    assert main(base + ["-o", str(tmp_path / "plain.jsonl")]) == 0
    assert main(base + ["--explain", "2", "-o", str(tmp_path / "ev.jsonl")]) == 0
    assert main(base + ["--explain", "--format", "csv", "-o", str(tmp_path / "ev.csv")]) == 0
    plain = [json.loads(x) for x in (tmp_path / "plain.jsonl").read_text(encoding="utf-8").splitlines()]
    ev = [json.loads(x) for x in (tmp_path / "ev.jsonl").read_text(encoding="utf-8").splitlines()]
    assert all("evidence" not in s for r in plain for s in r["stances"].values())
    assert [{t: {k: v for k, v in s.items() if k != "evidence"} for t, s in r["stances"].items()} for r in ev] == \
        [r["stances"] for r in plain]  # the flag adds evidence and changes nothing else
    assert all(len(s["evidence"]) <= 2 for r in ev for s in r["stances"].values())
    texts = [r["text"] for r in plain]
    assert [e["evidence"] for e in ev[0]["stances"].values()] == \
        list(stacked_model.explain(stancekit.segment(art.read_text(encoding="utf-8"), art.stem), k=2)[0].values())
    rows = list(csv.DictReader((tmp_path / "ev.csv").open(encoding="utf-8")))
    assert [r["text"] for r in rows] == texts
    assert rows[0]["treaty_evidence"] and "treaty_evidence" in rows[0] and "chairmanship_evidence" in rows[0]
    report = subprocess.run([sys.executable, "-m", "stancekit", "report", str(tmp_path / "ev.jsonl"), "--explain"],
                            capture_output=True, text=True, check=True).stdout
    assert " <- " in report
    no_ev = subprocess.run([sys.executable, "-m", "stancekit", "report", str(tmp_path / "ev.jsonl")],
                           capture_output=True, text=True, check=True).stdout
    assert " <- " not in no_ev


def test_score_explain_refuses_a_count_that_is_not_positive(capsys):
    from stancekit._cli import main
    with pytest.raises(SystemExit) as e:
        main(["score", str(ROOT / "docs" / "example-article.txt"), "--explain", "0"])
    assert e.value.code == 2
    assert "'0': expected a positive whole number of evidence terms per stance" in capsys.readouterr().err


# -- evaluation: the article's own voice apart --------------------------------------------------------------

def test_evaluate_reports_the_authors_voice_apart(stacked_model):
    from stancekit._evaluate import evaluate_model, format_result
    data, _ = read_labelled([FIXTURES / "dev"], ["treaty", "chairmanship"])
    for res in evaluate_model(stacked_model, data):
        voices = res.by_voice
        assert set(voices) == {"author's voice", "attributed"}
        assert voices["author's voice"]["pairs"] > 0 and voices["attributed"]["pairs"] > 0
        if res.mode == "gold spans":
            assert voices["author's voice"]["pairs"] + voices["attributed"]["pairs"] == res.pairs
        assert "author's voice             F_avg" in format_result(res)


def test_regression_shipped_pipelines_give_params_and_clone(shipped_model):
    """A classifier pickled before ``neutral_bias`` existed made get_params and clone fail with
    AttributeError (the shipped model of that time). They work on the shipped model, and the
    parameter is the one models/settings.json gives (0.4 since session 21)."""
    from sklearn.base import clone

    bias = json.loads((ROOT / "models" / "settings.json").read_text(encoding="utf-8"))["neutral_bias"]
    for pipe in shipped_model.pipelines.values():
        params = pipe.get_params(deep=True)
        assert params["classifier__neutral_bias"] == bias
        assert clone(pipe).get_params(deep=False).keys() == pipe.get_params(deep=False).keys()

