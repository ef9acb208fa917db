from __future__ import annotations

import importlib.util
import json
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest

# One BLAS and OpenMP thread in the tests and in the processes they start, set before numpy, scipy
# or scikit-learn is loaded (a value set outside is kept). The models are fitted under
# threadpool_limits(1) already (stancekit._model.fit_model); the rest (scikit-learn's
# check_estimator, the classifier's own fits, scoring) ran OpenBLAS's two spinning threads on tiny
# matrices: on a loaded 2-core machine, check_estimator(StanceClassifier(calibration="sigmoid"))
# took 26 CPU seconds with them and 1.8 with one.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "000_9c81a39b0ce1faa2.txt"
SEED_ANNOTATIONS = ROOT / "fixtures" / "seed" / "annotations.jsonl"
FIXTURES = ROOT / "fixtures"
MODEL = ROOT / "models" / "stancekit-default.joblib"


def load_benchmark(name: str) -> ModuleType:
    """Import ``benchmarks/<name>.py`` (not a package) as the module ``bench_<name>``."""
    spec = importlib.util.spec_from_file_location(f"bench_{name}", ROOT / "benchmarks" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # its dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="session")
def seed_text() -> str:
    if not SEED.is_file():
        pytest.skip(f"the seed article is not ours to copy and lives outside the repo; not found at {SEED}")
    from stancekit._data import read_document
    return read_document(SEED)


@pytest.fixture(scope="session")
def seed_gold() -> list[dict]:
    return [json.loads(line) for line in SEED_ANNOTATIONS.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="session")
def shipped_model():
    import stancekit
    return stancekit.load_model(MODEL)


@pytest.fixture(scope="session")
def shipped_attribution():
    """The shipped attribution model (models/attribution.npz); its tests skip in a tree without it."""
    from stancekit.attribution import load_attribution_model

    model = load_attribution_model(missing_ok=True)
    if model is None:
        pytest.skip("models/attribution.npz absent")
    return model


@pytest.fixture(scope="session")
def small_train():
    """fixtures/dev as a labelled set: the small training set of the second-model tests
    (tests/test_trees.py, tests/test_mlp.py)."""
    from stancekit._data import read_labelled
    data, _ = read_labelled([FIXTURES / "dev"], ["treaty", "chairmanship"])
    return data


@pytest.fixture(scope="module")
def train_part():
    """The first 30 articles of fixtures/train: a small training set with interviews in it (the
    second-model tests of settings that need them: tests/test_questions.py)."""
    from stancekit._data import LabelledSet, read_labelled
    data, _ = read_labelled([FIXTURES / "train"], ["treaty", "chairmanship"])
    keys = sorted({s.doc_id for s in data.statements})[:30]
    return LabelledSet([s for s in data.statements if s.doc_id in set(keys)], data.documents, data.files)


def check_offsets_rules_and_model(text: str, model) -> None:
    """:func:`check_offsets` on ``text`` segmented by the rules alone and with ``model`` (the
    pathological-input tests of each rule: linear time and exact offsets both ways)."""
    checked_segment(text, None)
    checked_segment(text, model)


def checked_segment(text: str, attribution: object = None) -> list:
    """``segment(text, attribution=attribution)`` (the rules alone by default), its statements
    having passed :func:`check_offsets`: the body of the golden tables of actors."""
    from stancekit import segment

    got = segment(text, attribution=attribution)
    check_offsets(text, got)
    return got


def made_up_word(i: int) -> str:
    """A made-up capitalised word, distinct for distinct ``i`` ('Ba', 'Dabe', ...): names for long
    pathological inputs that repeat no name."""
    out = ""
    while True:
        out += "bdfgklmnprstvz"[i % 14] + "aeiou"[i // 14 % 5]
        i //= 70
        if not i:
            return out.capitalize()


def check_offsets(text: str, statements) -> None:
    """The invariants every segmentation must hold."""
    prev = -1
    for s in statements:
        assert text[s.start:s.end] == s.text
        assert s.start >= prev, "statements out of order or overlapping"
        assert s.start < s.end
        prev = s.end
        assert s.kind in ("direct", "indirect", "narrative")
        assert (s.actor is None) == (s.kind == "narrative")


def assert_same_proba(a, b, statements) -> None:
    """Stance models ``a`` and ``b`` give ``statements`` the same probabilities, to the bit, target
    by target."""
    import numpy as np

    pa, pb = a.predict_proba(statements), b.predict_proba(statements)
    for tid in pa:
        np.testing.assert_array_equal(pa[tid], pb[tid])


def check_fit_is_deterministic(model, data, settings: dict, statements) -> None:
    """A second fit of ``settings`` on ``data`` labels ``statements`` as ``model``, fitted so, did."""
    from stancekit._model import fit_model
    from stancekit._targets import default_targets

    assert_same_proba(model, fit_model(data, default_targets(), settings), statements)


def check_off_is_without(data, settings: dict, off: dict, statements) -> tuple:
    """A setting's off value is the model without it: ``settings`` less the keys of ``off``, and
    the same with ``off``, fitted on ``data``, label ``statements`` alike. Returns both models."""
    from stancekit._model import fit_model
    from stancekit._targets import default_targets

    base = {k: v for k, v in settings.items() if k not in off}
    a = fit_model(data, default_targets(), base)
    b = fit_model(data, default_targets(), {**base, **off})
    assert_same_proba(a, b, statements)
    return a, b
